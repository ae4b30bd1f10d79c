import * as v from 'valibot';
import { findIdentityCenterRegion } from '../aws/regions';
import { parseStartUrl } from '../aws/start-url';
import { type Portal, PortalSchema } from '../portals/portal';
import { formatPath } from './path';

/**
 * Portals in a settings file. The id is optional (a hand-written file has none; a new one is made) and so is the
 * region when the start URL carries it. Beyond the schema, each portal is checked as the add-portal form checks
 * it: a start URL AWS would serve, a region where Identity Center runs, and no portal twice.
 */
export const ImportPortalSchema = v.object({
  id: v.optional(PortalSchema.entries.id),
  startUrl: v.pipe(v.string(), v.maxLength(2048)),
  resolvedStartUrl: v.optional(v.pipe(v.string(), v.maxLength(2048))),
  region: v.optional(PortalSchema.entries.region),
  name: PortalSchema.entries.name,
  /** 'ipv4' or 'dualstack' forces the endpoints; absent: automatic (docs/settings.md). */
  ipStack: PortalSchema.entries.ipStack,
});

export interface ImportedPortal {
  readonly id?: string;
  /** Normalised as parseStartUrl does, the way stored portals are. */
  readonly startUrl: string;
  /** A vanity start URL's AWS-owned portal, when the file has it (else it is followed again at sign-in). */
  readonly resolvedStartUrl?: string;
  readonly region: string;
  readonly name?: string;
  readonly ipStack?: Portal['ipStack'];
}

/**
 * The portals of `raw` (a list from a file or a policy) that pass; errors for the others are pushed with the
 * list's own indexes. Entries ImportPortalSchema rejects are skipped silently: the caller reports those.
 */
export function checkPortals(
  raw: readonly unknown[],
  errors: { path: string; message: string }[],
): ImportedPortal[] {
  const seen = new Map<string, number>();
  const checked: ImportedPortal[] = [];
  for (const [index, item] of raw.entries()) {
    const portal = v.safeParse(ImportPortalSchema, item);
    if (!portal.success) continue;
    const errorsBefore = errors.length;
    const fail = (field: string, message: string): void => {
      errors.push({ path: formatPath(['portals', index, field]), message });
    };
    const parsed = parseStartUrl(portal.output.startUrl);
    const region = parsed.ok ? (portal.output.region ?? parsed.region) : null;
    if (!parsed.ok) fail('startUrl', parsed.message);
    else if (!region) fail('region', 'is missing, and this start URL does not tell it');
    if (!parsed.ok || !region) continue;
    if (!findIdentityCenterRegion(region))
      fail('region', `${region} is not a region where IAM Identity Center runs`);
    else if (parsed.region && parsed.region !== region)
      fail('region', `this start URL belongs to ${parsed.region}`);
    const resolved = checkResolved(parsed.kind, portal.output.resolvedStartUrl);
    if (resolved && !resolved.ok) fail('resolvedStartUrl', resolved.message);
    const twin = seen.get(parsed.startUrl);
    if (twin !== undefined) fail('startUrl', `is the same portal as portals[${twin}]`);
    seen.set(parsed.startUrl, index);
    if (errors.length === errorsBefore) {
      const { resolvedStartUrl: _given, ...rest } = portal.output;
      checked.push({
        ...rest,
        startUrl: parsed.startUrl,
        ...(resolved?.ok ? { resolvedStartUrl: resolved.url } : {}),
        region,
      });
    }
  }
  return checked;
}

/**
 * A file's resolved URL is trusted only as what it claims to be: an AWS-owned portal, for a company vanity
 * start URL (docs/aws-protocol.md §3). Anything else would send sign-ins somewhere the user never typed.
 */
function checkResolved(
  kind: string,
  resolved: string | undefined,
): { ok: true; url: string } | { ok: false; message: string } | null {
  if (resolved === undefined) return null;
  if (kind !== 'custom') return { ok: false, message: 'belongs only to a company vanity start URL' };
  const parsed = parseStartUrl(resolved);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  if (parsed.kind === 'custom') return { ok: false, message: 'is not an AWS access portal' };
  return { ok: true, url: parsed.startUrl };
}
