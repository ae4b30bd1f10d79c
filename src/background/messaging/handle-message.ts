import * as v from 'valibot';
import {
  type ErrorCode,
  isMessageType,
  MESSAGE_SCHEMAS,
  type MessagePayload,
  type MessageType,
  type ProtocolMap,
  type Reply,
} from '../../shared/messages/contract';
import { checkSender, type ExtensionIdentity, type SenderInfo } from './check-sender';
import { UserFacingError } from './user-facing-error';

export interface HandlerContext {
  /** The tab of a content-script sender: the only tab it may ask about. */
  readonly tabId?: number;
  /** The page a content-script sender runs in (what it says of itself is only a hint, never a credential). */
  readonly pageUrl?: string;
}

export type Handlers = {
  [T in MessageType]: (payload: MessagePayload<T>, context: HandlerContext) => Promise<ProtocolMap[T]>;
};

function fail(code: ErrorCode, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}

/**
 * Validates one incoming message and runs its handler. Never throws: every failure becomes an error reply.
 * Error texts are built only from our own words (UserFacingError) or the schema's field path, never from
 * an exception's message, so a token can never leak through an error.
 */
export async function handleMessage(
  raw: unknown,
  sender: SenderInfo,
  self: ExtensionIdentity,
  handlers: Handlers,
): Promise<Reply<unknown>> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('bad-request', 'A message must be an object with a type.');
  }
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (!isMessageType(type)) return fail('bad-request', 'Unknown message type.');

  const spec = MESSAGE_SCHEMAS[type];
  const allowed = checkSender(sender, spec.audience, self);
  if (!allowed.ok) return fail('forbidden', `Refused ${type}: ${allowed.reason}.`);

  const parsed = v.safeParse(spec.payload, payload);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = issue ? v.getDotPath(issue) : null;
    return fail('bad-request', `Malformed ${type} payload${path ? ` at ${path}` : ''}.`);
  }

  try {
    const handler = handlers[type] as (p: unknown, c: HandlerContext) => Promise<unknown>;
    const context: HandlerContext = {
      ...(allowed.tabId === undefined ? {} : { tabId: allowed.tabId }),
      ...(allowed.tabId !== undefined && typeof sender.url === 'string' ? { pageUrl: sender.url } : {}),
    };
    return { ok: true, value: await handler(parsed.output, context) };
  } catch (error) {
    if (error instanceof UserFacingError) return fail('failed', error.message);
    const name = error instanceof Error ? error.name : 'Error';
    return fail(
      'failed',
      `${type} failed unexpectedly (${name}). Try again; if it keeps failing, reload the extension.`,
    );
  }
}
