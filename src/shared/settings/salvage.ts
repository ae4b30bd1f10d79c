import * as v from 'valibot';
import { explain, explainKey } from './explain';
import type { PathSegment } from './path';
import { isPlainObject } from './plain';

/**
 * Keeps every valid part of a stored value at the finest grain its schema allows: a field of an object, an item
 * of a list, an entry of a record. An invalid optional field goes back to its default (or away); an invalid
 * required field makes its object invalid, which its list or record then drops; a value whose own shape is wrong
 * becomes the fallback. Unknown fields are kept as they are: a newer version (after a downgrade, or in another
 * browser through storage.sync) may have written them, and reads ignore them anyway.
 */

export interface Problem {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

export interface Change {
  readonly path: readonly PathSegment[];
  readonly action: 'reset' | 'removed';
  readonly original: unknown;
}

export interface Salvaged {
  /** The repaired value, still in its stored form (unknown fields kept, absent defaults not filled in). */
  readonly value: unknown;
  /** Each invalid leaf: where and why. */
  readonly problems: readonly Problem[];
  /** Each part reset or removed because of them. Empty when the value was valid. */
  readonly changes: readonly Change[];
  /** Paths of fields the schema does not know. */
  readonly unknown: readonly (readonly PathSegment[])[];
}

/** The parts of a valibot schema object this walk reads. */
interface Node {
  readonly type: string;
  /** Checks on the value as a whole, e.g. a maximum length of a list. */
  readonly pipe?: readonly unknown[];
  readonly entries?: Readonly<Record<string, Node>>;
  readonly item?: Node;
  readonly key?: Node;
  readonly value?: Node;
  readonly wrapped?: Node;
}

type Outcome = { ok: true; value: unknown } | { ok: false };

const OBJECTS = new Set(['object', 'loose_object', 'strict_object']);
const MAY_BE_UNDEFINED = new Set(['optional', 'exact_optional', 'nullish', 'undefinedable']);
const MAY_BE_NULL = new Set(['nullable', 'nullish']);

interface Context {
  problems: Problem[];
  changes: Change[];
  unknown: PathSegment[][];
}

function defaultOf(node: Node): unknown {
  return MAY_BE_UNDEFINED.has(node.type)
    ? v.getDefault(node as unknown as v.OptionalSchema<v.GenericSchema, unknown>)
    : undefined;
}

function walk(node: Node, input: unknown, path: PathSegment[], fallback: unknown, ctx: Context): Outcome {
  const result = walkParts(node, input, path, fallback, ctx);
  // A container's own checks (length limits) run on the repaired value; failing them fails the container.
  if (result.ok && node.pipe && (node.entries || node.item || node.value)) {
    const whole = v.safeParse(node as unknown as v.GenericSchema, result.value);
    if (!whole.success) return fail(node, result.value, path, ctx, whole.issues[0]);
  }
  return result;
}

function walkParts(
  node: Node,
  input: unknown,
  path: PathSegment[],
  fallback: unknown,
  ctx: Context,
): Outcome {
  if (node.wrapped) {
    if (input === undefined && MAY_BE_UNDEFINED.has(node.type)) return { ok: true, value: undefined };
    if (input === null && MAY_BE_NULL.has(node.type)) return { ok: true, value: null };
    return walk(node.wrapped, input, path, fallback, ctx);
  }
  if (OBJECTS.has(node.type) && node.entries)
    return walkObject(node.entries, node.type, input, path, fallback, ctx);
  if (node.type === 'array' && node.item) {
    if (!Array.isArray(input)) return fail(node, input, path, ctx);
    const out: unknown[] = [];
    input.forEach((item, index) => {
      const result = walk(node.item as Node, item, [...path, index], undefined, ctx);
      if (result.ok) out.push(result.value);
      else ctx.changes.push({ path: [...path, index], action: 'removed', original: item });
    });
    return { ok: true, value: out };
  }
  if (node.type === 'record' && node.key && node.value) {
    if (!isPlainObject(input)) return fail(node, input, path, ctx);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input)) {
      const keyOk = v.safeParse(node.key as unknown as v.GenericSchema, key).success;
      if (!keyOk) ctx.problems.push({ path: [...path, key], message: explainKey([...path, key]) });
      const result = keyOk ? walk(node.value, item, [...path, key], undefined, ctx) : { ok: false as const };
      if (result.ok) out[key] = result.value;
      else ctx.changes.push({ path: [...path, key], action: 'removed', original: item });
    }
    return { ok: true, value: out };
  }
  const parsed = v.safeParse(node as unknown as v.GenericSchema, input);
  return parsed.success ? { ok: true, value: input } : fail(node, input, path, ctx, parsed.issues[0]);
}

function walkObject(
  entries: Readonly<Record<string, Node>>,
  type: string,
  input: unknown,
  path: PathSegment[],
  fallback: unknown,
  ctx: Context,
): Outcome {
  if (!isPlainObject(input)) return fail({ type }, input, path, ctx);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(input)) {
    if (key in entries) continue;
    ctx.unknown.push([...path, key]);
    if (type !== 'strict_object') out[key] = item;
  }
  for (const [key, entry] of Object.entries(entries)) {
    const fallbackOfKey = isPlainObject(fallback) && key in fallback ? fallback[key] : defaultOf(entry);
    const result = walk(entry, input[key], [...path, key], fallbackOfKey, ctx);
    if (result.ok) {
      if (result.value !== undefined) out[key] = result.value;
    } else if (fallbackOfKey !== undefined) {
      out[key] = fallbackOfKey;
      ctx.changes.push({ path: [...path, key], action: 'reset', original: input[key] });
    } else if (MAY_BE_UNDEFINED.has(entry.type)) {
      ctx.changes.push({ path: [...path, key], action: 'removed', original: input[key] });
    } else {
      return { ok: false };
    }
  }
  return { ok: true, value: out };
}

function fail(
  node: Node,
  input: unknown,
  path: PathSegment[],
  ctx: Context,
  issue?: v.BaseIssue<unknown>,
): Outcome {
  ctx.problems.push({ path, message: explain(path, input, node.type, issue) });
  return { ok: false };
}

/** Repairs `input` against `schema`; `fallback` replaces it when nothing of it can be kept. */
export function salvage(
  schema: v.GenericSchema,
  input: unknown,
  fallback: unknown,
  path: readonly PathSegment[] = [],
): Salvaged {
  const ctx: Context = { problems: [], changes: [], unknown: [] };
  const result = walk(schema as unknown as Node, input, [...path], fallback, ctx);
  if (result.ok) return { value: result.value, ...ctx };
  ctx.changes.push({ path: [...path], action: 'reset', original: input });
  return { value: fallback, ...ctx };
}
