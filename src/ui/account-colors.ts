/**
 * Colours that read well as a tab tag in light and dark themes; prod-red first. Shared by the popup's account
 * editor and the settings page's accounts table, with names for assistive technology and menus.
 */
export const ACCOUNT_COLOR_NAMES: Readonly<Record<string, string>> = {
  '#d13212': 'Red',
  '#e07b00': 'Orange',
  '#b8860b': 'Gold',
  '#2e8540': 'Green',
  '#0f7b8a': 'Teal',
  '#0b63c5': 'Blue',
  '#6b4fbb': 'Purple',
  '#c2185b': 'Pink',
  '#5f6b7a': 'Grey',
};

export const ACCOUNT_COLORS: readonly string[] = Object.keys(ACCOUNT_COLOR_NAMES);

/** "Red", or the code itself for a colour set elsewhere (an import, an administrator). */
export function colorName(color: string): string {
  return ACCOUNT_COLOR_NAMES[color.toLowerCase()] ?? color;
}
