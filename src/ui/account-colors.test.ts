import { describe, expect, it } from 'vitest';
import { contrastRatio, readableTextOn } from '../shared/text/readable-on';
import { ACCOUNT_COLORS } from './account-colors';

describe('the account colours', () => {
  // The console tag writes its text on the account's colour (src/content/console/tag.ts).
  it.each(ACCOUNT_COLORS)('carry text at 4.5:1 or better: %s', (color) => {
    expect(contrastRatio(color, readableTextOn(color))).toBeGreaterThanOrEqual(4.5);
  });
});
