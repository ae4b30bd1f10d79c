import { useRef, useState } from 'preact/hooks';
import type { ImportCheck } from '../../shared/messages/contract';
import type { PortalPreview } from '../../shared/settings/import-plan';
import { type TrustedStartUrl, untrustedStartUrlChanges } from '../../shared/settings/start-url-trust';
import { visibleText } from '../../shared/text/visible-text';
import type { Actions } from '../../ui/actions';
import { forgetFirstPaint } from '../../ui/first-paint-key';
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
  /** Start URL changes the user ticked "I trust" for, in this preview. */
  const [trusted, setTrusted] = useState<readonly TrustedStartUrl[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const reset = () => {
    setCheck(null);
    setStatus('');
    setTrusted([]);
  };
  const isTrusted = (portal: PortalPreview) =>
    trusted.some((t) => t.portalId === portal.id && t.startUrl === portal.startUrl);
  const onTrust = (portal: PortalPreview, yes: boolean) =>
    setTrusted((list) => [
      ...list.filter((t) => t.portalId !== portal.id),
      ...(yes ? [{ portalId: portal.id, startUrl: portal.startUrl }] : []),
    ]);
  const untrusted = check?.ok ? untrustedStartUrlChanges(check.preview, trusted) : [];
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
      // The name AWS gives the account: its alias may be what the file changes.
      setNames(new Map(accounts.map((a) => [a.accountId, visibleText(a.accountName)])));
      setTrusted([]);
      setCheck(result);
    });
  const apply = () =>
    run(async () => {
      const result = await actions.applyImport(text, mode, trusted);
      setCheck(result.ok ? null : result);
      setTrusted([]);
      if (result.ok) {
        setText('');
        if (fileInput.current) fileInput.current.value = '';
        setStatus(summarise(result.preview));
        const { removed, startUrlChanged } = result.preview.portals;
        // The popup's first paint may picture accounts of a portal that is gone or signed out.
        if (removed.length + startUrlChanged.length > 0) forgetFirstPaint();
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
          <ImportPreviewView
            preview={check.preview}
            nameOf={(id) => names.get(id)}
            isTrusted={isTrusted}
            onTrust={onTrust}
          />
          <div class="actions">
            <button
              type="button"
              class={mode === 'replace' ? 'danger' : 'primary'}
              disabled={busy || !check.preview.hasChanges || untrusted.length > 0}
              aria-describedby={untrusted.length > 0 ? 'import-trust-hint' : undefined}
              onClick={apply}
            >
              Apply import
            </button>
            <button type="button" onClick={reset}>
              Cancel
            </button>
            {untrusted.length > 0 && (
              <span id="import-trust-hint" class="muted">
                To apply, confirm the new start URL of {untrusted.map((p) => visibleText(p.label)).join(', ')}{' '}
                above, or cancel: nothing is changed.
              </span>
            )}
          </div>
        </>
      )}
      <p class="muted" role="status">
        {status}
      </p>
    </div>
  );
}
