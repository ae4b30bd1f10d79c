import { describe, expect, it } from 'vitest';
import { checkPortals } from './import-portals';

const VANITY = 'https://aws.example-corp.com';
const RESOLVED = 'https://ssoins-1234567890abcdef.portal.us-west-2.app.aws';

describe('checkPortals: company vanity portals', () => {
  it('keeps the resolved AWS portal of a vanity start URL, normalised', () => {
    const errors: { path: string; message: string }[] = [];
    const [portal] = checkPortals(
      [{ startUrl: `${VANITY}/`, resolvedStartUrl: `${RESOLVED}/start/`, region: 'us-west-2' }],
      errors,
    );
    expect(errors).toEqual([]);
    expect(portal).toEqual({ startUrl: VANITY, resolvedStartUrl: RESOLVED, region: 'us-west-2' });
  });

  it('imports a vanity portal without a resolution (it is followed again at sign-in)', () => {
    const errors: { path: string; message: string }[] = [];
    expect(checkPortals([{ startUrl: VANITY, region: 'us-west-2' }], errors)).toEqual([
      { startUrl: VANITY, region: 'us-west-2' },
    ]);
  });

  it.each([
    [
      { startUrl: VANITY, resolvedStartUrl: 'https://evil.example.com/start', region: 'us-west-2' },
      'is not an AWS access portal',
    ],
    [{ startUrl: RESOLVED, resolvedStartUrl: RESOLVED }, 'belongs only to a company vanity start URL'],
    [
      { startUrl: VANITY, resolvedStartUrl: 'http://d-1234567890.awsapps.com/start', region: 'us-west-2' },
      'https',
    ],
  ])('refuses a resolution that is not an AWS portal of a vanity URL: %j', (item, message) => {
    const errors: { path: string; message: string }[] = [];
    expect(checkPortals([item], errors)).toEqual([]);
    expect(errors).toEqual([
      { path: expect.stringContaining('resolvedStartUrl'), message: expect.stringContaining(message) },
    ]);
  });
});
