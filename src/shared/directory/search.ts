import type { RoleEntry, RoleUsage } from './model';
import {
  ACCOUNT_ID_FIELD,
  FIELDS,
  INTERNAL,
  type IndexData,
  type SearchField,
  type SearchIndex,
  STRIDE,
} from './search-index';
import { fold, foldWithMap } from './search-normalise';
import { applyBoosts, idDigitsAt, qualityAt, scoreTerm, type Term, TopK, WORD_PREFIX } from './search-rank';

/**
 * Search over the directory, in the popup, on every keystroke. Build the index once per directory change;
 * a search then runs one `indexOf` per term over ready, folded haystacks. Ranking: see search-rank.ts.
 */
export { buildSearchIndex, type SearchField, type SearchIndex } from './search-index';

export interface RankingSignals {
  /** Keys `${portalId}/${accountId}`. */
  readonly favoriteAccounts: ReadonlySet<string>;
  /** roleKey() of starred roles. */
  readonly favoriteRoles: ReadonlySet<string>;
  /** By roleKey(). */
  readonly usage: ReadonlyMap<string, RoleUsage>;
  /** Epoch ms, injected so tests are deterministic. */
  readonly now: number;
}

export interface SearchMatch {
  readonly field: SearchField;
  /** UTF-16 offsets into the original (unfolded) field value, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export interface SearchHit {
  readonly entry: RoleEntry;
  readonly score: number;
  /** Ranges to highlight, per field, in field order then position; never overlapping. */
  readonly matches: SearchMatch[];
}

export const DEFAULT_LIMIT = 200;
/** Longer queries are cut: no one types more, and a pasted novel must not stall the popup. */
export const MAX_QUERY_LENGTH = 200;
const DASHED_ID = /^[0-9][0-9-]*$/;

export function parseQuery(query: string): Term[] {
  let q = typeof query === 'string' ? query : '';
  if (q.length > MAX_QUERY_LENGTH) {
    const cut = q.charCodeAt(MAX_QUERY_LENGTH - 1);
    // Do not leave half a surrogate pair at the end.
    q = q.slice(0, cut >= 0xd800 && cut <= 0xdbff ? MAX_QUERY_LENGTH - 1 : MAX_QUERY_LENGTH);
  }
  const seen = new Set<string>();
  const terms: Term[] = [];
  for (const word of q.split(/\s+/)) {
    const text = fold(word);
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    // Account ids are shown as 1234-5678-9012 in the console; the directory stores 123456789012.
    const idDigits = DASHED_ID.test(text) && text.includes('-') ? text.replaceAll('-', '') : null;
    terms.push({ text, idDigits });
  }
  // Longest first: the most selective term rejects most entries at the first `indexOf`.
  return terms.sort((a, b) => b.text.length - a.text.length);
}

/**
 * What a query searches for: two queries with the same key give the same hits, so a trailing space or a
 * repeated word needs no new search.
 */
export function queryKey(query: string): string {
  return parseQuery(query)
    .map((term) => term.text)
    .join(' ');
}

function clampLimit(limit: number | undefined, size: number): number {
  if (typeof limit !== 'number' || Number.isNaN(limit)) return Math.min(DEFAULT_LIMIT, size);
  return Math.max(0, Math.min(Math.floor(limit), size));
}

export function search(
  index: SearchIndex,
  query: string,
  signals: RankingSignals,
  limit?: number,
): SearchHit[] {
  const d = index[INTERNAL];
  const top = new TopK(clampLimit(limit, d.entries.length));
  const terms = parseQuery(query);
  const t = terms.length;
  applyBoosts(d, signals);
  // Each term scored once per distinct role name, then once per account; an entry's score for a term is
  // the better of its account's and its role's.
  const roleScore = new Float64Array(t * d.roles);
  const anyRole = new Uint8Array(t);
  for (let k = 0; k < t; k++) {
    for (let r = 0; r < d.roles; r++) {
      const s = scoreTerm(d, d.groups + r, terms[k] as Term);
      roleScore[k * d.roles + r] = s;
      if (s > 0) anyRole[k] = 1;
    }
  }
  const accountScore = new Float64Array(t);
  const { boost, alphaRank, entryRole, groupStart } = d;
  const candidates = narrowedGroups(d, terms);
  const matched = new Int32Array(candidates ? candidates.length : d.groups);
  let matchedCount = 0;
  const groupCount = candidates ? candidates.length : d.groups;
  groups: for (let c = 0; c < groupCount; c++) {
    const g = candidates ? (candidates[c] as number) : c;
    for (let k = 0; k < t; k++) {
      const s = scoreTerm(d, g, terms[k] as Term);
      // Early exit: a term that neither this account nor any role matches rules the account out.
      if (s === 0 && anyRole[k] === 0) continue groups;
      accountScore[k] = s;
    }
    entries: for (let i = groupStart[g] as number; i < (groupStart[g + 1] as number); i++) {
      const role = (entryRole[i] as number) - d.groups;
      let score = boost[i] as number;
      for (let k = 0; k < t; k++) {
        const s = Math.max(accountScore[k] as number, roleScore[k * d.roles + role] as number);
        if (s === 0) continue entries;
        score += s;
      }
      top.offer(i, score, alphaRank[i] as number);
      if (matched[matchedCount - 1] !== g || matchedCount === 0) matched[matchedCount++] = g;
    }
  }
  if (t > 0) lastSearch.set(d, { terms, groups: matched.subarray(0, matchedCount) });
  return top.sorted().map(({ index: i, score }) => new LazyHit(d, i, score, terms));
}

