import { validRegion } from './host';
import { accountIdOf, parseArn, roleFromDisplayName } from './names';
import { NO_SIGNAL, type Signal } from './types';

/**
 * `<meta name="awsc-session-data" content='{…}'>` (protocol doc §5). Documented fields are `prismModeEnabled`,
 * `sessionDifferentiator`, `signInEndpoint` and `infrastructureRegion`; the account may be in `accountId`,
 * only in `sessionARN`, or nowhere, so each field is read on its own and a missing one leaves the next
 * source to answer.
 */

/** Real session data is well under 2 kB; a larger value is not the console's and is not parsed. */
const MAX_CONTENT = 16_384;

function sessionDataObject(doc: Document): Record<string, unknown> | null {
  const content = doc.querySelector('meta[name="awsc-session-data"]')?.getAttribute('content');
  if (!content || content.length > MAX_CONTENT) return null;
  try {
    const value: unknown = JSON.parse(content);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function readSessionData(doc: Document): Signal | null {
  const data = sessionDataObject(doc);
  if (!data) return null;
  const arn = parseArn(data.sessionARN ?? data.sessionArn);
  const accountId = accountIdOf(data.accountId) ?? arn?.accountId ?? null;
  // The ARN's role counts only if the ARN is this account's: a contradiction means one field is wrong.
  const arnRole = arn && arn.accountId === accountId ? arn.roleName : null;
  return {
    ...NO_SIGNAL,
    accountId,
    roleName: arnRole ?? roleFromDisplayName(data.displayName),
    partition: arn && arn.accountId === accountId ? arn.partition : null,
    region: validRegion(data.infrastructureRegion),
    // Seen as a string in the wild too (other extensions' tests accept "true").
    multiSession: data.prismModeEnabled === true || data.prismModeEnabled === 'true',
  };
}
