import type { RoleUsage } from './model';
import { ACCOUNT_ID_FIELD, type IndexData, STRIDE } from './search-index';
import { asciiStartsWord } from './search-normalise';

/**
 * Ranking. score = Σ over terms of best(QUALITY × WEIGHT) + favourite + frecency, where for each term:
 * - QUALITY of one occurrence: exact whole field 100, start of the field 70, start of a word 60,
 *   anywhere else 25; the best occurrence over all fields counts;
 * - WEIGHT of the field: account name, alias, role name 1; account id 0.8; email 0.6;
 * - favourite: 15 when the account or the role is starred (once, not per star);
 * - frecency: 15 × f / (f + 1) with f = log2(1 + count) × 2^(−age / 7 days), age since last use. It
 *   grows with use but saturates, and halves in weight each week unused.
 * The two boosts sum to less than 30: they reorder results of like quality and can lift a result by less
 * than one quality step (a used favourite matching mid-word stays under a plain word-prefix match), while
 * an exact match stays above any prefix match. Equal scores go alphabetically, by alias or account name,
 * then role name. With an empty query the score is the boosts alone: favourites (15 or more) come first,
 * then used roles (under 15), then the rest alphabetically.
 */
const SUBSTRING = 1;
export const WORD_PREFIX = 2;
const FIELD_PREFIX = 3;
const EXACT = 4;
const QUALITY_SCORE = [0, 25, 60, 70, 100];
/** In FIELDS order: accountName, alias, accountId, emailAddress, roleName. */
const WEIGHT = [1, 1, 0.8, 0.6, 1];
const BEST_POSSIBLE = 100;
export const FAVOURITE_BOOST = 15;
export const FRECENCY_MAX = 15;
export const HALF_LIFE_MS = 7 * 24 * 60 * 60 * 1000;

/** A folded query term; `idDigits` is the term without dashes when it looks like a dashed account id. */
export interface Term {
  readonly text: string;
  readonly idDigits: string | null;
}

/** Quality of a match of `length` units at haystack position `p`, in field `f` of document `doc`. */
export function qualityAt(d: IndexData, doc: number, f: number, p: number, length: number): number {
  const start = d.starts[doc * STRIDE + f] as number;
  if (p === start) {
    return p + length === (d.starts[doc * STRIDE + f + 1] as number) - 1 ? EXACT : FIELD_PREFIX;
  }
  const flags = d.wordAt[doc] as number;
  const word = flags === -1 ? asciiStartsWord(d.raw[doc] as string, p) : d.words[flags + p] === 1;
  return word ? WORD_PREFIX : SUBSTRING;
}

/** Best weighted score of `term` in document `doc`, 0 when it does not match: the hot loop of a search. */
export function scoreTerm(d: IndexData, doc: number, term: Term): number {
  const hay = d.hay[doc] as string;
  const base = doc * STRIDE;
  let best = 0;
  let p = hay.indexOf(term.text);
  let f = 0;
  while (p !== -1) {
    // Occurrences come in order, so the field only moves forward.
    while (p >= (d.starts[base + f + 1] as number)) f++;
    const score =
      (QUALITY_SCORE[qualityAt(d, doc, f, p, term.text.length)] as number) * (WEIGHT[f] as number);
    if (score > best) {
      best = score;
      if (best >= BEST_POSSIBLE) return best;
    }
    p = hay.indexOf(term.text, p + 1);
  }
  const q = idDigitsAt(d, doc, term);
  if (q !== -1) {
    const quality = qualityAt(d, doc, ACCOUNT_ID_FIELD, q, (term.idDigits as string).length);
    best = Math.max(best, (QUALITY_SCORE[quality] as number) * (WEIGHT[ACCOUNT_ID_FIELD] as number));
  }
  return best;
}

/** Where the dash-less form of a dashed-id term occurs in the account id field, or -1. */
export function idDigitsAt(d: IndexData, doc: number, term: Term): number {
  if (term.idDigits === null) return -1;
  const start = d.starts[doc * STRIDE + ACCOUNT_ID_FIELD] as number;
  const end = (d.starts[doc * STRIDE + ACCOUNT_ID_FIELD + 1] as number) - 1;
  const q = (d.hay[doc] as string).indexOf(term.idDigits, start);
  return q !== -1 && q + term.idDigits.length <= end ? q : -1;
}

/** The frecency boost of the formula above; 0 for no or malformed usage. */
export function frecency(usage: RoleUsage | undefined, now: number): number {
  if (!usage) return 0;
  const { count, lastUsedAt } = usage;
  if (!(count > 0) || !Number.isFinite(lastUsedAt) || !Number.isFinite(now)) return 0;
  const age = Math.max(0, now - lastUsedAt);
  const f = Math.log2(1 + Math.min(count, 1e9)) * 2 ** (-age / HALF_LIFE_MS);
  return (FRECENCY_MAX * f) / (f + 1);
}

export interface BoostSignals {
  readonly favoriteAccounts?: Iterable<string>;
  readonly favoriteRoles?: Iterable<string>;
  readonly usage?: Iterable<readonly [string, RoleUsage]>;
  readonly now?: number;
}

/** Calls `visit` with each entry of account `accountId` in portal `portalId`. */
function forAccount(d: IndexData, portalId: string, accountId: string, visit: (i: number) => void): void {
  for (let g = d.accountHead.get(accountId) ?? -1; g !== -1; g = d.nextGroup[g] as number) {
    const first = d.groupStart[g] as number;
    if (d.entries[first]?.portalId !== portalId) continue;
    for (let i = first; i < (d.groupStart[g + 1] as number); i++) visit(i);
  }
}

