/**
 * Folding for search: one function decides what "the same letter" means, for the haystack and the query
 * alike, so they can never disagree. Folding works code point by code point (not on the whole string) so
 * that every folded character maps back to the original characters it came from, for highlighting, and
 * so that context-dependent rules (Greek final sigma) cannot make the query and a field fold differently.
 */

/**
 * Stripped after NFD: the combining diacritical mark blocks only, so "é" folds to "e". Marks that carry
 * meaning in other scripts (Devanagari vowel signs, kana voicing) stay, on both sides alike.
 */
const DIACRITICS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/** Letters NFD leaves whole but that people type as plain ASCII. */
const EXTRA: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ς: 'σ',
};
const EXTRA_CHARS = /[ßæœøłđðþıς]/g;

/** Invisible format characters (bidi overrides, zero-width spaces, soft hyphens) must not break a match. */
const FORMAT = /^\p{Cf}$/u;
const MARK = /^\p{M}$/u;
const DIGIT = /^\p{Nd}$/u;
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Fast path: printable ASCII folds by `toLowerCase` alone, unit for unit. */
const ASCII_ONLY = /^[ -~]*$/;

const foldCache = new Map<number, string>();
/** Bounded: hostile input cannot grow it without limit; real text uses a few hundred code points. */
const FOLD_CACHE_MAX = 4096;

function foldCodePoint(cp: number): string {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : String.fromCharCode(cp);
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  const ch = String.fromCodePoint(cp);
  const folded = FORMAT.test(ch)
    ? ''
    : ch
        .toLowerCase()
        .normalize('NFD')
        .replace(DIACRITICS, '')
        .replace(EXTRA_CHARS, (m) => EXTRA[m] ?? m);
  if (foldCache.size >= FOLD_CACHE_MAX) foldCache.clear();
  foldCache.set(cp, folded);
  return folded;
}

/** Lowercase, accent-free, format-character-free form of `s`. */
export function fold(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  let out = '';
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i) ?? 0;
    out += foldCodePoint(cp);
    i += cp > 0xffff ? 2 : 1;
  }
  return out;
}

/** A folded field and, per folded UTF-16 unit, the range of original units it came from. */
export interface FoldedWithMap {
  readonly text: string;
  readonly rawStart: readonly number[];
  readonly rawEnd: readonly number[];
}

/** Like `fold`, keeping the way back to the original string. Only used for the few hits shown. */
export function foldWithMap(raw: string): FoldedWithMap {
  let text = '';
  const rawStart: number[] = [];
  const rawEnd: number[] = [];
  for (let i = 0; i < raw.length; ) {
    const cp = raw.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const f = foldCodePoint(cp);
    for (let k = 0; k < f.length; k++) {
      rawStart.push(i);
      rawEnd.push(i + width);
    }
    text += f;
    i += width;
  }
  return { text, rawStart, rawEnd };
}

/** Character classes for word boundaries. */
const SEP = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT_K = 3;
/** Letters without case (CJK, Arabic, Hebrew…) and other numbers. */
const OTHER = 4;
/** Combining marks that survived folding: they belong to the letter before them. */
const CONTINUE = 5;

function classify(cp: number): number {
  if (cp < 0x80) {
    if (cp >= 0x61 && cp <= 0x7a) return LOWER;
    if (cp >= 0x41 && cp <= 0x5a) return UPPER;
    if (cp >= 0x30 && cp <= 0x39) return DIGIT_K;
    return SEP;
  }
  const ch = String.fromCodePoint(cp);
  if (MARK.test(ch)) return CONTINUE;
  if (!LETTER_OR_NUMBER.test(ch)) return SEP;
  if (DIGIT.test(ch)) return DIGIT_K;
  if (ch.toLowerCase() !== ch) return UPPER;
  if (ch.toUpperCase() !== ch) return LOWER;
  return OTHER;
}

/** Word-start flags of every folded field of an index, end to end: one allocation, not one per field. */
export class WordStartPool {
  bytes: Uint8Array;
  length = 0;

  constructor(expected = 1 << 12) {
    this.bytes = new Uint8Array(Math.max(16, expected));
  }

