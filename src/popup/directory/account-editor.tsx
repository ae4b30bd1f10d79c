import { useEffect, useRef, useState } from 'preact/hooks';
import { IDENTITY_CENTER_REGIONS } from '../../shared/aws/regions';
import { managedAccountFields } from '../../shared/settings/managed';
import { ACCOUNT_COLORS, colorName } from '../../ui/account-colors';
import { SET_BY_ORGANISATION } from '../../ui/managed-text';
import type { Row } from './rows';

export { ACCOUNT_COLORS };

type Tier = '' | 'production' | 'normal';
export interface AccountPatch {
  alias?: string;
  color?: string;
  hidden?: boolean;
  favorite?: boolean;
  tier?: Tier;
  defaultRegion?: string;
}

interface Props {
  row: Extract<Row, { kind: 'account' }>;
  onSave(patch: AccountPatch): Promise<unknown>;
  onClose(): void;
}

/**
 * Fields of this account an administrator set (read from storage.managed); null until read.
 * Until then the editor is not shown and every field is disabled: text typed into a field that turns out locked
 * would be dropped on save.
 */
function useLockedFields(accountId: string): readonly string[] | null {
  const [locked, setLocked] = useState<readonly string[] | null>(null);
  useEffect(() => {
    managedAccountFields(accountId).then(setLocked, () => setLocked([]));
  }, [accountId]);
  return locked;
}

function LockedNote({ id, show }: { id: string; show: boolean }) {
  return show ? (
    <span id={id} class="locked-note muted">
      {SET_BY_ORGANISATION}
    </span>
  ) : null;
}

/** A modal dialog to set an account's alias, colour, tier, region, favourite and visibility. */
export function AccountEditor({ row, onSave, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [alias, setAlias] = useState(row.prefs.alias ?? '');
  const [color, setColor] = useState(row.prefs.color ?? '');
  const [hidden, setHidden] = useState(row.prefs.hidden ?? false);
  const [favorite, setFavorite] = useState(row.prefs.favorite ?? false);
  const [tier, setTier] = useState<Tier>(row.prefs.tier ?? '');
  const [region, setRegion] = useState(row.prefs.defaultRegion ?? '');
  const locked = useLockedFields(row.account.accountId);
  const isLocked = (field: string) => locked?.includes(field) ?? false;
  const isDisabled = (field: string) => locked === null || isLocked(field);
  // Shown once the locks are known, so that it opens with each field as it will stay, and showModal's focus lands
  // on the first field the person may change.
  useEffect(() => {
    if (locked !== null && !dialog.current?.open) dialog.current?.showModal();
  }, [locked]);

  const save = async (event: Event) => {
    event.preventDefault();
    const patch: AccountPatch = { alias: alias.trim(), color, hidden, tier, defaultRegion: region, favorite };
    // What the administrator set is not ours to send.
    for (const field of locked ?? []) delete patch[field as keyof AccountPatch];
    await onSave(patch).catch(() => undefined);
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
          disabled={isDisabled('alias')}
          aria-describedby={isLocked('alias') ? 'account-alias-locked' : undefined}
          onInput={(e) => setAlias(e.currentTarget.value)}
        />
        <LockedNote id="account-alias-locked" show={isLocked('alias')} />
        <fieldset
          class="colors"
          disabled={isDisabled('color')}
          aria-describedby={isLocked('color') ? 'account-color-locked' : undefined}
        >
          <legend>Colour</legend>
          <label class="color-choice">
            <input type="radio" name="color" value="" checked={color === ''} onChange={() => setColor('')} />
            None
          </label>
          {ACCOUNT_COLORS.map((c) => (
            <label key={c} class="color-choice" title={colorName(c)}>
              <input
                type="radio"
                name="color"
                value={c}
                checked={color === c}
                onChange={() => setColor(c)}
                // Named as a person says it ("Colour Red"): a hex code means nothing read aloud.
                aria-label={`Colour ${colorName(c)}`}
              />
              <span class="swatch" style={{ background: c }} aria-hidden="true" />
            </label>
          ))}
          <LockedNote id="account-color-locked" show={isLocked('color')} />
        </fieldset>
        <fieldset
          class="tiers"
          disabled={isDisabled('tier')}
          aria-describedby={isLocked('tier') ? 'account-tier-locked' : undefined}
        >
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
          <LockedNote id="account-tier-locked" show={isLocked('tier')} />
        </fieldset>
        <label for="account-region">Console region</label>
        <select
          id="account-region"
          value={region}
          disabled={isDisabled('defaultRegion')}
          aria-describedby={isLocked('defaultRegion') ? 'account-region-locked' : undefined}
          onChange={(e) => setRegion(e.currentTarget.value)}
        >
          <option value="">Your default region</option>
          {IDENTITY_CENTER_REGIONS.map((r) => (
            <option key={r.code} value={r.code}>
              {r.code} · {r.name}
            </option>
          ))}
        </select>
        <LockedNote id="account-region-locked" show={isLocked('defaultRegion')} />
        {/* The account row's star, here too: by keyboard (Alt+E on one of its roles) the star is out of reach. */}
        <label class="checkbox">
          <input type="checkbox" checked={favorite} onChange={(e) => setFavorite(e.currentTarget.checked)} />
          Favourite account (listed first)
        </label>
        <label class="checkbox">
          <input type="checkbox" checked={hidden} onChange={(e) => setHidden(e.currentTarget.checked)} />
          Hide this account from the list
        </label>
        <div class="actions">
          <button type="submit" class="primary" disabled={locked === null}>
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
