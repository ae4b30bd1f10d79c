import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { RegionCodeSchema } from '../aws/regions';
import { formatPath } from './path';
import { salvage } from './salvage';

const Tagging = v.object({ strip: v.boolean(), pill: v.boolean() });
const Prefs = v.object({
  on: v.optional(v.boolean(), true),
  tagging: v.optional(Tagging, { strip: true, pill: true }),
  region: v.optional(v.nullable(RegionCodeSchema), null),
  alias: v.optional(v.string()),
});
const Item = v.object({ id: v.string(), name: v.optional(v.string()) });

describe('salvage', () => {
  it('returns a valid value unchanged, unknown fields included', () => {
    const input = { on: false, tagging: { strip: false, pill: true }, extra: { kept: 1 } };
    const result = salvage(Prefs, input, {});
    expect(result.value).toEqual(input);
    expect(result.changes).toEqual([]);
    expect(result.unknown.map(formatPath)).toEqual(['extra']);
  });

  it('resets an invalid optional field to its default and removes one without a default', () => {
    const result = salvage(Prefs, { on: 'yes', alias: 5, region: 'eu-west-1' }, {}, ['preferences']);
    expect(result.value).toEqual({ on: true, region: 'eu-west-1' });
    expect(result.changes.map((c) => [formatPath(c.path), c.action, c.original])).toEqual([
      ['preferences.on', 'reset', 'yes'],
      ['preferences.alias', 'removed', 5],
    ]);
  });

  it('repairs a nested object field by field from its default', () => {
    const result = salvage(Prefs, { tagging: { strip: false, pill: 'no' } }, {}, ['preferences']);
    expect(result.value).toEqual({ tagging: { strip: false, pill: true } });
    expect(result.problems.map((p) => `${formatPath(p.path)}: ${p.message}`)).toEqual([
      'preferences.tagging.pill: expected true or false',
    ]);
  });

  it('drops list items and record entries that cannot be repaired, and keeps the rest', () => {
    const list = salvage(v.array(Item), [{ id: 'a' }, { name: 'no id' }, 'x', { id: 'b', name: 3 }], []);
    expect(list.value).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(list.changes.map((c) => formatPath(c.path))).toEqual(['[1]', '[2]', '[3].name']);

    const record = salvage(v.record(v.string(), Item), { k1: { id: 'a' }, k2: null }, {}, ['items']);
    expect(record.value).toEqual({ k1: { id: 'a' } });
    expect(record.changes.map((c) => formatPath(c.path))).toEqual(['items.k2']);
  });

  it('falls back when the value has the wrong shape altogether', () => {
    const result = salvage(Prefs, '{"on": tr', { on: true }, ['preferences']);
    expect(result.value).toEqual({ on: true });
    expect(result.changes).toEqual([{ path: ['preferences'], action: 'reset', original: '{"on": tr' }]);
    expect(result.problems[0]?.message).toBe('expected an object');
  });

  it('applies a list’s own limits to what is left of it', () => {
    const Short = v.object({ roles: v.optional(v.pipe(v.array(v.string()), v.maxLength(2))) });
    expect(salvage(Short, { roles: ['a', 1, 'b'] }, {}).value).toEqual({ roles: ['a', 'b'] });
    const tooLong = salvage(Short, { roles: ['a', 'b', 'c'] }, {}, ['x']);
    expect(tooLong.value).toEqual({});
    expect(tooLong.changes.map((c) => formatPath(c.path))).toEqual(['x.roles']);
  });

  it('says what a field should be in words', () => {
    const Account = v.object({ color: v.optional(v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i))) });
    const result = salvage(v.record(v.string(), Account), { '123456789012': { color: 'red' } }, {}, [
      'accountPrefs',
    ]);
    expect(result.problems.map((p) => `${formatPath(p.path)}: ${p.message}`)).toEqual([
      'accountPrefs["123456789012"].color: expected a colour like #1a2b3c',
    ]);
  });
});
