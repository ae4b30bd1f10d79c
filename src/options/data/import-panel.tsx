import { useRef, useState } from 'preact/hooks';
import type { ImportCheck } from '../../shared/messages/contract';
import type { Actions } from '../../ui/actions';
import { accountTitle } from '../accounts/account-filter';
import { loadAccounts } from '../accounts/use-accounts';
import { ImportErrors } from './import-errors';
import { ImportPreviewView, summarise } from './import-preview';

type Mode = 'merge' | 'replace';

const MODES: readonly [Mode, string, string][] = [
  ['merge', 'Merge', 'add the file’s portals and settings to yours; the file wins where both set something'],
  [
    'replace',
    'Replace',
    'make yours exactly the file’s: portals, account settings and preferences it lacks go',
  ],
];

/** Import in two steps: check and preview what changes, then apply. A refused file changes nothing. */
export function ImportPanel({ actions }: { actions: Actions }) {
  const [text, setText] = useState('');
  const [mode, setMode] = useState<Mode>('merge');
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const fileInput = useRef<HTMLInputElement>(null);
  const reset = () => {
    setCheck(null);
    setStatus('');
  };
  const run = async (task: () => Promise<void>) => {
    setBusy(true);
    try {
      await task();
    } catch (e) {
      setStatus(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const preview = () =>
    run(async () => {
      const [result, accounts] = await Promise.all([actions.previewImport(text, mode), loadAccounts()]);
      setNames(new Map(accounts.map((a) => [a.accountId, accountTitle(a)])));
      setCheck(result);
    });
  const apply = () =>
    run(async () => {
      const result = await actions.applyImport(text, mode);
      setCheck(result.ok ? null : result);
      if (result.ok) {
        setText('');
        if (fileInput.current) fileInput.current.value = '';
        setStatus(summarise(result.preview));
      }
    });

  return (
    <div class="import-panel">
      <h3 id="import-title">Import</h3>
      <label for="import-file">Settings file</label>
      <input
        id="import-file"
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          if (!file) return;
          reset();
          setText(await file.text());
        }}
      />
      <label for="import-text">Or paste its contents</label>
      <textarea
        id="import-text"
        rows={6}
        spellcheck={false}
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          // What is pasted is what gets imported, not the file chosen earlier.
          if (fileInput.current) fileInput.current.value = '';
          reset();
        }}
      />
      <fieldset class="import-mode">
        <legend>How to import</legend>
        {MODES.map(([value, label, help]) => (
          <label key={value} class="radio">
            <input
              type="radio"
              name="import-mode"
              value={value}
              checked={mode === value}
              onChange={() => {
                setMode(value);
                reset();
              }}
            />
            <span>
              <strong>{label}</strong>: {help}
            </span>
          </label>
        ))}
      </fieldset>
      <div class="actions">
        <button type="button" disabled={!text.trim() || busy} onClick={preview}>
          Preview import
        </button>
      </div>
      {check && !check.ok && <ImportErrors errors={check.errors} />}
      {check?.ok && (
        <>
          <ImportPreviewView preview={check.preview} nameOf={(id) => names.get(id)} />
          <div class="actions">
            <button
              type="button"
              class={mode === 'replace' ? 'danger' : 'primary'}
              disabled={busy || !check.preview.hasChanges}
              onClick={apply}
            >
              Apply import
            </button>
            <button type="button" onClick={reset}>
              Cancel
            </button>
          </div>
        </>
      )}
      <p class="muted" role="status">
        {status}
      </p>
    </div>
  );
}
