import type { ComponentChildren } from 'preact';
import { visibleText } from '../../shared/text/visible-text';
import { colorName } from '../../ui/account-colors';
import { tierName } from '../../ui/account-tiers';

/**
 * Values of settings as the import preview shows them, in the settings page's own words: a tier by its name, a
 * colour as a swatch *and* its name (never colour alone), and "before → after" read as "before to after".
 */

/** Field names as the settings page calls them. */
const WORDS: Readonly<Record<string, string>> = {
  alias: 'alias',
  color: 'colour',
  tier: 'danger tier',
  defaultRegion: 'console region',
  hidden: 'hidden',
  favorite: 'favourite',
  favoriteRoles: 'favourite roles',
  name: 'name',
  ipStack: 'endpoints',
  region: 'region',
  tagging: 'console tags',
  consoleTabMode: 'where consoles open',
  sessionDurationMinutes: 'console session length',
  multiSession: 'other console sessions',
  credentialFormat: 'credential format',
  profileTemplate: 'profile names',
};
export const word = (field: string) => WORDS[field] ?? field;

const None = ({ text = 'none' }: { text?: string }) => <em class="muted">{text}</em>;

/** One value of a field; absent is the field's default, named as the settings page names it. */
export function FieldValue({ field, value }: { field: string; value: unknown }) {
  if (field === 'tier') return tierName(value as string | undefined);
  if (field === 'ipStack') return value ? String(value) : <None text="automatic" />;
  if (value === undefined || value === null || value === '') {
    return <None text={field === 'defaultRegion' ? 'default' : 'none'} />;
  }
  if (field === 'color' && typeof value === 'string') {
    return (
      <span class="color-value">
        <span class="swatch" style={{ background: value }} aria-hidden="true" />
        {colorName(value)}
      </span>
    );
  }
  if (typeof value === 'boolean') return <>{value ? 'yes' : 'no'}</>;
  if (Array.isArray(value)) return value.length ? visibleText(value.join(', ')) : <None />;
  // A file's alias may carry bidi controls that make it read as another name: shown as the page shows names.
  if (typeof value === 'string') return <>{visibleText(value)}</>;
  if (typeof value === 'number') return <>{String(value)}</>;
  return <>{JSON.stringify(value)}</>;
}

/** "before → after": the arrow is drawn, and spoken as "to". */
export function Arrow() {
  return (
    <>
      {' '}
      <span aria-hidden="true">→</span>
      <span class="visually-hidden">to</span>{' '}
    </>
  );
}

export function Change({ field, from, to }: { field: string; from?: unknown; to?: unknown }) {
  return (
    <span class="change">
      <FieldValue field={field} value={from} />
      <Arrow />
      <FieldValue field={field} value={to} />
    </span>
  );
}

/** Several changes of one thing, "field: before → after", separated by semicolons. */
export function ChangeList({
  changes,
}: {
  changes: readonly { field: string; from?: unknown; to?: unknown }[];
}): ComponentChildren {
  return changes.map((c, i) => (
    <span key={c.field}>
      {i > 0 && '; '}
      {word(c.field)}: <Change {...c} />
    </span>
  ));
}
