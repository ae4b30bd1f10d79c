import type { MalformedRule } from './types.ts';

const LIST_MEMBER = { '/assignment/accounts': 'accountList', '/assignment/roles': 'roleList' } as const;
const KINDS = new Set(['append', 'replace-list', 'body', 'pad']);
/** A 64 MB padding would take the emulator's memory, not the extension's, as the thing under test. */
const MAX_PAD = 64 * 1024 * 1024;

/**
 * Malformed portal answers on demand (types.ts, `MalformedRule`). Each matching answer goes through every
 * matching rule in order, so a test can, say, append bad entries and pad the same answer.
 */
export class Malformations {
  private rules: { rule: MalformedRule; remaining: number }[] = [];

  /** Throws on a rule that could not apply, so a typo in a test fails loudly instead of testing nothing. */
  set(rules: MalformedRule[]): void {
    for (const rule of rules) {
      if (!(rule?.path in LIST_MEMBER) || !KINDS.has(rule.kind)) {
        throw new Error(
          "each malformed rule needs a path of '/assignment/accounts' or '/assignment/roles' and a kind of " +
            "'append', 'replace-list', 'body' or 'pad'",
        );
      }
      if (rule.kind === 'append' && !Array.isArray(rule.items)) throw new Error('append needs items: [...]');
      if (rule.kind === 'body' && typeof rule.text !== 'string') throw new Error('body needs text: "..."');
      if (rule.kind === 'pad' && !(Number.isInteger(rule.bytes) && rule.bytes >= 0 && rule.bytes <= MAX_PAD))
        throw new Error(`pad needs bytes: a whole number up to ${MAX_PAD}`);
    }
    this.rules = rules.map((rule) => ({ rule, remaining: rule.count ?? Number.POSITIVE_INFINITY }));
  }

  list(): MalformedRule[] {
    // Appended items and padding can be megabytes: the state snapshot says what, not the payload.
    return this.rules.map(({ rule, remaining }) => {
      const shown = { ...rule, ...(Number.isFinite(remaining) ? { count: remaining } : {}) };
      if (shown.kind === 'append') return { ...shown, items: [`${shown.items.length} items`] };
      if (shown.kind === 'body') return { ...shown, text: shown.text.slice(0, 200) };
      return shown;
    });
  }

  /**
   * The body to send for a well-formed `answer` of `path` (and `accountId` for roles): the JSON of the answer
   * reshaped by every matching rule, consuming one from each rule's count.
   */
  apply(path: string, accountId: string | null, answer: Record<string, unknown>): string {
    const member = LIST_MEMBER[path as keyof typeof LIST_MEMBER];
    if (!member) return JSON.stringify(answer);
    let body: Record<string, unknown> = { ...answer };
    let text: string | undefined;
    let padding = 0;
    for (const entry of this.rules) {
      const { rule } = entry;
      if (entry.remaining <= 0 || rule.path !== path) continue;
      if (rule.accountId !== undefined && rule.accountId !== accountId) continue;
      entry.remaining -= 1;
      if (rule.kind === 'append') body = { ...body, [member]: [...asArray(body[member]), ...rule.items] };
      else if (rule.kind === 'replace-list') body = { ...body, [member]: rule.value };
      else if (rule.kind === 'body') text = rule.text;
      else padding += rule.bytes;
    }
    if (text !== undefined) return text;
    // Built as text: JSON.stringify of a 20 MB string would copy it once more for nothing.
    const json = JSON.stringify(body);
    if (padding === 0) return json;
    return `${json.slice(0, -1)}${json.length > 2 ? ',' : ''}"padding":"${'x'.repeat(padding)}"}`;
  }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
