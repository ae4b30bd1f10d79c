import type { RoleEntry } from './model';
import { type DocumentTables, fold, foldDocument, WordStartPool } from './search-normalise';

/** Searchable fields, in the order they are laid out in a document's haystack. */
export const FIELDS = ['accountName', 'alias', 'accountId', 'emailAddress', 'roleName'] as const;
export type SearchField = (typeof FIELDS)[number];
export const ACCOUNT_ID_FIELD = FIELDS.indexOf('accountId');
/** Offsets per document in `starts`: one per field plus the end. */
export const STRIDE = FIELDS.length + 1;

export const INTERNAL: unique symbol = Symbol('searchIndex');

/**
 * Everything precomputed so a keystroke only runs `indexOf` over ready strings. An account's fields are
 * the same for each of its roles, and a directory has few distinct role names, so the haystacks are per
 * account ("group": a run of entries of one account) and per distinct role name ("documents"), not per
 * entry: a third of the work per keystroke and of the allocation per build, at 3 roles per account.
 */
export interface IndexData {
  readonly entries: readonly RoleEntry[];
  readonly groups: number;
  readonly roles: number;
  /** Entries of group g are [groupStart[g], groupStart[g + 1]). */
  readonly groupStart: Int32Array;
  /** Document of each entry's role name (documents 0…groups-1 are the groups). */
  readonly entryRole: Int32Array;
  /**
   * Per document, its folded fields joined by "\n" in FIELDS order (a group's role field and a role's
   * account fields empty). Terms never contain whitespace (the query is split on it), so no match can
   * span two fields and one `indexOf` per term tests a whole document.
   */
  readonly hay: readonly string[];
  /** Per document, STRIDE offsets into its haystack: where each field starts, then haystack length + 1. */
  readonly starts: Int32Array;
  /** Per document, where its word-start flags (one per haystack unit) begin in `words`; -1: see `raw`. */
  readonly wordAt: Int32Array;
  readonly words: Uint8Array;
  /** Per ASCII document, its unfolded haystack: word starts (camelCase needs case) are read off it. */
  readonly raw: readonly string[];
  /** Alphabetical position of each entry, so that ties break by a number compare. */
  readonly alphaRank: Float64Array;
  /** Groups by account id, chained through `nextGroup` (-1 ends a chain; other portals share ids). */
  readonly accountHead: ReadonlyMap<string, number>;
  readonly nextGroup: Int32Array;
  /** Entries per favourite-account key and per roleKey(), filled as signals come (search-rank.ts). */
  readonly accountKeys: Map<string, readonly number[]>;
  readonly roleKeys: Map<string, readonly number[]>;
  /** Scratch for one search: the ranking boost of each entry, reset through `touched`. */
  readonly boost: Float64Array;
  readonly touched: number[];
}

export interface SearchIndex {
  readonly size: number;
  readonly [INTERNAL]: IndexData;
}

/** Coerced: the directory is validated, but a search must not throw on a malformed row. */
const text = (value: unknown): string =>
  typeof value === 'string' ? value : value == null ? '' : String(value);

function sameAccount(a: RoleEntry, b: RoleEntry): boolean {
  return (
    a.accountId === b.accountId &&
    a.portalId === b.portalId &&
    a.accountName === b.accountName &&
    a.emailAddress === b.emailAddress &&
    a.alias === b.alias
  );
}

