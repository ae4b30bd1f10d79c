import { accountLabel } from '../../shared/directory/favorites';
import type { RoleEntry } from '../../shared/directory/model';
import type { SearchField, SearchHit, SearchMatch } from '../../shared/directory/search';
import { cleanText, cutPoint, render, type Segment, segments } from './omnibox-text';

/** What the address bar shows for one query: the first row (what Enter does) and the others to pick. */
export interface OmniboxView {
  readonly defaultDescription: string;
  readonly suggestions: { content: string; description: string }[];
}

export interface ViewOptions {
  /** Chrome: XML with `<match>` and `<dim>`. Firefox: plain text. */
  readonly markup: boolean;
  /** Portal names by id, shown only when there are several portals. */
  readonly portalNames: ReadonlyMap<string, string>;
}

/** Chrome shows up to about eight rows; the first is the default suggestion (the best hit). */
export const SUGGESTION_LIMIT = 6;
const MAX_ROLE = 64;
const MAX_LABEL = 60;
const MAX_DIM = 40;
const MAX_QUERY_SHOWN = 60;

function rangesOf(matches: readonly SearchMatch[], field: SearchField): SearchMatch[] {
  return matches.filter((m) => m.field === field);
}

function dim(text: string, markup: boolean): string {
  return markup ? `<dim>${text}</dim>` : text;
}

/** "AdministratorAccess · acme-prod  (acme-prod-main · 123456789012 · Portal)", matched parts marked. */
export function describeHit(hit: SearchHit, options: ViewOptions): string {
  const { entry, matches } = hit;
  const { markup } = options;
  const hasAlias = accountLabel(entry) !== entry.accountName;
  const role = render(segments(entry.roleName, rangesOf(matches, 'roleName'), MAX_ROLE), markup);
  const label = hasAlias
    ? render(segments(entry.alias ?? '', rangesOf(matches, 'alias'), MAX_LABEL), markup)
    : render(segments(entry.accountName, rangesOf(matches, 'accountName'), MAX_LABEL), markup);
  const details: string[] = [];
  if (hasAlias)
    details.push(render(segments(entry.accountName, rangesOf(matches, 'accountName'), MAX_DIM), markup));
  details.push(render(segments(entry.accountId, rangesOf(matches, 'accountId'), 12), markup));
  if (options.portalNames.size > 1) {
    const portal = options.portalNames.get(entry.portalId);
    if (portal) details.push(render(segments(portal, [], MAX_DIM), markup));
  }
  return `${role} · ${label}  ${dim(`(${details.join(' · ')})`, markup)}`;
}

/**
 * The text put in the address bar when a suggestion is picked, and given back on Enter:
 * "<roleName> @ <label> (<accountId>)". Role names hold no spaces ([\w+=,.@-] in AWS), so `parseContent`
 * reads the role and the id back however odd the label is.
 */
export function suggestionContent(entry: RoleEntry): string {
  const label = cleanText(accountLabel(entry));
  return `${entry.roleName} @ ${label.slice(0, cutPoint(label, MAX_LABEL))} (${entry.accountId})`;
}

export function parseContent(text: string): { roleName: string; accountId: string } | null {
  const m = /^(\S+) @ .* \((\d{12})\)$/s.exec(text.trim());
  return m ? { roleName: m[1] as string, accountId: m[2] as string } : null;
}

/** The rows for `query` given the search's best hits (best first), or why there are none. */
export function omniboxView(
  query: string,
  hits: readonly SearchHit[],
  options: ViewOptions & { readonly roleCount: number },
): OmniboxView {
  const { markup } = options;
  const best = hits[0];
  if (options.roleCount === 0) {
    return {
      defaultDescription: 'No AWS accounts yet: open the AWS SSO Switcher popup to add a portal and sign in.',
      suggestions: [],
    };
  }
  if (query.trim() === '') {
    return {
      defaultDescription: 'Type an account name, alias, id or role; Enter opens the best match.',
      suggestions: hits.map((hit) => ({
        content: suggestionContent(hit.entry),
        description: describeHit(hit, options),
      })),
    };
  }
  if (!best) {
    const shown: Segment[] = segments(query.trim(), [], MAX_QUERY_SHOWN);
    return {
      defaultDescription: `No role matches “${render(shown, markup)}”. Try fewer or shorter words.`,
      suggestions: [],
    };
  }
  const how = dim(' — Enter: this tab · Alt+Enter: new tab', markup);
  return {
    defaultDescription: `Open ${describeHit(best, options)}${how}`,
    suggestions: hits.slice(1).map((hit) => ({
      content: suggestionContent(hit.entry),
      description: describeHit(hit, options),
    })),
  };
}
