/**
 * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). In an account name or alias they make
 * text display in another order than it is stored: "\u202Enimda-dorp" shows as "prod-admin". Names come from
 * AWS administrators and the user's own settings files, so a name could pose as another account.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * A name as it may be shown: each bidi control replaced by U+FFFD, which is visible (the name looks odd instead of
 * passing for another) and one UTF-16 unit like the character it replaces, so search-highlight ranges still fit.
 */
export function visibleText(text: string): string {
  return text.replace(BIDI_CONTROLS, '\ufffd');
}
