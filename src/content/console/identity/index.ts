import { partitionIdOfRegion } from '../../../shared/aws/regions';
import { readRegionCookie, readUserInfoCookies } from './cookie';
import { type ConsoleHost, parseConsoleHost, validRegion } from './host';
import { permissionSetOf } from './names';
import { readNavBar } from './nav-bar';
import { readSessionData } from './session-data';
import type { ConsoleIdentity, Partition, Signal } from './types';

/**
 * Who the console page is signed in as. The only module that knows the console's formats and selectors
 * (protocol doc §5); the tag and the background see nothing but `ConsoleIdentity`.
 */

export { parseConsoleHost } from './host';
export { permissionSetOf } from './names';
export type { ConsoleIdentity, Partition } from './types';

type Source = ConsoleIdentity['source'];

function safely<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/**
 * A signal that names another account than a multi-session host, or another partition than the host, is
 * some other session's (a single-session cookie is visible on multi-session hosts too, §5 and §11.7).
 */
function fitsHost(signal: Signal, host: ConsoleHost | null): boolean {
  if (host?.multiSessionAccountId && signal.accountId && signal.accountId !== host.multiSessionAccountId) {
    return false;
  }
  return !host || !signal.partition || signal.partition === host.partition;
}

/** `<meta id="awsc-mezz-region">` (the region the console shows), `?region=`, the host, then the rest. */
function consoleRegion(doc: Document, href: string, fallbacks: (string | null)[], partition: Partition) {
  const mezz = safely(() => doc.querySelector('meta#awsc-mezz-region')?.getAttribute('content'));
  const query = safely(() => new URL(href).searchParams.get('region'));
  for (const candidate of [mezz, query, ...fallbacks]) {
    const region = validRegion(candidate, partition);
    if (region) return region;
  }
  return null;
}

function read(doc: Document, location: { hostname: string; href: string }, cookie: string) {
  const host = parseConsoleHost(location.hostname);
  const signals: [Source, Signal | null][] = [
    ['session-data', safely(() => readSessionData(doc))],
    ...(safely(() => readUserInfoCookies(cookie)) ?? []).map((s): [Source, Signal] => ['cookie', s]),
    ['nav-bar', safely(() => readNavBar(doc))],
  ];
  const usable = signals.filter((entry): entry is [Source, Signal] => !!entry[1] && fitsHost(entry[1], host));
  const named = usable.find(([, signal]) => signal.accountId);
  const accountId = named?.[1].accountId ?? host?.multiSessionAccountId;
  if (!accountId) return null;
  // Signals without an account id (a nav bar showing only the role) describe this page, so they count too.
  const same = usable.map(([, s]) => s).filter((s) => !s.accountId || s.accountId === accountId);
  const role = same.find((s) => s.roleName)?.roleName ?? null;
  const sessionRegion = same.find((s) => s.region)?.region ?? null;
  const partition: Partition =
    host?.partition ??
    same.find((s) => s.partition)?.partition ??
    (sessionRegion ? partitionIdOfRegion(sessionRegion) : 'aws');
  const fallbacks = [host?.region ?? null, sessionRegion, safely(() => readRegionCookie(cookie))];
  const identity: ConsoleIdentity = {
    accountId,
    roleName: role ? permissionSetOf(role) : null,
    partition,
    region: consoleRegion(doc, location.href, fallbacks, partition),
    multiSession: !!host?.multiSessionAccountId || same.some((s) => s.multiSession),
    source: named?.[0] ?? 'host',
  };
  return identity;
}

/**
 * Reads the identity from the page, in order: meta[name=awsc-session-data], the aws-userInfo cookie, the
 * nav-bar markup; the host adds the account id on multi-session hosts. Takes the document and location as
 * parameters (no globals) so it is testable. Never throws: a page it cannot read gives null.
 */
export function readConsoleIdentity(
  doc: Document,
  location: { hostname: string; href: string },
  cookie: string,
): ConsoleIdentity | null {
  return safely(() => read(doc, location, cookie));
}
