/**
 * The keys that act on the active row of the popup's list, declared once: the search box handles them
 * (directory-view.tsx), the row's buttons announce them (aria-keyshortcuts), the active cell describes them to
 * screen readers, and the footer's key list shows them. docs/accessibility.md explains the pattern.
 */
export type RowAction = 'open' | 'newTab' | 'star' | 'link' | 'credentials' | 'edit';

export interface RowKey {
  readonly action: RowAction;
  /** As aria-keyshortcuts spells it (and as shown). */
  readonly keys: string;
  /** `KeyboardEvent.code` of the letter pressed with Alt: the letter a layout prints may differ (Alt+F on a Mac is ƒ). */
  readonly code?: string;
  readonly does: string;
}

export const ROW_KEYS: readonly RowKey[] = [
  { action: 'open', keys: 'Enter', does: 'open in the console' },
  { action: 'newTab', keys: 'Shift+Enter', does: 'open in a new tab' },
  { action: 'star', keys: 'Alt+F', code: 'KeyF', does: 'star or unstar' },
  { action: 'link', keys: 'Alt+C', code: 'KeyC', does: 'copy a shareable link' },
  { action: 'credentials', keys: 'Alt+K', code: 'KeyK', does: 'copy CLI credentials' },
  { action: 'edit', keys: 'Alt+E', code: 'KeyE', does: 'edit the account: alias, colour, tier' },
];

/** Keys that act on the list rather than on a row. */
export const LIST_KEYS: readonly { readonly keys: string; readonly does: string }[] = [
  { keys: 'ArrowDown ArrowUp', does: 'move between roles' },
  { keys: 'Escape', does: 'clear the search' },
];

export function keysOf(action: RowAction): string {
  return ROW_KEYS.find((k) => k.action === action)?.keys ?? '';
}

/** The row action an Alt+letter press asks for, if any. */
export function altAction(event: Pick<KeyboardEvent, 'altKey' | 'code'>): RowAction | undefined {
  return event.altKey ? ROW_KEYS.find((k) => k.code === event.code)?.action : undefined;
}

/** Read after the active role's name: what its row offers by key. */
export const ROW_KEYS_DESCRIPTION = `${ROW_KEYS.map((k) => `${k.keys} to ${k.does}`).join(', ')}.`;

/** The id of the element holding ROW_KEYS_DESCRIPTION, referenced by every role's main cell. */
export const ROW_KEYS_DESCRIPTION_ID = 'row-keys';