/**
 * Calls `visit` with each entry whose roleKey() is `key`, `${portalId}/${accountId}/${roleName}`. A portal
 * id never holds a "/" (portal.ts); the account id should not either, but each split is tried anyway.
 */
function forRole(d: IndexData, key: string, visit: (i: number) => void): void {
  const p = key.indexOf('/');
  if (p === -1) return;
  const portalId = key.slice(0, p);
  for (let q = key.indexOf('/', p + 1); q !== -1; q = key.indexOf('/', q + 1)) {
    const accountId = key.slice(p + 1, q);
    if (!d.accountHead.has(accountId)) continue;
    const roleName = key.slice(q + 1);
    forAccount(d, portalId, accountId, (i) => {
      if (d.entries[i]?.roleName === roleName) visit(i);
    });
  }
}

/** Calls `visit` with each entry of the account `${portalId}/${accountId}`. */
function forAccountKey(d: IndexData, key: string, visit: (i: number) => void): void {
  const p = key.indexOf('/');
  if (p !== -1) forAccount(d, key.slice(0, p), key.slice(p + 1), visit);
}

/**
 * Entries for a signal key, looked up once per index: the signals are the same from one keystroke to the
 * next, and a heavy user has thousands of used roles.
 */
function resolve(
  d: IndexData,
  cache: Map<string, readonly number[]>,
  key: unknown,
  find: (d: IndexData, key: string, visit: (i: number) => void) => void,
): readonly number[] {
  if (typeof key !== 'string') return [];
  let found = cache.get(key);
  if (found === undefined) {
    const list: number[] = [];
    find(d, key, (i) => list.push(i));
    // Bounded: keys of accounts long gone must not pile up.
    if (cache.size > 2 * d.entries.length + 1000) cache.clear();
    cache.set(key, list);
    found = list;
  }
  return found;
}

/** Tolerates a malformed signal (the popup must not break on a bad preference): iterates nothing. */
function iterable<T>(value: Iterable<T> | undefined): Iterable<T> {
  return value != null && typeof value[Symbol.iterator] === 'function' ? value : [];
}

/**
 * Fills `d.boost` from the signals by walking the (few) starred and used keys, not the 30,000 entries,
 * and clears what the previous search set.
 */
export function applyBoosts(d: IndexData, signals: BoostSignals | undefined): void {
  for (const i of d.touched) d.boost[i] = 0;
  d.touched.length = 0;
  const star = (entries: readonly number[]) => {
    for (const i of entries) {
      d.boost[i] = FAVOURITE_BOOST;
      d.touched.push(i);
    }
  };
  for (const key of iterable(signals?.favoriteAccounts)) star(resolve(d, d.accountKeys, key, forAccountKey));
  for (const key of iterable(signals?.favoriteRoles)) star(resolve(d, d.roleKeys, key, forRole));
  const now = signals?.now ?? Number.NaN;
  for (const pair of iterable(signals?.usage)) {
    if (!Array.isArray(pair)) continue;
    const boost = frecency(pair[1], now);
    if (boost === 0) continue;
    for (const i of resolve(d, d.roleKeys, pair[0], forRole)) {
      d.boost[i] = (d.boost[i] as number) + boost;
      d.touched.push(i);
    }
  }
}

/**
 * The best `k` entries seen, as a binary heap whose root is the worst of them: each candidate costs one
 * compare unless it beats the root, so picking 200 of 30,000 never sorts the 30,000.
 */
export class TopK {
  private readonly idx: Int32Array;
  private readonly score: Float64Array;
  private readonly rank: Float64Array;
  size = 0;

  constructor(private readonly k: number) {
    this.idx = new Int32Array(k);
    this.score = new Float64Array(k);
    this.rank = new Float64Array(k);
  }

  /** Whether slot a ranks below slot b. */
  private worse(a: number, b: number): boolean {
    const sa = this.score[a] as number;
    const sb = this.score[b] as number;
    return sa < sb || (sa === sb && (this.rank[a] as number) > (this.rank[b] as number));
  }

  offer(i: number, score: number, rank: number): void {
    if (this.size < this.k) {
      this.set(this.size, i, score, rank);
      this.up(this.size++);
    } else if (
      this.k > 0 &&
      (score > (this.score[0] as number) || (score === this.score[0] && rank < (this.rank[0] as number)))
    ) {
      this.set(0, i, score, rank);
      this.down(0);
    }
  }

  /** The entries kept, best first. */
  sorted(): { index: number; score: number }[] {
    const slots = Array.from({ length: this.size }, (_, s) => s);
    slots.sort((a, b) => (this.worse(a, b) ? 1 : this.worse(b, a) ? -1 : 0));
    return slots.map((s) => ({ index: this.idx[s] as number, score: this.score[s] as number }));
  }

  private set(slot: number, i: number, score: number, rank: number): void {
    this.idx[slot] = i;
    this.score[slot] = score;
    this.rank[slot] = rank;
  }

  private up(slot: number): void {
    let s = slot;
    while (s > 0) {
      const parent = (s - 1) >> 1;
      if (!this.worse(s, parent)) break;
      this.exchange(s, parent);
      s = parent;
    }
  }

  private down(slot: number): void {
    let s = slot;
    for (;;) {
      const l = 2 * s + 1;
      const r = l + 1;
      let m = s;
      if (l < this.size && this.worse(l, m)) m = l;
      if (r < this.size && this.worse(r, m)) m = r;
      if (m === s) return;
      this.exchange(s, m);
      s = m;
    }
  }

  private exchange(a: number, b: number): void {
    const i = this.idx[a] as number;
    const score = this.score[a] as number;
    const rank = this.rank[a] as number;
    this.set(a, this.idx[b] as number, this.score[b] as number, this.rank[b] as number);
    this.set(b, i, score, rank);
  }
}
