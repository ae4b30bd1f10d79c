import { useEffect, useState } from 'preact/hooks';
import type { SettingsNotice } from '../shared/settings/notice';
import type { Actions } from '../ui/actions';
import './banners.css';

/** "Some settings were unreadable and were reset…": left by recovery at a worker start, shown until dismissed. */
export function NoticeBanner({ actions }: { actions: Actions }) {
  const [notice, setNotice] = useState<SettingsNotice | null>(null);
  useEffect(() => {
    const load = () => actions.getSettingsNotice().then(setNotice, () => undefined);
    load();
    return actions.onChange(load);
  }, [actions]);
  if (!notice) return null;
  return (
    <section class="banner" aria-label="Settings notice">
      <p>
        {notice.text} <span class="muted">({new Date(notice.at).toLocaleString()})</span>
      </p>
      <button
        type="button"
        onClick={() =>
          actions.dismissSettingsNotice().then(
            () => setNotice(null),
            () => undefined,
          )
        }
      >
        Dismiss
      </button>
    </section>
  );
}
