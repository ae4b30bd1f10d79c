import { describe, expect, it } from 'vitest';
import { portalShortcutLink } from './shortcut-link';

describe('portalShortcutLink', () => {
  it.each([
    [
      'https://d-1234567890.awsapps.com/start',
      'https://d-1234567890.awsapps.com/start/#/console?account_id=111122223333&role_name=AdministratorAccess',
    ],
    [
      'https://ssoins-1111222233334444.portal.eu-west-1.app.aws',
      'https://ssoins-1111222233334444.portal.eu-west-1.app.aws/#/console?account_id=111122223333&role_name=AdministratorAccess',
    ],
    [
      'https://d-1234567890.awsapps.com/start/',
      'https://d-1234567890.awsapps.com/start/#/console?account_id=111122223333&role_name=AdministratorAccess',
    ],
  ])('links %s to the role', (startUrl, expected) => {
    expect(portalShortcutLink(startUrl, '111122223333', 'AdministratorAccess')).toBe(expected);
  });

  it('encodes the destination', () => {
    const link = portalShortcutLink(
      'https://x.awsapps.com/start',
      '111122223333',
      'Admin',
      'https://console.aws.amazon.com/s3/home?region=eu-west-1',
    );
    expect(new URLSearchParams(link.split('?')[1]).get('destination')).toBe(
      'https://console.aws.amazon.com/s3/home?region=eu-west-1',
    );
  });
});
