import type { SSOClient } from '@aws-sdk/client-sso';
import { UserFacingError } from '../messaging/user-facing-error';

/**
 * Portal answers larger than this are refused unread. A page of 100 accounts is about 20 kB and a page of
 * roles a few; 4 MiB leaves room for any real answer while a 20 MB one (a broken proxy, a bug) is never
 * parsed into the worker's memory.
 */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** The portal's answer was larger than MAX_ANSWER_BYTES. */
export class AnswerTooLargeError extends UserFacingError {
  constructor() {
    super('AWS sent an answer too large to use.');
    this.name = 'AnswerTooLargeError';
  }
}

/**
 * Makes `client` read each answer's body itself, up to `max` bytes, before the SDK parses it. Added inside the
 * SDK's deserializer (step `deserialize`, priority `low`: it runs before the deserializer sees the response),
 * so the error reaches the caller as thrown: the deserializer appends a hint to errors raised while it parses. The Content-Length is trusted to refuse
 * early, but the body is counted whatever it says (it may be absent, or wrong).
 */
export function boundAnswerSize(client: SSOClient, max = MAX_ANSWER_BYTES): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const response = result.response as { headers?: Record<string, string>; body?: unknown };
      const declared = Number(
        Object.entries(response.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-length')?.[1],
      );
      if (declared > max) {
        await discard(response.body);
        throw new AnswerTooLargeError();
      }
      response.body = await readAtMost(response.body, max);
      return result;
    },
    { step: 'deserialize', priority: 'low', name: 'boundAnswerSize' },
  );
}

/** The whole body as bytes, or AnswerTooLargeError as soon as it passes `max`. */
async function readAtMost(body: unknown, max: number): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array();
  if (body instanceof Uint8Array) return within(body, max);
  if (typeof Blob !== 'undefined' && body instanceof Blob) {
    if (body.size > max) throw new AnswerTooLargeError();
    return new Uint8Array(await body.arrayBuffer());
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of chunksOf(body)) {
      size += chunk.byteLength;
      if (size > max) throw new AnswerTooLargeError();
      chunks.push(chunk);
    }
  } catch (error) {
    // The loop has released the stream by now, so it can be cancelled.
    await discard(body);
    throw error;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function within(bytes: Uint8Array, max: number): Uint8Array {
  if (bytes.byteLength > max) throw new AnswerTooLargeError();
  return bytes;
}

/** Chunks of a fetch ReadableStream (browsers) or a Node stream (unit tests run the SDK's Node handler). */
async function* chunksOf(body: unknown): AsyncGenerator<Uint8Array> {
  if (typeof (body as ReadableStream).getReader === 'function') {
    const reader = (body as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
    yield typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
  }
}

/** Stops the download of a body we will not read. */
async function discard(body: unknown): Promise<void> {
  const stream = body as { cancel?: () => Promise<void>; destroy?: () => void } | null | undefined;
  try {
    if (typeof stream?.cancel === 'function') await stream.cancel();
    else stream?.destroy?.();
  } catch {
    // Already closed or locked: nothing left to stop.
  }
}
