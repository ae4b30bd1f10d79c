import { describe, expectTypeOf, it } from 'vitest';
import type { MessageFrom, ProtocolMap } from '../shared/messages/contract';
import type { Actions, MessageMethods } from './actions';

type PageMessage = MessageFrom<'extension'>;
/** What each of Actions' message methods resolves to. */
type Replies = { [T in PageMessage]: Awaited<ReturnType<Actions[T]>> };

describe('Actions, derived from the message contract', () => {
  it('has a method for every message the extension pages may send', () => {
    expectTypeOf<PageMessage>().toExtend<keyof Actions>();
  });

  it("answers each message with exactly the contract's reply type", () => {
    expectTypeOf<Replies>().toEqualTypeOf<Pick<ProtocolMap, PageMessage>>();
  });

  it('no longer answers with unknown where a message replies null or a value', () => {
    expectTypeOf<Replies['renamePortal']>().toEqualTypeOf<null>();
    expectTypeOf<Replies['openConsole']>().toEqualTypeOf<null>();
    expectTypeOf<Replies['dismissSettingsNotice']>().toEqualTypeOf<null>();
    expectTypeOf<Replies['removeConsoleContainers']>().toEqualTypeOf<{ removed: number }>();
  });

  it('leaves out messages the pages may not send', () => {
    expectTypeOf<PageMessage>().not.toExtend<'getTabDisplay' | 'checkDeviceCode'>();
    expectTypeOf<'getTabDisplay'>().not.toExtend<PageMessage>();
    expectTypeOf<'checkDeviceCode'>().not.toExtend<PageMessage>();
  });

  it('refuses a method that declares another reply type than the contract', () => {
    // @ts-expect-error renamePortal replies null (ProtocolMap), not a string: the declaration does not fit.
    interface WrongReply extends MessageMethods {
      renamePortal(portalId: string, name: string): Promise<string>;
    }
    // @ts-expect-error Promise<unknown>, as Actions had before, does not fit either.
    interface UnknownReply extends MessageMethods {
      signOut(portalId: string): Promise<unknown>;
    }
    expectTypeOf<WrongReply | UnknownReply>().not.toBeNever();
  });
});
