import { useEffect, useRef } from 'preact/hooks';
import { LIST_KEYS, ROW_KEYS } from './row-keys';

/** Shown as a person reads it; aria-keyshortcuts spells ArrowDown where a key cap shows ↓. */
const SHOWN: Readonly<Record<string, string>> = { 'ArrowDown ArrowUp': '↓ ↑', Escape: 'Esc' };

/**
 * Every key of the list, behind the footer's "?" button: the footer has room for the three most used (420 px),
 * not for all of them. A modal dialog, so it covers the list instead of growing the popup past its height.
 */
export function KeyList({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} class="key-list" aria-labelledby="key-list-title" onClose={onClose}>
      <h2 id="key-list-title">Keyboard shortcuts</h2>
      <p class="muted">In the search box, on the highlighted role:</p>
      <dl>
        {[...LIST_KEYS, ...ROW_KEYS].map((k) => (
          <div key={k.keys}>
            <dt>
              <kbd>{SHOWN[k.keys] ?? k.keys}</kbd>
            </dt>
            <dd>{k.does}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => dialog.current?.close()}>
        Close
      </button>
    </dialog>
  );
}
