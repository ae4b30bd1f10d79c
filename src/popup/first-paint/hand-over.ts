/**
 * What passes from the first paint to the app: the search box's text, caret and focus (the box is live while
 * the rest of the picture is inert, so typing is never lost), and the keys that act on the list (arrows, Enter,
 * Alt+letter), held back until the app can act on them. They travel through the DOM, which both scripts share.
 */

/** The search box, in the picture and in the app. */
export const SEARCH_SELECTOR = 'input[type="search"]';

/** On the first paint's container: the held-back keys, as JSON. */
export const QUEUED_KEYS_ATTRIBUTE = 'data-queued-keys';

export interface QueuedKey {
  readonly key: string;
  readonly code: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

/** Keys the app handles in the search box; every other key edits the text, which the box keeps by itself. */
export function isListKey(event: KeyboardEvent): boolean {
  return (
    event.key === 'ArrowDown' ||
    event.key === 'ArrowUp' ||
    event.key === 'Enter' ||
    (event.altKey && /^Key[A-Z]$/.test(event.code))
  );
}

export function queuedKey(event: KeyboardEvent): QueuedKey {
  const { key, code, altKey, ctrlKey, metaKey, shiftKey } = event;
  return { key, code, altKey, ctrlKey, metaKey, shiftKey };
}

export function readQueuedKeys(value: string | null): QueuedKey[] {
  if (!value) return [];
  try {
    const keys: unknown = JSON.parse(value);
    return Array.isArray(keys)
      ? keys.filter(
          (k): k is QueuedKey =>
            typeof k === 'object' && k !== null && typeof k.key === 'string' && typeof k.code === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

/**
 * Plays held-back keys to the search box one task apart, so each key's re-render lands before the next key is
 * handled, as with real key presses.
 */
export function playKeys(target: EventTarget, keys: readonly QueuedKey[]): void {
  // Increasing delays keep the order; each key is its own task, with the re-render of the one before in between.
  keys.forEach((key, i) => {
    setTimeout(
      () => target.dispatchEvent(new KeyboardEvent('keydown', { ...key, bubbles: true, cancelable: true })),
      i,
    );
  });
}
