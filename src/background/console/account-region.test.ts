import { describe, expect, it, vi } from 'vitest';
import { pickRegion } from './account-region';

vi.mock('../../shared/browser', async () => ({
  browser: (await import('@webext-core/fake-browser')).fakeBrowser,
}));

describe('the region an account is used in', () => {
  it("prefers the account's region, then the user's, then the portal's", () => {
    expect(pickRegion('us-east-1', ['eu-west-1', 'ap-south-1'])).toBe('eu-west-1');
    expect(pickRegion('us-east-1', [undefined, 'ap-south-1'])).toBe('ap-south-1');
    expect(pickRegion('us-east-1', [undefined, null])).toBe('us-east-1');
  });

  it('skips a region of another partition', () => {
    expect(pickRegion('us-gov-west-1', ['eu-west-1', 'us-gov-east-1'])).toBe('us-gov-east-1');
    expect(pickRegion('cn-north-1', ['us-east-1', null])).toBe('cn-north-1');
  });
});
