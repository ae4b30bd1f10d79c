import { useState } from 'preact/hooks';
import { ACCOUNT_COLORS, colorName } from '../../ui/account-colors';
import { TIER_CHOICES } from '../../ui/account-tiers';
import type { AccountPatch } from './account-row';
import { regionCodes } from './account-row';

interface Props {
  count: number;
  onApply(patch: Omit<AccountPatch, 'alias'>): Promise<string>;
}

const KEEP = 'keep';

/** One change for every selected account: colour, danger tier, console region, hidden. "Keep" leaves a field. */
export function BulkEdit({ count, onApply }: Props) {
  const [color, setColor] = useState(KEEP);
  const [tier, setTier] = useState(KEEP);
  const [region, setRegion] = useState(KEEP);
  const [hidden, setHidden] = useState(KEEP);
  const [message, setMessage] = useState('');
  const patch: Omit<AccountPatch, 'alias'> = {
    ...(color !== KEEP ? { color } : {}),
    ...(tier !== KEEP ? { tier: tier as AccountPatch['tier'] } : {}),
    ...(region !== KEEP ? { defaultRegion: region } : {}),
    ...(hidden !== KEEP ? { hidden: hidden === 'hide' } : {}),
  };
  const empty = Object.keys(patch).length === 0;
  const apply = async (event: Event) => {
    event.preventDefault();
    setMessage(await onApply(patch));
  };
  return (
    <form class="bulk-edit" aria-label="Change selected accounts" onSubmit={apply}>
      <span class="bulk-count">{count === 1 ? '1 account selected' : `${count} accounts selected`}</span>
      <label>
        Set colour
        <select value={color} onChange={(e) => setColor(e.currentTarget.value)}>
          <option value={KEEP}>Keep</option>
          <option value="">None</option>
          {ACCOUNT_COLORS.map((c) => (
            <option key={c} value={c}>
              {colorName(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Set danger tier
        <select value={tier} onChange={(e) => setTier(e.currentTarget.value)}>
          <option value={KEEP}>Keep</option>
          {TIER_CHOICES.map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Set console region
        <select value={region} onChange={(e) => setRegion(e.currentTarget.value)}>
          <option value={KEEP}>Keep</option>
          <option value="">Default</option>
          {regionCodes().map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </label>
      <label>
        Set visibility
        <select value={hidden} onChange={(e) => setHidden(e.currentTarget.value)}>
          <option value={KEEP}>Keep</option>
          <option value="show">Shown</option>
          <option value="hide">Hidden</option>
        </select>
      </label>
      <button type="submit" class="primary" disabled={count === 0 || empty}>
        {count === 1 ? 'Apply to 1 account' : `Apply to ${count} accounts`}
      </button>
      <p class="muted bulk-message" role="status">
        {message}
      </p>
    </form>
  );
}