  reserve(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + extra) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

/**
 * Folds `raw` and appends to `pool` one flag per folded unit: 1 where a word starts. Words start at the
 * start of the field, at a separator itself (a term typed with its "-" or "@" aims at a boundary) and
 * after one, at a camelCase hump ("AdministratorAccess", "HTTPServer"), and where digits and letters
 * meet ("team42prod"). Returns the folded text; its flags start at the pool's length before the call.
 */
export function foldMarkingWords(raw: string, pool: WordStartPool): string {
  if (ASCII_ONLY.test(raw)) return asciiMarkingWords(raw, pool);
  let folded = '';
  let prev = -1;
  let i = 0;
  let cp = raw.length > 0 ? (raw.codePointAt(0) ?? 0) : 0;
  let kind = classify(cp);
  while (i < raw.length) {
    const nextI = i + (cp > 0xffff ? 2 : 1);
    const nextCp = nextI < raw.length ? (raw.codePointAt(nextI) ?? 0) : -1;
    const next = nextCp >= 0 ? classify(nextCp) : SEP;
    const f = foldCodePoint(cp);
    if (f.length > 0) {
      pool.reserve(f.length);
      pool.bytes[pool.length] = kind !== CONTINUE && startsWord(prev, kind, next) ? 1 : 0;
      for (let k = 1; k < f.length; k++) pool.bytes[pool.length + k] = 0;
      pool.length += f.length;
      folded += f;
      if (kind !== CONTINUE) prev = kind;
    }
    i = nextI;
    cp = nextCp;
    kind = next;
  }
  return folded;
}

function startsWord(prev: number, kind: number, next: number): boolean {
  return (
    prev === -1 ||
    kind === SEP ||
    prev === SEP ||
    (kind === UPPER && prev === LOWER) ||
    (kind === UPPER && prev === UPPER && next === LOWER) ||
    (kind === DIGIT_K) !== (prev === DIGIT_K)
  );
}

/** Fast path for a whole document: ASCII, newlines included (a newline is a separator either way). */
const ASCII_DOCUMENT = /^[\n -~]*$/;

/** Where a document's haystack and word starts go; indexed by document. */
export interface DocumentTables {
  /** STRIDE offsets per document: where each field starts in the haystack, then its length + 1. */
  readonly starts: Int32Array;
  /** Where the document's word-start flags begin in the pool, or -1 for an ASCII document… */
  readonly wordAt: Int32Array;
  /** …whose word starts are read, when needed, off its original text, kept here. */
  readonly raw: string[];
}

/**
 * Folds a document's fields into one haystack, "\n" between fields. ASCII documents (nearly all) keep
 * their original text, so a search can tell word starts from the few places a term occurs, and building
 * costs one `toLowerCase`. Others get word-start flags for every unit (separators included) in `pool`.
 */
export function foldDocument(
  fields: readonly string[],
  doc: number,
  tables: DocumentTables,
  pool: WordStartPool,
): string {
  const at = doc * (fields.length + 1);
  const joined = fields.join('\n');
  const ascii = ASCII_DOCUMENT.test(joined);
  const parts: string[] = [];
  let offset = 0;
  tables.wordAt[doc] = ascii ? -1 : pool.length;
  tables.raw[doc] = ascii ? joined : '';
  for (let f = 0; f < fields.length; f++) {
    const folded = ascii ? (fields[f] as string) : foldMarkingWords(fields[f] as string, pool);
    tables.starts[at + f] = offset;
    offset += folded.length + 1;
    if (ascii) continue;
    parts.push(folded);
    // The separator: a boundary, with its own flag so that flags stay aligned with the haystack.
    pool.reserve(1);
    pool.bytes[pool.length++] = 1;
  }
  tables.starts[at + fields.length] = offset;
  return ascii ? joined.toLowerCase() : parts.join('\n');
}

/** ASCII classes by char code, for the common case. */
const ASCII_KIND = new Uint8Array(128).map((_, c) => classify(c));
/** Class of unit `i` of `raw`: before the start is "nothing yet" (-1), past the end a separator. */
function asciiKind(raw: string, i: number): number {
  if (i < 0) return -1;
  return i < raw.length ? (ASCII_KIND[raw.charCodeAt(i)] ?? SEP) : SEP;
}

/** Whether a word starts at `i` of the ASCII `raw`: the same rules as `foldMarkingWords`. */
export function asciiStartsWord(raw: string, i: number): boolean {
  return startsWord(asciiKind(raw, i - 1), asciiKind(raw, i), asciiKind(raw, i + 1));
}

/** `foldMarkingWords` for ASCII (char codes under 128): most of a directory, at a fraction of the cost. */
function asciiMarkingWords(raw: string, pool: WordStartPool): string {
  pool.reserve(raw.length);
  for (let i = 0; i < raw.length; i++) pool.bytes[pool.length + i] = asciiStartsWord(raw, i) ? 1 : 0;
  pool.length += raw.length;
  return raw.toLowerCase();
}
