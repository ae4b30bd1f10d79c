/**
 * The danger tier's choices as the settings page and the import preview name them. Absent (`''` in a select):
 * the console tag decides from the account's name or alias ("prod", "production", "prd").
 */
export const TIER_CHOICES: readonly (readonly ['' | 'production' | 'normal', string])[] = [
  ['', 'From the name'],
  ['production', 'Production'],
  ['normal', 'Normal'],
];

export function tierName(tier: string | undefined): string {
  return TIER_CHOICES.find(([value]) => value === (tier ?? ''))?.[1] ?? String(tier);
}
