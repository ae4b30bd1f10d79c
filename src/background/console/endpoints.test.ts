import { describe, expect, it } from 'vitest';
import { consoleHome, loginUrl, logoutThenLogin, signinOrigin } from './endpoints';

describe('console federation endpoints per partition', () => {
  it.each([
    [
      'us-east-1',
      'eu-west-1',
      'https://us-east-1.signin.aws.amazon.com',
      'https://eu-west-1.console.aws.amazon.com',
    ],
    [
      'us-gov-west-1',
      'us-gov-east-1',
      'https://us-gov-west-1.signin.amazonaws-us-gov.com',
      'https://us-gov-east-1.console.amazonaws-us-gov.com',
    ],
    [
      'cn-north-1',
      'cn-northwest-1',
      'https://cn-north-1.signin.amazonaws.cn',
      'https://cn-northwest-1.console.amazonaws.cn',
    ],
  ])(
    'a %s portal signs in on its own partition (console in %s)',
    (portalRegion, consoleRegion, signin, console) => {
      expect(signinOrigin(portalRegion)).toBe(signin);
      expect(consoleHome(portalRegion, consoleRegion)).toBe(
        `${console}/console/home?region=${consoleRegion}`,
      );
    },
  );

  it('wraps the login in a logout on the same sign-in host, every value encoded', () => {
    const origin = signinOrigin('us-east-1');
    const login = loginUrl(
      origin,
      'tok&en',
      'https://d-123.awsapps.com/start',
      'https://console.aws.amazon.com/?a=1&b=2',
    );
    const url = new URL(logoutThenLogin(origin, login));
    expect(url.origin).toBe(origin);
    expect(url.pathname).toBe('/oauth');
    const inner = new URL(url.searchParams.get('redirect_uri') as string);
    expect(inner.origin).toBe(origin);
    expect(inner.searchParams.get('SigninToken')).toBe('tok&en');
    expect(inner.searchParams.get('Destination')).toBe('https://console.aws.amazon.com/?a=1&b=2');
    expect(inner.searchParams.get('Issuer')).toBe('https://d-123.awsapps.com/start');
  });
});
