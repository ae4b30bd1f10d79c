/**
 * The text of a `~/.aws/config` that lets the AWS CLI and SDKs sign in to the same portals and roles as the
 * extension: one `[sso-session]` per portal and one `[profile]` per role. Everything is sorted and the header
 * carries no date, so the same directory always gives the same bytes (easy to diff against the user's file).
 *
 * Names come from user- and AWS-controlled text (account names, aliases, portal names), so they are sanitised
 * (`profile-name.ts`) and never written anywhere else: no comment echoes an account name, because a newline in
 * one must not become a line of its own. Structural values (start URL, regions, account ids, role names) are
 * checked and rejected rather than mangled: a wrong value there would silently point at another account.
 */
import { profileName, sanitiseName, uniqueProfileNames } from './profile-name';
import { isAccountId, isRegion, isRoleName, isStartUrl } from './values';

export interface ConfigAccount {
  readonly accountId: string;
  readonly accountName: string;
  readonly alias?: string | undefined;
  /** The user's preferred region for this account; else `options.defaultRegion`, else the portal's region. */
  readonly defaultRegion?: string | undefined;
  readonly roles: readonly string[];
}

export interface ConfigPortal {
  readonly name: string;
  readonly startUrl: string;
  /** The portal's home region (IAM Identity Center's region): `sso_region`. */
  readonly region: string;
  readonly accounts: readonly ConfigAccount[];
}

export interface AwsConfigOptions {
  readonly template: string;
  readonly defaultRegion?: string | undefined;
}

export interface SsoSessionEntry {
  readonly name: string;
  readonly startUrl: string;
  readonly region: string;
}

export interface ProfileEntry {
  readonly name: string;
  readonly session: string;
  readonly accountId: string;
  readonly roleName: string;
  readonly region: string;
}

/** Plain code-unit order: unlike `localeCompare`, identical on every machine and browser. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byKeys = (a: readonly string[], b: readonly string[]) => {
  for (let i = 0; i < a.length; i++) {
    const order = byText(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
};

function checkRegion(region: string, what: string): string {
  if (!isRegion(region)) throw new Error(`The region of ${what} is not a region code.`);
  return region;
}

/** The first label of the start URL's host (`d-1234567890`, `mycompany`) names a portal that has no name. */
function sessionBaseName(portal: ConfigPortal): string {
  const host = /^https:\/\/([^/.?#]+)/.exec(portal.startUrl)?.[1] ?? '';
  return sanitiseName(portal.name) || sanitiseName(host) || 'sso';
}

/** Sessions and profiles as they will be written, in file order, every name unique. */
export function planAwsConfig(
  portals: readonly ConfigPortal[],
  options: AwsConfigOptions,
): { sessions: SsoSessionEntry[]; profiles: ProfileEntry[] } {
  if (options.defaultRegion) checkRegion(options.defaultRegion, 'the default setting');
  const sorted = portals
    .map((portal) => {
      if (!isStartUrl(portal.startUrl)) {
        throw new Error('A portal start URL cannot be written to the config.');
      }
      checkRegion(portal.region, 'a portal');
      return { portal, base: sessionBaseName(portal) };
    })
    .sort((a, b) =>
      byKeys(
        [a.base.toLowerCase(), a.base, a.portal.startUrl],
        [b.base.toLowerCase(), b.base, b.portal.startUrl],
      ),
    );
  const sessionNames = uniqueProfileNames(sorted.map((s) => s.base));
  const sessions = sorted.map(({ portal }, i) => ({
    name: sessionNames[i] ?? '',
    startUrl: portal.startUrl,
    region: portal.region,
  }));

  const drafts = sorted.flatMap(({ portal }, i) =>
    portal.accounts.flatMap((account) => {
      if (!isAccountId(account.accountId)) throw new Error('An account id is not 12 digits.');
      const region = checkRegion(
        account.defaultRegion || options.defaultRegion || portal.region,
        `account ${account.accountId}`,
      );
      return [...new Set(account.roles)].map((roleName) => {
        if (!isRoleName(roleName))
          throw new Error(`A role name of account ${account.accountId} is not valid.`);
        const session = sessionNames[i] ?? '';
        const parts = { ...account, roleName, portalName: session };
        return {
          raw: profileName(options.template, parts),
          session,
          accountId: account.accountId,
          roleName,
          region,
        };
      });
    }),
  );
  drafts.sort((a, b) =>
    byKeys(
      [a.raw.toLowerCase(), a.raw, a.session, a.accountId, a.roleName],
      [b.raw.toLowerCase(), b.raw, b.session, b.accountId, b.roleName],
    ),
  );
  const names = uniqueProfileNames(drafts.map((d) => d.raw));
  const profiles = drafts.map(({ raw: _raw, ...draft }, i) => ({ ...draft, name: names[i] ?? '' }));
  return { sessions, profiles };
}

/** The config file's text: header, sessions, then profiles, `\n` line ends, one blank line between sections. */
export function buildAwsConfig(portals: readonly ConfigPortal[], options: AwsConfigOptions): string {
  const { sessions, profiles } = planAwsConfig(portals, options);
  const sections = [
    [
      '# Generated by AWS SSO Switcher. Regenerate it rather than edit it.',
      '# Sign in with: aws sso login --sso-session <name of an sso-session below>',
    ],
    ...sessions.map((s) => [
      `[sso-session ${s.name}]`,
      `sso_start_url = ${s.startUrl}`,
      `sso_region = ${s.region}`,
      'sso_registration_scopes = sso:account:access',
    ]),
    ...profiles.map((p) => [
      `[profile ${p.name}]`,
      `sso_session = ${p.session}`,
      `sso_account_id = ${p.accountId}`,
      `sso_role_name = ${p.roleName}`,
      `region = ${p.region}`,
    ]),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
