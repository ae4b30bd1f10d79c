import { browser, type Runtime } from '../browser';

/** Notice from the background to extension pages: "ask again". Not a request; nobody answers it. */
export const UI_CHANGED = 'ui:changed';

/** Calls `onChange` whenever the background says the state changed. Returns the unsubscribe function. */
export function onUiChanged(onChange: () => void): () => void {
  const listener = (message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return;
    if ((message as { type?: unknown } | null)?.type === UI_CHANGED) onChange();
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
