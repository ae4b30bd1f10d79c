import { buildAwsConfig, planAwsConfig } from '../shared/credentials/aws-config';
import { accountPrefsItem, directoryItem } from '../shared/directory/items';
import { awsStartUrl, portalLabel } from '../shared/portals/portal';
import { getItems } from '../shared/storage/define-item';
import { type Preferences, portalsItem } from '../shared/storage/items';

/**
 * Builds a ~/.aws/config from the cached accounts and roles and hands it to the browser as a download. The
 * file holds start URLs, account ids and role names, no secret, so the options page builds it itself from
 * storage. Resolves to what to tell the user.
 */
export async function downloadAwsConfig(preferences: Preferences): Promise<string> {
  const [portals, prefs] = await getItems(portalsItem, accountPrefsItem);
  const directories = await Promise.all(portals.map((p) => directoryItem(p.id).get()));
  const input = portals.map((portal, i) => ({
    name: portalLabel(portal),
    // The AWS-owned URL: CLI versions before vanity support (2.35.13) cannot follow a company's own one.
    startUrl: awsStartUrl(portal),
    region: portal.region,
    accounts: (directories[i]?.accounts ?? []).map((account) => {
      const own = prefs[account.accountId];
      return {
        accountId: account.accountId,
        accountName: account.accountName,
        roles: account.roles.map((r) => r.roleName),
        ...(own?.alias ? { alias: own.alias } : {}),
        ...(own?.defaultRegion ? { defaultRegion: own.defaultRegion } : {}),
      };
    }),
  }));
  const options = {
    template: preferences.profileTemplate,
    ...(preferences.defaultRegion ? { defaultRegion: preferences.defaultRegion } : {}),
  };
  const plan = planAwsConfig(input, options);
  if (plan.profiles.length === 0) return 'No accounts cached yet: sign in to a portal and let it sync first.';
  const url = URL.createObjectURL(new Blob([buildAwsConfig(input, options)], { type: 'text/plain' }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = 'config';
    link.click();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  const sessions = plan.sessions.map((s) => s.name).join(', ');
  return `Downloading “config” with ${plan.profiles.length} profiles. Put it at ~/.aws/config, then run “aws sso login --sso-session ${plan.sessions[0]?.name ?? sessions}”.`;
}
