import { useEffect, useMemo, useState } from 'preact/hooks';
import { accountLabel } from '../shared/directory/favorites';
import type { RoleEntry } from '../shared/directory/model';
import { COMMAND, favoriteNumber } from '../shared/keyboard/commands';
import { browserShortcuts, type ShortcutInfo, type ShortcutsPort } from './shortcuts-port';
import './shortcuts-section.css';

/** Shown when the browser lists a command without a description (Chrome does so for the popup's command). */
const FALLBACK: Readonly<Record<string, string>> = { [COMMAND.openPopup]: 'Open the AWS SSO Switcher popup' };

/** Commands in a reading order: popup, last role, favourites 1–9, next favourite, copy. */
function rank(name: string): number {
  const n = favoriteNumber(name);
  if (n !== null) return 10 + n;
  return [COMMAND.openPopup, COMMAND.reopenLastRole].indexOf(name as never) + 1 || 30;
}

/**
 * Settings › Keyboard shortcuts: every command with its current key, which role each favourite number opens,
 * the address-bar keyword, and the way to the browser's shortcut editor (keys are set there, not here).
 */
export function ShortcutsSection(props: { port?: ShortcutsPort }) {
  const port = useMemo(() => props.port ?? browserShortcuts(), [props.port]);
  const [commands, setCommands] = useState<ShortcutInfo[] | null>(null);
  const [favorites, setFavorites] = useState<RoleEntry[]>([]);
  const [manual, setManual] = useState(false);

  useEffect(() => {
    const load = () => {
      port.commands().then(setCommands, () => setCommands([]));
      port.favorites().then(setFavorites, () => setFavorites([]));
    };
    load();
    return port.onChange(load);
  }, [port]);

  const sorted = [...(commands ?? [])].sort((a, b) => rank(a.name) - rank(b.name));
  return (
    <section aria-labelledby="shortcuts-title" class="shortcuts">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Shortcut</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((c) => (
            <tr key={c.name}>
              <td>
                {c.description || FALLBACK[c.name] || c.name}
                <FavoriteTarget n={favoriteNumber(c.name)} favorites={favorites} />
              </td>
              <td>{c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="muted">Not set</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        Favourites are the roles you star in the popup (Alt+F), numbered by account (alias, else name), then
        role, so a number keeps opening the same role.{' '}
        {favorites.length > 9 &&
          'Favourites after the ninth have no number; “next favourite” reaches them all. '}
        When a shortcut has nothing to open, the toolbar button shows “–” for half a minute and its tooltip
        says why.
      </p>
      <p>
        In the address bar, type <kbd>aws</kbd>, a space, then part of an account or role name: Enter opens
        the best match, Alt+Enter opens it in a new tab.
      </p>
      <p>
        <button
          type="button"
          onClick={() =>
            port.openShortcutSettings().then(
              (how) => setManual(how === 'manual'),
              () => setManual(true),
            )
          }
        >
          Change shortcuts…
        </button>
      </p>
      {manual && (
        <p role="status">
          Open <kbd>about:addons</kbd>, click the gear button, then “Manage Extension Shortcuts”.
        </p>
      )}
    </section>
  );
}

function FavoriteTarget({ n, favorites }: { n: number | null; favorites: readonly RoleEntry[] }) {
  if (n === null) return null;
  const role = favorites[n - 1];
  return (
    <span class="favorite-target">
      {role ? `${role.roleName} in ${accountLabel(role)}` : 'No favourite with this number yet'}
    </span>
  );
}
