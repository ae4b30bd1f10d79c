/**
 * Single-quoting for each shell we write credentials for. Single quotes switch off every expansion in these
 * shells, so escaping the quote character itself (and, for fish, the backslash) is all that is needed. AWS values
 * are normally safe without quotes, but secret keys contain `/` and `+` and session tokens `=`; quoting always keeps
 * the output correct for any value instead of relying on that alphabet.
 */

/** POSIX sh, bash, zsh: a quote cannot be escaped inside quotes, so close, add `\'`, reopen. */
export function quotePosix(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/** fish: inside single quotes only `\'` and `\\` are escapes. */
export function quoteFish(value: string): string {
  return `'${value.replace(/[\\']/g, '\\$&')}'`;
}

/**
 * PowerShell: a quote is escaped by doubling it. PowerShell also treats the typographic single quotes
 * (U+2018–U+201B) as quote characters, so they are doubled too.
 */
export function quotePowerShell(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
}
