import { useState } from 'preact/hooks';
import { IDENTITY_CENTER_REGIONS } from '../../shared/aws/regions';
import { lockPath } from '../../shared/settings/effective';
import { visibleText } from '../../shared/text/visible-text';
import { ACCOUNT_COLORS, colorName } from '../../ui/account-colors';
import { TIER_CHOICES } from '../../ui/account-tiers';
import { type AccountRecord, accountTitle } from './account-filter';

export type AccountPatch = {
  alias?: string;
  color?: string;
  tier?: '' | 'production' | 'normal';
  defaultRegion?: string;
  hidden?: boolean;
};

interface Props {
  account: AccountRecord;
  selected: boolean;
  onSelect(selected: boolean): void;
  onChange(patch: AccountPatch): void;
  isLocked(path: string): boolean;
}

const REGION_CODES = IDENTITY_CENTER_REGIONS.map((r) => r.code);

/** The usual regions, and one set elsewhere (an import, an administrator) that is not among them. */
export function regionCodes(current?: string): readonly string[] {
  return current && !REGION_CODES.includes(current) ? [...REGION_CODES, current] : REGION_CODES;
}

/** Id of the one element that says why a control is disabled; locked controls point at it. */
export const LOCKED_NOTE_ID = 'accounts-locked-note';

/** One account in the settings table: every setting editable in place, or disabled when the organisation sets it. */
export function AccountRow({ account, selected, onSelect, onChange, isLocked }: Props) {
  const { accountId } = account;
  const name = visibleText(account.accountName);
  // What was just changed shows at once, until the settings are read again (after the write, or after a
  // refusal, to undo it). The change is kept with the settings it was made on rather than cleared by an effect:
  // Preact runs effects a frame after mounting, and a change made within that frame would be wiped.
  const [pending, setPending] = useState<{ on: AccountRecord['prefs']; patch: AccountPatch }>({
    on: account.prefs,
    patch: {},
  });
  const pendingPatch = pending.on === account.prefs ? pending.patch : {};
  const prefs = { ...account.prefs, ...pendingPatch };
  const change = (patch: AccountPatch) => {
    setPending((current) => ({
      on: account.prefs,
      patch: { ...(current.on === account.prefs ? current.patch : {}), ...patch },
    }));
    onChange(patch);
  };
  // The alias being typed, or null: the field then shows the saved one, and follows a change made elsewhere.
  const [draft, setDraft] = useState<string | null>(null);
  const lock = (field: string) => {
    const locked = isLocked(lockPath.account(accountId, field));
    return locked
      ? { disabled: true, 'aria-describedby': LOCKED_NOTE_ID, title: 'Set by your organisation' }
      : {};
  };
  const locked = (field: string) => isLocked(lockPath.account(accountId, field));
  const color = prefs.color ?? '';
  return (
    <tr class={selected ? 'selected' : undefined}>
      <td>
        <input
          type="checkbox"
          checked={selected}
          aria-label={`Select ${accountTitle(account)}`}
          onChange={(e) => onSelect(e.currentTarget.checked)}
        />
      </td>
      <th scope="row">
        <span class="account-name">{name}</span>
        <span class="muted account-sub">
          {accountId} · {account.portals.join(', ')}
        </span>
      </th>
      <td class={locked('alias') ? 'locked' : undefined}>
        <input
          type="text"
          value={draft ?? prefs.alias ?? ''}
          maxLength={100}
          aria-label={`Alias of ${name}`}
          {...lock('alias')}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onChange={(e) => {
            change({ alias: e.currentTarget.value.trim() });
            setDraft(null);
          }}
          onBlur={() => setDraft(null)}
        />
      </td>
      <td class={locked('color') ? 'locked' : undefined}>
        <span class="swatch" style={{ background: color || 'transparent' }} aria-hidden="true" />
        <select
          value={color}
          aria-label={`Colour of ${name}`}
          {...lock('color')}
          onChange={(e) => change({ color: e.currentTarget.value })}
        >
          <option value="">None</option>
          {[...ACCOUNT_COLORS, ...(color && !ACCOUNT_COLORS.includes(color) ? [color] : [])].map((c) => (
            <option key={c} value={c}>
              {colorName(c)}
            </option>
          ))}
        </select>
      </td>
      <td class={locked('tier') ? 'locked' : undefined}>
        <select
          value={prefs.tier ?? ''}
          aria-label={`Danger tier of ${name}`}
          {...lock('tier')}
          onChange={(e) => change({ tier: e.currentTarget.value as AccountPatch['tier'] })}
        >
          {TIER_CHOICES.map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </td>
      <td class={locked('defaultRegion') ? 'locked' : undefined}>
        <select
          value={prefs.defaultRegion ?? ''}
          aria-label={`Console region of ${name}`}
          {...lock('defaultRegion')}
          onChange={(e) => change({ defaultRegion: e.currentTarget.value })}
        >
          <option value="">Default</option>
          {regionCodes(prefs.defaultRegion).map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </td>
      <td class="center">
        <input
          type="checkbox"
          checked={prefs.hidden ?? false}
          aria-label={`Hide ${name}`}
          onChange={(e) => change({ hidden: e.currentTarget.checked })}
        />
      </td>
    </tr>
  );
}