/**
 * A hit whose highlights are worked out when first read: the list draws a few dozen of the hits, so most are
 * never needed. A class rather than an object literal with a getter, which V8 builds ~30 times slower (a
 * runtime call per object), and a search makes up to 500 of them per keystroke.
 */
class LazyHit implements SearchHit {
  readonly entry: RoleEntry;
  readonly score: number;
  readonly #d: IndexData;
  readonly #i: number;
  readonly #terms: readonly Term[];
  #matches: SearchMatch[] | undefined;

  constructor(d: IndexData, i: number, score: number, terms: readonly Term[]) {
    this.entry = d.entries[i] as RoleEntry;
    this.score = score;
    this.#d = d;
    this.#i = i;
    this.#terms = terms;
  }

  get matches(): SearchMatch[] {
    this.#matches ??= highlight(this.#d, this.#i, this.#terms);
    return this.#matches;
  }
}

/**
 * The accounts the previous query matched, per index. Typing usually refines a query ("pro" → "prod"): every
 * account the longer query matches, the shorter one matched too, so the next keystroke scans only those.
 */
const lastSearch = new WeakMap<IndexData, { terms: readonly Term[]; groups: Int32Array }>();

function narrowedGroups(d: IndexData, terms: readonly Term[]): Int32Array | null {
  const last = lastSearch.get(d);
  if (!last || terms.length === 0) return null;
  return last.terms.every((before) => terms.some((now) => refines(now, before))) ? last.groups : null;
}

/** Whatever `now` matches, `before` matches: its text is inside `now`'s (and so are its id digits). */
function refines(now: Term, before: Term): boolean {
  if (!now.text.includes(before.text)) return false;
  // A term that matched only through the dash-free account id says nothing about a dashed shorter term.
  return now.idDigits === null || before.idDigits !== null || /^\d+$/.test(before.text);
}

interface Found {
  field: number;
  /** In folded units, relative to the field. */
  start: number;
  end: number;
  quality: number;
}

/** Per field, the best occurrence of `term` in document `doc`. */
function bestPerField(d: IndexData, doc: number, term: Term, best: (Found | undefined)[]): void {
  const hay = d.hay[doc] as string;
  const base = doc * STRIDE;
  const consider = (f: number, p: number, length: number) => {
    const quality = qualityAt(d, doc, f, p, length);
    const start = p - (d.starts[base + f] as number);
    if ((best[f]?.quality ?? 0) < quality) best[f] = { field: f, start, end: start + length, quality };
  };
  let f = 0;
  for (let p = hay.indexOf(term.text); p !== -1; p = hay.indexOf(term.text, p + 1)) {
    while (p >= (d.starts[base + f + 1] as number)) f++;
    consider(f, p, term.text.length);
  }
  const q = idDigitsAt(d, doc, term);
  if (q !== -1) consider(ACCOUNT_ID_FIELD, q, (term.idDigits as string).length);
}

/**
 * Highlight ranges, computed only for the hits returned. Per term: where it matches at a word start (or
 * better), those places; only when it matches nowhere like that, its mid-word places.
 */
function highlight(d: IndexData, i: number, terms: readonly Term[]): SearchMatch[] {
  const group = upperBound(d.groupStart, i) - 1;
  const found: Found[] = [];
  for (const term of terms) {
    const best: (Found | undefined)[] = [];
    bestPerField(d, group, term, best);
    bestPerField(d, d.entryRole[i] as number, term, best);
    const places = best.filter((x): x is Found => x !== undefined);
    const prefixOnly = places.some((p) => p.quality >= WORD_PREFIX);
    for (const p of places) if (!prefixOnly || p.quality >= WORD_PREFIX) found.push(p);
  }
  found.sort((a, b) => a.field - b.field || a.start - b.start);
  const entry = d.entries[i] as RoleEntry;
  const maps = new Map<number, ReturnType<typeof foldWithMap>>();
  const merged: { field: number; start: number; end: number }[] = [];
  for (const f of found) {
    let map = maps.get(f.field);
    if (!map) {
      const value: unknown = entry[FIELDS[f.field] as SearchField];
      map = foldWithMap(typeof value === 'string' ? value : String(value ?? ''));
      maps.set(f.field, map);
    }
    const start = map.rawStart[f.start];
    const end = map.rawEnd[f.end - 1];
    if (start === undefined || end === undefined) continue;
    const last = merged[merged.length - 1];
    if (last && last.field === f.field && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ field: f.field, start, end });
  }
  return merged.map((m) => ({ field: FIELDS[m.field] as SearchField, start: m.start, end: m.end }));
}

/** First position in the sorted `values` holding more than `x`. */
function upperBound(values: Int32Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
