/**
 * Text colour for a coloured background (the console tag's pill is the account's colour): white or near-black,
 * whichever contrasts more by WCAG 2's formula, so a light account colour (orange, gold) still reads at the 4.5:1
 * that small text needs. The axe audit checks the drawn result (test/e2e/accessibility.e2e.test.ts).
 */
export const LIGHT_TEXT = '#ffffff';
export const DARK_TEXT = '#111111';

export function readableTextOn(background: string): string {
  if (!/^#[0-9a-f]{6}$/i.test(background)) return LIGHT_TEXT;
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT)
    ? LIGHT_TEXT
    : DARK_TEXT;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
