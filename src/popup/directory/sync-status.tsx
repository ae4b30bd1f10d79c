import type * as v from 'valibot';
import type { SyncProgressSchema } from '../../shared/directory/items';

export type SyncProgress = v.InferOutput<typeof SyncProgressSchema>;

interface Props {
  /** Accounts in the cache, and the oldest portal's last sync (epoch ms; 0 when never). */
  totalAccounts: number;
  syncedAt: number;
  progress: readonly SyncProgress[];
  shownAccounts: number;
  now: number;
}

/** One line under the search box: how many accounts, how fresh, and what the sync is doing. Polite live region. */
export function SyncStatus({ totalAccounts: total, syncedAt, progress, shownAccounts, now }: Props) {
  const running = progress.filter((p) => p.state === 'listing-accounts' || p.state === 'listing-roles');
  // A failed sync says why; a finished one may say what it left out (unreadable entries, roles not listed).
  const problem = progress.find((p) => (p.state === 'failed' || p.state === 'done') && p.message);
  let text: string;
  if (running.length > 0) {
    const done = running.reduce((s, p) => s + p.accountsWithRoles, 0);
    const all = running.reduce((s, p) => s + Math.max(p.totalAccounts, p.accountsListed), 0);
    const slowed = running.some((p) => p.throttled) ? ' (AWS asked us to slow down)' : '';
    text = all > 0 ? `Syncing… ${done} of ${all} accounts${slowed}` : `Syncing…${slowed}`;
  } else {
    text = `${shownAccounts === total ? total : `${shownAccounts} of ${total}`} accounts${syncedAt > 0 ? ` · synced ${ago(now - syncedAt)}` : ''}`;
  }
  return (
    // Left blank in the first paint (src/popup/first-paint): "synced 5 min ago" would be out of date by then.
    <p class="sync-status" role="status" data-snapshot="no-text">
      <span>{text}</span>
      {problem && <span class="error"> · {problem.message}</span>}
    </p>
  );
}

function ago(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.floor(hours / 24)} days ago`;
}
