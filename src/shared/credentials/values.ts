import { REGION_CODE } from '../aws/regions';

/**
 * What may be written into a shell line, an INI line or an environment variable. AWS hands out credentials in a
 * base64-like alphabet, but the text we generate must stay one line per value even if a value were ever hostile:
 * a newline or a control character would let it start a command or a section of its own. Error messages name the
 * field, never the value, because the value may be a secret.
 */

/** The characters AWS uses in access key ids, secret keys and session tokens, plus a few harmless ones. */
const PLAIN = /^[A-Za-z0-9/+=._:-]+$/;

/** Printable ASCII without spaces: anything else is not a credential and would break some format. */
const PRINTABLE = /^[\x21-\x7e]+$/;

/** IAM role names: 1–64 of `[\w+=,.@-]` (IAM API reference, CreateRole). */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** https, printable ASCII, and no `;` or `#` that an INI reader could take for the start of a comment. */
const START_URL = /^https:\/\/[\x21-\x22\x24-\x3a\x3c-\x7e]+$/;

export function isAccountId(value: string): boolean {
  return /^\d{12}$/.test(value);
}

export function isRoleName(value: string): boolean {
  return ROLE_NAME.test(value);
}

export function isStartUrl(value: string): boolean {
  return START_URL.test(value);
}

/** Region codes as the CLI and SDKs expect them (`eu-west-1`, `us-gov-west-1`, `cn-north-1`). */
export function isRegion(value: string): boolean {
  return REGION_CODE.test(value);
}

/** True when a value needs no quoting anywhere: in cmd's `set`, an INI file or a .env file. */
export function isPlain(value: string): boolean {
  return PLAIN.test(value);
}

/** Throws (naming the field only) unless `value` is a non-empty run of printable ASCII without spaces. */
export function assertPrintable(field: string, value: string): void {
  if (!PRINTABLE.test(value)) throw new Error(`The ${field} contains characters that cannot be exported.`);
}
