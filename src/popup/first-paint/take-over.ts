import {
  playKeys,
  QUEUED_KEYS_ATTRIBUTE,
  type QueuedKey,
  readQueuedKeys,
  SEARCH_SELECTOR,
} from './hand-over';
import { APP_ROOT_ID, FIRST_PAINT_ID } from './snapshot-format';

/** What the user did to the first paint before the app arrived (hand-over.ts). */
export interface HandOver {
  readonly query: string;
  readonly selection: readonly [number, number] | null;
  readonly focused: boolean;
  readonly keys: readonly QueuedKey[];
}

const NOTHING: HandOver = { query: '', selection: null, focused: false, keys: [] };

/** Read before the app's first render, which starts from the same query. */
export function readHandOver(): HandOver {
  const container = document.getElementById(FIRST_PAINT_ID);
  const search = container?.querySelector<HTMLInputElement>(SEARCH_SELECTOR);
  if (!container || !search) return NOTHING;
  return {
    query: search.value,
    selection:
      search.selectionStart === null || search.selectionEnd === null
        ? null
        : [search.selectionStart, search.selectionEnd],
    focused: document.activeElement === search,
    keys: readQueuedKeys(container.getAttribute(QUEUED_KEYS_ATTRIBUTE)),
  };
}

/**
 * Right after the app's first render, in the same task, so no frame shows both: the picture goes, the app's
 * search box gets the caret, and the held-back keys are played to it.
 */
export function finishHandOver(handOver: HandOver): void {
  document.getElementById(FIRST_PAINT_ID)?.remove();
  const search = document.getElementById(APP_ROOT_ID)?.querySelector<HTMLInputElement>(SEARCH_SELECTOR);
  if (!search) return;
  if (handOver.focused) {
    search.focus();
    if (handOver.selection) search.setSelectionRange(handOver.selection[0], handOver.selection[1]);
  }
  playKeys(search, handOver.keys);
}
