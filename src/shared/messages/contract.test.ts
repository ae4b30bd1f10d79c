import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MESSAGE_SCHEMAS } from './contract';

describe('updatePreferences payload, derived from the stored preferences schema', () => {
  const patch = MESSAGE_SCHEMAS.updatePreferences.payload;

  it('adds no default for a field left out: absent means unchanged', () => {
    expect(v.parse(patch, {})).toEqual({});
    expect(v.parse(patch, { multiSession: 'on' })).toEqual({ multiSession: 'on' });
    expect(v.parse(patch, { defaultRegion: null })).toEqual({ defaultRegion: null });
  });

  it('refuses what the stored preferences refuse, and the fields with messages of their own', () => {
    for (const bad of [
      { multiSession: 'sometimes' },
      { sessionDurationMinutes: 5 },
      { defaultRegion: 'mars-north-1x' },
      { profileTemplate: '' },
      { keepSignedIn: true },
      { tagging: { strip: true, pill: true, title: true, favicon: true } },
    ]) {
      expect(v.safeParse(patch, bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
