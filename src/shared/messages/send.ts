import { browser } from '../browser';
import type { MessagePayload, MessageType, ProtocolMap, Reply } from './contract';

/** The background answered with an error reply; `message` is safe to show to the user. */
export class MessageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}

const COLD_START_RETRIES = 5;
const COLD_START_DELAY_MS = 100;

/**
 * Sends a typed message to the background and unwraps its reply. The worker may be starting up, so
 * "Receiving end does not exist" is retried briefly (webext-messenger does the same) instead of failing.
 */
export async function sendMessage<T extends MessageType>(
  type: T,
  payload: MessagePayload<T>,
): Promise<ProtocolMap[T]> {
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = (await browser.runtime.sendMessage({ type, payload })) as
        | Reply<ProtocolMap[T]>
        | undefined;
      if (!reply) throw new MessageError('failed', 'The extension did not answer. Reload it and try again.');
      if (!reply.ok) throw new MessageError(reply.error.code, reply.error.message);
      return reply.value;
    } catch (error) {
      const coldStart = error instanceof Error && /Receiving end does not exist/i.test(error.message);
      if (!coldStart || attempt >= COLD_START_RETRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, COLD_START_DELAY_MS));
    }
  }
}
