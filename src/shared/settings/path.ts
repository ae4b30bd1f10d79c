/** One step into a stored value: a property name, or an index into an array. */
export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Formats a path the way a person reads JSON: `preferences.tagging.pill`, `portals[2].region`,
 * `accountPrefs["123456789012"].color`. Record keys that are not identifiers (account ids) are quoted, so the
 * text can be pasted into a JSON path tool and never looks like an array index.
 */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text ? `.${segment}` : segment;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text || '(top level)';
}
