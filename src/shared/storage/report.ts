import * as v from 'valibot';

/**
 * Says that a stored value failed its schema and was ignored (its default used instead). Everything read back
 * from storage is untrusted input: content scripts can write storage.local (docs/security.md), and a value may be
 * corrupt or from another version. The warning names the key, the area and where the value went wrong, never
 * the value itself: it may hold a secret.
 */
export function reportInvalid(key: string, area: string, issues: readonly v.BaseIssue<unknown>[]): void {
  const paths = [...new Set(issues.map((issue) => v.getDotPath(issue) ?? '(the value)'))].slice(0, 5);
  console.warn(`Ignored an invalid stored value: "${key}" in storage.${area} (at ${paths.join(', ')}).`);
}
