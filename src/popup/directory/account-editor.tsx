import { useEffect, useRef, useState } from 'preact/hooks';
import type { Row } from './rows';

/** Colours that read well as a tab tag in light and dark themes; prod-red first. */
export const ACCOUNT_COLORS = [
  '#d13212',
  '#e07b00',
  '#b8860b',
  '#2e8540',
  '#0f7b8a',
  '#0b63c5',
  '#6b4fbb',
  '#c2185b',
  '#5f6b7a',
];

interface Props {
  row: Extract<Row, { kind: 'account' }>;
  onSave(patch: {
    alias: string;
    color: string;
    hidden: boolean;
    tier: '' | 'production' | 'normal';
  }): Promise<unknown>;
  onClose(): void;
}

/** A modal dialog to set an account's alias, colour and visibility. */
export function AccountEditor({ row, onSave, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [alias, setAlias] = useState(row.prefs.alias ?? '');
  const [color, setColor] = useState(row.prefs.color ?? '');
  const [hidden, setHidden] = useState(row.prefs.hidden ?? false);
  const [tier, setTier] = useState<'' | 'production' | 'normal'>(row.prefs.tier ?? '');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    await onSave({ alias: alias.trim(), color, hidden, tier }).catch(() => undefined);
    onClose();
  };

  return (
    <dialog ref={dialog} class="account-editor" aria-labelledby="account-editor-title" onClose={onClose}>
      <form onSubmit={save}>
        <h2 id="account-editor-title">{row.account.accountName}</h2>
        <label for="account-alias">Alias</label>
        <input
          id="account-alias"
          value={alias}
          maxLength={100}
          placeholder={row.account.accountName}
          onInput={(e) => setAlias(e.currentTarget.value)}
        />
        <fieldset class="colors">
          <legend>Colour</legend>
          <label class="color-choice">
            <input type="radio" name="color" value="" checked={color === ''} onChange={() => setColor('')} />
            None
          </label>
          {ACCOUNT_COLORS.map((c) => (
            <label key={c} class="color-choice" title={c}>
              <input
                type="radio"
                name="color"
                value={c}
                checked={color === c}
                onChange={() => setColor(c)}
                aria-label={`Colour ${c}`}
              />
              <span class="swatch" style={{ background: c }} aria-hidden="true" />
            </label>
          ))}
        </fieldset>
        <fieldset class="tiers">
          <legend>Danger tier</legend>
          {(
            [
              ['', 'From the name (red if it says “prod”)'],
              ['production', 'Production: always red'],
              ['normal', 'Normal: never red'],
            ] as const
          ).map(([value, text]) => (
            <label key={value} class="checkbox">
              <input
                type="radio"
                name="tier"
                value={value}
                checked={tier === value}
                onChange={() => setTier(value)}
              />
              {text}
            </label>
          ))}
        </fieldset>
        <label class="checkbox">
          <input type="checkbox" checked={hidden} onChange={(e) => setHidden(e.currentTarget.checked)} />
          Hide this account from the list
        </label>
        <div class="actions">
          <button type="submit" class="primary">
            Save
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
