/**
 * The one message to the offscreen clipboard document (src/offscreen): "write this text". Like `ui:changed`
 * it is sent by the background to extension pages, never to content scripts (runtime messages do not reach
 * them), and it is not a request the background answers, so it is not in contract.ts. It carries a secret
 * (role credentials): only the background sends it, only on the user's shortcut, and the offscreen page
 * answers only senders from the extension's own origin.
 */
export const OFFSCREEN_COPY = 'offscreen:copy';

/** Path of the offscreen document in the build, from the extension's root. */
export const OFFSCREEN_CLIPBOARD_PATH = 'src/offscreen/clipboard.html';

export interface OffscreenCopy {
  readonly type: typeof OFFSCREEN_COPY;
  readonly text: string;
}

export interface OffscreenCopyReply {
  readonly copied: boolean;
}

export function isOffscreenCopy(message: unknown): message is OffscreenCopy {
  const m = message as Partial<OffscreenCopy> | null;
  return m?.type === OFFSCREEN_COPY && typeof m.text === 'string';
}
