import { deepEqual } from './plain';

/**
 * One field an import changes, with its value before and after, so the preview can show the values themselves
 * and not only which fields: "Red → Green" is what tells a user that prod is about to look like a sandbox.
 * `from` or `to` absent: the field is not set on that side (JSON drops undefined on its way to the page anyway).
 */
export interface FieldChange {
  readonly field: string;
  readonly from?: unknown;
  readonly to?: unknown;
}

/** Every field that differs between two records, in the order the fields first appear. */
export function fieldChanges(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => !deepEqual(before[field], after[field]))
    .map((field) => ({
      field,
      ...(before[field] !== undefined ? { from: before[field] } : {}),
      ...(after[field] !== undefined ? { to: after[field] } : {}),
    }));
}
