import { describe, expect, it } from 'vitest';
import { contrastRatio, DARK_TEXT, LIGHT_TEXT, readableTextOn } from './readable-on';

describe('text on an account colour', () => {
  it('measures contrast as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
  });

  it('picks dark text on a light colour and white on a dark one, white when the colour is not #rrggbb', () => {
    expect(readableTextOn('#e07b00')).toBe(DARK_TEXT);
    expect(readableTextOn('#0b63c5')).toBe(LIGHT_TEXT);
    expect(readableTextOn('red')).toBe(LIGHT_TEXT);
  });
});
