/**
 * Names for AWS CLI profiles (and sso-sessions) built from a user's template.
 *
 * What the readers accept: the CLI (botocore) splits a `[profile NAME]` header with `shlex`, so whitespace,
 * quotes and backslashes break it; Python's configparser ends the header at the last `]`; the JS SDK v3 accepts
 * only `[\w-@+.%:/]` in names and strips anything after ` #` or ` ;`; the AWS docs say the files are ASCII.
 * We keep the intersection that also needs no quoting in a shell (`--profile NAME`, `AWS_PROFILE=NAME`):
 * letters, digits, `.`, `_`, `-`. Accented Latin letters lose their accent (Produção → Producao); any other run of
 * characters becomes one `-`.
 *
 * Case is kept: role names are CamelCase (`AWSAdministratorAccess`) and lower-casing them loses the word breaks
 * that make them readable. Names are still compared case-insensitively when made unique, so two profiles never
 * differ only by case (which people would mistype).
 */

export const DEFAULT_PROFILE_TEMPLATE = '{account}.{role}';

export const PROFILE_PLACEHOLDERS = ['account', 'accountName', 'accountId', 'role', 'portal'] as const;
export type ProfilePlaceholder = (typeof PROFILE_PLACEHOLDERS)[number];

export interface ProfileNameParts {
  readonly accountName: string;
  readonly accountId: string;
  /** The user's alias for the account; `{account}` prefers it to the name. */
  readonly alias?: string | undefined;
  readonly roleName: string;
  readonly portalName: string;
}

/** Long enough for any real account and role name; a 500-character name must not make a 500-character profile. */
const MAX_PART = 48;
const MAX_NAME = 128;
const TEMPLATE_MAX = 200;
/** `default` is the profile the CLI uses without `--profile`: a generated one must never take its place. */
const RESERVED = 'default';

/** Reduces any text to the safe alphabet above; may return '' (then callers pick a fallback). */
export function sanitiseName(raw: string, max = MAX_NAME): string {
  return raw
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-._]+|[-._]+$/g, '')
    .slice(0, max)
    .replace(/[-._]+$/, '');
}

/**
 * Fills the template and sanitises the result. Each value is sanitised on its own first, so a hostile account
 * name cannot eat the role; a value with nothing usable falls back to the account id. Unknown placeholders
 * (see `checkProfileTemplate`) are left as literal text and sanitised like the rest.
 */
export function profileName(template: string, parts: ProfileNameParts): string {
  const part = (value: string | undefined, fallback: string) =>
    sanitiseName(value ?? '', MAX_PART) || sanitiseName(fallback, MAX_PART);
  const values: Record<ProfilePlaceholder, string> = {
    account: part(parts.alias?.trim() ? parts.alias : parts.accountName, parts.accountId),
    accountName: part(parts.accountName, parts.accountId),
    accountId: part(parts.accountId, 'account'),
    role: part(parts.roleName, 'role'),
    portal: part(parts.portalName, 'portal'),
  };
  const filled = template.replace(/\{([^{}]*)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? values[key as ProfilePlaceholder] : whole,
  );
  const name = sanitiseName(filled) || values.accountId;
  return name.toLowerCase() === RESERVED ? `${name}-profile` : name;
}

/**
 * Makes names unique (case-insensitively) by appending `-2`, `-3`… to later repeats, in the given order. A suffix
 * never takes a name that appears literally elsewhere in the list, so the result does not depend on where such a
 * name sits.
 */
export function uniqueProfileNames(names: readonly string[]): string[] {
  const key = (name: string) => name.toLowerCase();
  const reserved = new Set(names.map(key));
  const used = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(key(candidate)); n++) {
      candidate = `${name}-${n}`;
      if (reserved.has(key(candidate))) candidate = name;
    }
    used.add(key(candidate));
    return candidate;
  });
}

/** An error message for the options page, or null when the template is usable. */
export function checkProfileTemplate(template: string): string | null {
  const list = PROFILE_PLACEHOLDERS.map((p) => `{${p}}`).join(', ');
  if (!template.trim()) return `Enter a template, for example ${DEFAULT_PROFILE_TEMPLATE}.`;
  if (template.length > TEMPLATE_MAX) return `Keep the template under ${TEMPLATE_MAX} characters.`;
  let placeholders = 0;
  for (const [, key] of template.matchAll(/\{([^{}]*)\}/g)) {
    if (!(PROFILE_PLACEHOLDERS as readonly string[]).includes(key ?? '')) {
      return `Unknown placeholder {${key}}: use ${list}.`;
    }
    placeholders++;
  }
  if (/[{}]/.test(template.replace(/\{[^{}]*\}/g, ''))) return 'A { or } has no partner.';
  if (placeholders === 0)
    return `Use at least one placeholder (${list}), or every profile gets the same name.`;
  return null;
}
