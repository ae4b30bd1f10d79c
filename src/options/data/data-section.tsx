import { useState } from 'preact/hooks';
import type { Actions } from '../../ui/actions';
import { ImportPanel } from './import-panel';
import { ResetPanel } from './reset-panel';
import { saveFile } from './save-file';
import './data.css';

/** Settings › Data: export to a file, import one (preview first), reset. */
export function DataSection({ actions }: { actions: Actions }) {
  const [status, setStatus] = useState('');
  const exportFile = async () => {
    try {
      const { filename, text } = await actions.exportSettings();
      saveFile(filename, text);
      setStatus(`Saved ${filename}.`);
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section aria-labelledby="data-title" class="data-section">
      <h2 id="data-title">Back up and restore</h2>
      <div>
        <h3>Export</h3>
        <p class="muted">
          Portals, preferences and account settings in one file, to keep or to move to another browser. It
          holds no sign-in, token or cached account.
        </p>
        <div class="actions">
          <button type="button" onClick={exportFile}>
            Export settings
          </button>
          <span class="muted" role="status">
            {status}
          </span>
        </div>
      </div>
      <ImportPanel actions={actions} />
      <ResetPanel actions={actions} />
    </section>
  );
}
