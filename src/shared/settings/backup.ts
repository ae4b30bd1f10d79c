import * as v from 'valibot';
import type { PathSegment } from './path';
import { jsonBytes } from './plain';

/**
 * `settings.backup` in storage.local: what recovery, a migration conflict or a reset replaced, newest last, so a
 * person (or support) can put it back by hand. Bounded, because storage.local is shared with the directory cache:
 * at most 20 entries and 1 MiB; an original over 256 KiB is kept as just its removed parts.
 */
export const BACKUP_LIMITS = { maxEntries: 20, maxBytes: 1024 * 1024, maxEntryBytes: 256 * 1024 };

export const BackupEntrySchema = v.object({
  /** Epoch ms. */
  savedAt: v.number(),
  key: v.string(),
  area: v.optional(v.picklist(['local', 'sync'])),
  reason: v.optional(v.string()),
  /** The whole original value, when it fits. */
  value: v.optional(v.unknown()),
  /** Otherwise only the parts that were reset or removed. */
  parts: v.optional(
    v.array(v.object({ path: v.array(v.union([v.string(), v.number()])), value: v.unknown() })),
  ),
});
export type BackupEntry = v.InferOutput<typeof BackupEntrySchema>;

export interface BackupInput {
  readonly savedAt: number;
  readonly key: string;
  readonly area?: 'local' | 'sync';
  readonly reason?: string;
  readonly value: unknown;
  /** Used instead of `value` when the value is too large. */
  readonly parts?: readonly { readonly path: readonly PathSegment[]; readonly value: unknown }[];
}

function toEntry(input: BackupInput, limits: typeof BACKUP_LIMITS): BackupEntry {
  const { value, parts, ...rest } = input;
  if (jsonBytes(value) <= limits.maxEntryBytes || !parts) return { ...rest, value };
  return { ...rest, parts: parts.map((part) => ({ path: [...part.path], value: part.value })) };
}

/** The existing valid entries plus the new ones, oldest dropped first to stay within the limits. */
export function appendBackups(
  existing: unknown,
  added: readonly BackupInput[],
  limits: typeof BACKUP_LIMITS = BACKUP_LIMITS,
): BackupEntry[] {
  const kept = Array.isArray(existing)
    ? existing.filter((entry): entry is BackupEntry => v.is(BackupEntrySchema, entry))
    : [];
  const entries = [...kept, ...added.map((input) => toEntry(input, limits))];
  while (entries.length > 1 && (entries.length > limits.maxEntries || jsonBytes(entries) > limits.maxBytes)) {
    entries.shift();
  }
  return entries;
}
