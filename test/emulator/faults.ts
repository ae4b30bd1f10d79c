import type { FaultRule } from './types.ts';

/** Injected failures on chosen paths: a count and/or a fraction of matching requests. */
export class Faults {
  private rules: { rule: FaultRule; remaining: number }[] = [];

  set(rules: FaultRule[]): void {
    this.rules = rules.map((rule) => ({ rule, remaining: rule.count ?? Number.POSITIVE_INFINITY }));
  }

  list(): FaultRule[] {
    return this.rules.map(({ rule, remaining }) =>
      Number.isFinite(remaining) ? { ...rule, count: remaining } : { ...rule },
    );
  }

  /** The fault to inject for this request, if any; consumes one from the rule's count. */
  match(method: string, path: string): FaultRule['kind'] | undefined {
    for (const entry of this.rules) {
      const { rule } = entry;
      if (entry.remaining <= 0) continue;
      if (rule.method && rule.method.toUpperCase() !== method) continue;
      if (rule.path !== '*' && !path.startsWith(rule.path)) continue;
      if (Math.random() >= (rule.rate ?? 1)) continue;
      entry.remaining -= 1;
      return rule.kind;
    }
    return undefined;
  }
}
