import { describe, expect, it } from 'vitest';
import { expiresInText } from './expires-in';

const NOW = Date.UTC(2030, 0, 1);
const MIN = 60_000;

describe('expiresInText', () => {
  it.each([
    [58 * MIN + 59_000, 'expires in 58 min'],
    [11 * 60 * MIN + 59 * MIN, 'expires in 11 h 59 min'],
    [60 * MIN, 'expires in 1 h'],
    [59_999, 'expires in less than 1 min'],
    [1, 'expires in less than 1 min'],
    [0, 'expired'],
    [-5 * MIN, 'expired'],
  ])('%i ms left → %s', (left, text) => {
    expect(expiresInText(NOW + left, NOW)).toBe(text);
  });
});