export function buildSearchIndex(entries: readonly RoleEntry[]): SearchIndex {
  const n = entries.length;
  // Pass 1: runs of entries of one account, and distinct role names.
  const groupStart: number[] = [];
  const entryRole = new Int32Array(n);
  const roleIds = new Map<string, number>();
  const roleNames: string[] = [];
  for (let i = 0; i < n; i++) {
    const e = entries[i] as RoleEntry;
    if (i === 0 || !sameAccount(e, entries[i - 1] as RoleEntry)) {
      groupStart.push(i);
    }
    const roleName = text(e.roleName);
    let role = roleIds.get(roleName);
    if (role === undefined) {
      role = roleNames.length;
      roleIds.set(roleName, role);
      roleNames.push(roleName);
    }
    entryRole[i] = role;
  }
  const groups = groupStart.length;
  const roles = roleNames.length;
  groupStart.push(n);

  // Pass 2: one folded haystack per document, into arrays sized once.
  const pool = new WordStartPool();
  const hay: string[] = new Array(groups + roles);
  const tables: DocumentTables = {
    starts: new Int32Array((groups + roles) * STRIDE),
    wordAt: new Int32Array(groups + roles),
    raw: new Array(groups + roles),
  };
  const { starts } = tables;
  const labels: string[] = new Array(groups);
  const foldedLabels: string[] = new Array(groups);
  for (let g = 0; g < groups; g++) {
    const e = entries[groupStart[g] as number] as RoleEntry;
    const name = text(e.accountName);
    const alias = text(e.alias);
    const h = foldDocument([name, alias, text(e.accountId), text(e.emailAddress), ''], g, tables, pool);
    hay[g] = h;
    // Alphabetical by the name the user sees: the alias when there is one (an empty alias is none).
    const byAlias = alias.trim() !== '';
    labels[g] = byAlias ? alias : name;
    foldedLabels[g] = byAlias ? fold(alias) : h.slice(0, (starts[g * STRIDE + 1] as number) - 1);
  }
  for (let r = 0; r < roles; r++) {
    hay[groups + r] = foldDocument(['', '', '', '', roleNames[r] as string], groups + r, tables, pool);
  }

  // Alphabetical rank = rank of the account label × role count + rank of the role name: two small sorts
  // (accounts, distinct roles) rather than one over every entry. Code-unit order of the folded text, then
  // of the raw text, so case variants order the same way every time; `localeCompare` is far slower.
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const groupOrder = Array.from({ length: groups }, (_, g) => g);
  groupOrder.sort((a, b) => {
    const ea = entries[groupStart[a] as number] as RoleEntry;
    const eb = entries[groupStart[b] as number] as RoleEntry;
    return (
      compare(foldedLabels[a] as string, foldedLabels[b] as string) ||
      compare(labels[a] as string, labels[b] as string) ||
      compare(text(ea.accountId), text(eb.accountId)) ||
      compare(text(ea.portalId), text(eb.portalId)) ||
      a - b
    );
  });
  const foldedRoles = roleNames.map(fold);
  const roleOrder = Array.from({ length: roles }, (_, r) => r);
  roleOrder.sort(
    (a, b) =>
      compare(foldedRoles[a] as string, foldedRoles[b] as string) ||
      compare(roleNames[a] as string, roleNames[b] as string),
  );
  const groupRank = new Float64Array(groups);
  for (let rank = 0; rank < groups; rank++) groupRank[groupOrder[rank] as number] = rank;
  const roleRank = new Float64Array(roles);
  for (let rank = 0; rank < roles; rank++) roleRank[roleOrder[rank] as number] = rank;

  const alphaRank = new Float64Array(n);
  // Keyed by the account id alone: no key string to build per account (the search side splits the key).
  const accountHead = new Map<string, number>();
  const nextGroup = new Int32Array(groups);
  for (let g = 0; g < groups; g++) {
    const key = text(entries[groupStart[g] as number]?.accountId);
    nextGroup[g] = accountHead.get(key) ?? -1;
    accountHead.set(key, g);
    for (let i = groupStart[g] as number; i < (groupStart[g + 1] as number); i++) {
      alphaRank[i] = (groupRank[g] as number) * roles + (roleRank[entryRole[i] as number] as number);
      entryRole[i] = groups + (entryRole[i] as number);
    }
  }

  const data: IndexData = {
    entries,
    groups,
    roles,
    groupStart: Int32Array.from(groupStart),
    entryRole,
    hay,
    starts,
    wordAt: tables.wordAt,
    words: pool.bytes,
    raw: tables.raw,
    alphaRank,
    accountHead,
    nextGroup,
    accountKeys: new Map(),
    roleKeys: new Map(),
    boost: new Float64Array(n),
    touched: [],
  };
  return { size: n, [INTERNAL]: data };
}
