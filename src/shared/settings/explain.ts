import type * as v from 'valibot';
import type { PathSegment } from './path';

/**
 * Says in the user's words what a value should have been. Keyed by the field's name, because the same field
 * means the same thing wherever it appears (an account's `defaultRegion` and the preference of that name);
 * anything not listed falls back to the schema library's own wording.
 */
const EXPECTED: Readonly<Record<string, string>> = {
  color: 'expected a colour like #1a2b3c',
  region: 'expected an AWS region like eu-west-1',
  defaultRegion: 'expected an AWS region like eu-west-1',
  startUrl: 'expected an access portal start URL like https://d-xxxxxxxxxx.awsapps.com/start',
  id: 'expected an id of lower-case letters, digits and dashes',
  alias: 'expected text of at most 100 characters',
  name: 'expected text of at most 100 characters',
  tier: 'expected "production" or "normal"',
  sessionDurationMinutes: 'expected whole minutes from 15 to 720, or null',
  profileTemplate: 'expected text of 1 to 100 characters',
  favoriteRoles: 'expected a list of role names',
  count: 'expected a number',
  lastUsedAt: 'expected a time in milliseconds',
};

const BY_TYPE: Readonly<Record<string, string>> = {
  boolean: 'expected true or false',
  string: 'expected text',
  number: 'expected a number',
  integer: 'expected a whole number',
  object: 'expected an object',
  loose_object: 'expected an object',
  strict_object: 'expected an object',
  record: 'expected an object',
  array: 'expected a list',
};

function lastName(path: readonly PathSegment[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === 'string') return segment;
  }
  return undefined;
}

/** Text for a value at `path` that `schemaType` (a valibot schema type) rejected with `issue`. */
export function explain(
  path: readonly PathSegment[],
  input: unknown,
  schemaType: string,
  issue?: v.BaseIssue<unknown>,
): string {
  if (input === undefined) return 'is missing';
  if (BY_TYPE[schemaType] && schemaType !== 'string' && schemaType !== 'number' && schemaType !== 'boolean')
    return BY_TYPE[schemaType];
  const name = lastName(path);
  if (typeof path[path.length - 1] === 'string' && name && EXPECTED[name]) return EXPECTED[name];
  if (issue?.type === 'picklist') return `expected one of ${issue.expected?.replace(/^\(|\)$/g, '')}`;
  if (issue && BY_TYPE[issue.type]) return BY_TYPE[issue.type] as string;
  return issue ? `expected ${issue.expected ?? 'a different value'}, got ${issue.received}` : 'is not valid';
}

const KEY_EXPECTED: Readonly<Record<string, string>> = {
  accountPrefs: 'expected a 12-digit AWS account id as the key',
};

/** Text for a record key (`path` ends with it) that the record's key schema rejected. */
export function explainKey(path: readonly PathSegment[]): string {
  const record = path[path.length - 2];
  return (typeof record === 'string' && KEY_EXPECTED[record]) || 'is not a valid key here';
}
