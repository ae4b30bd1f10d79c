import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { IDENTITY_CENTER_REGIONS } from '../shared/aws/regions';
import { describeStartUrlExamples, parseStartUrl } from '../shared/aws/start-url';
import { requestVanityAccess } from '../shared/host-access';
import type { AddPortalResult } from '../shared/messages/contract';
import type { Actions } from './actions';

interface Props {
  actions: Actions;
  /** Values to start with, e.g. from an admin's "add this portal" link. */
  initial?: { startUrl?: string; region?: string; name?: string };
  submitLabel: string;
  onAdded?: (result: Extract<AddPortalResult, { ok: true }>) => void;
  /** Focus the start URL field, or the region when the rest was filled in and only the region is unknown. */
  autoFocus?: boolean | 'region';
  /** Where `initial.region` came from, shown under the region while it is still that value. */
  regionNote?: string | undefined;
  /** Where `initial.startUrl` came from, shown instead of the example while it is still that value. */
  startUrlNote?: string | undefined;
  /**
   * Set where a company vanity address cannot be added (the popup: the browser's permission prompt closes it
   * before the answer comes back); called with the typed URL instead, e.g. to continue on the settings page.
   */
  onCompanyAddress?: (startUrl: string) => void;
}

type FieldErrors = Partial<Record<'startUrl' | 'region' | 'name' | 'form', string>>;

/**
 * Adds an access portal: start URL, home region (inferred from the URL when it carries one), optional name.
 * Errors appear next to their field; nothing is saved until the background has validated and reached it.
 */
export function AddPortalForm({
  actions,
  initial,
  submitLabel,
  onAdded,
  autoFocus,
  onCompanyAddress,
  regionNote,
  startUrlNote,
}: Props) {
  const [startUrl, setStartUrl] = useState(initial?.startUrl ?? '');
  const [region, setRegion] = useState(initial?.region ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const urlRef = useRef<HTMLInputElement>(null);
  const regionRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (autoFocus === 'region') regionRef.current?.focus();
    else if (autoFocus) urlRef.current?.focus();
  }, [autoFocus]);
  const parsed = useMemo(() => (startUrl.trim() ? parseStartUrl(startUrl) : null), [startUrl]);
  const inferredRegion = parsed?.ok ? parsed.region : null;

  const submit = async (event: Event) => {
    event.preventDefault();
    // Enter pressed again while checking must not add the portal twice, nor ask the browser twice.
    if (busy) return;
    if (!parsed?.ok) {
      setErrors({ startUrl: parsed ? parsed.message : 'Enter your AWS access portal start URL.' });
      urlRef.current?.focus();
      return;
    }
    if (parsed.kind === 'custom' && onCompanyAddress) {
      onCompanyAddress(parsed.startUrl);
      return;
    }
    // Straight from the click, before any await: browsers only ask for a permission on a user action.
    const access = parsed.kind === 'custom' ? requestVanityAccess(parsed.startUrl) : null;
    setBusy(true);
    setErrors({});
    try {
      if (access && !(await access)) {
        const host = new URL(parsed.startUrl).hostname;
        setErrors({
          startUrl: `${host} is your company's own address. To find your AWS access portal behind it, allow the extension to visit ${host}, or enter the start URL from your IAM Identity Center settings.`,
        });
        return;
      }
      const result = await actions.addPortal({
        startUrl,
        ...(inferredRegion ? {} : region ? { region } : {}),
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      if (result.ok) onAdded?.(result);
      else setErrors({ [result.field]: result.message });
    } catch (e) {
      setErrors({ form: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="add-portal" onSubmit={submit} noValidate aria-label="Add a portal">
      <label for="portal-start-url">Start URL</label>
      <input
        id="portal-start-url"
        ref={urlRef}
        type="url"
        inputMode="url"
        autoComplete="url"
        spellcheck={false}
        placeholder={describeStartUrlExamples()[0]}
        value={startUrl}
        aria-invalid={errors.startUrl ? true : undefined}
        aria-describedby={errors.startUrl ? 'portal-start-url-error' : 'portal-start-url-help'}
        onInput={(e) => setStartUrl(e.currentTarget.value)}
      />
      {errors.startUrl ? (
        <p id="portal-start-url-error" class="field-error" role="alert">
          {errors.startUrl}
        </p>
      ) : (
        <p id="portal-start-url-help" class="field-help muted">
          {startUrlNote && startUrl === initial?.startUrl
            ? startUrlNote
            : `The address of your AWS access portal, e.g. ${describeStartUrlExamples()[1]}`}
        </p>
      )}

      <label for="portal-region">Identity Center region</label>
      <select
        id="portal-region"
        ref={regionRef}
        value={inferredRegion ?? region}
        disabled={inferredRegion !== null}
        aria-invalid={errors.region ? true : undefined}
        aria-describedby={errors.region ? 'portal-region-error' : undefined}
        onChange={(e) => setRegion(e.currentTarget.value)}
      >
        <option value="">Choose the region…</option>
        {IDENTITY_CENTER_REGIONS.map((r) => (
          <option key={r.code} value={r.code}>
            {r.code} — {r.name}
          </option>
        ))}
      </select>
      {errors.region && (
        <p id="portal-region-error" class="field-error" role="alert">
          {errors.region}
        </p>
      )}
      {inferredRegion && <p class="field-help muted">Read from the start URL.</p>}
      {!inferredRegion && regionNote && region && region === initial?.region && (
        <p class="field-help muted">{regionNote}</p>
      )}

      <label for="portal-name">Display name (optional)</label>
      <input
        id="portal-name"
        type="text"
        maxLength={100}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
      />

      {errors.form && (
        <p class="field-error" role="alert">
          {errors.form}
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Checking…' : submitLabel}
      </button>
    </form>
  );
}
