import { describe, expect, it } from 'vitest';
import { samePageDestination } from './destination';

describe('same page, other account', () => {
  it('keeps the region, path, query and fragment of a console page', () => {
    expect(
      samePageDestination(
        'https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:',
        'us-east-1',
      ),
    ).toBe('https://eu-west-1.console.aws.amazon.com/ec2/home?region=eu-west-1#Instances:');
    expect(samePageDestination('https://console.aws.amazon.com/iam/home', 'us-east-1')).toBe(
      'https://console.aws.amazon.com/iam/home',
    );
  });

  it('drops the multi-session prefix, which names the old session', () => {
    expect(
      samePageDestination(
        'https://123456789012-abcd1234.us-east-2.console.aws.amazon.com/s3/buckets?x=1',
        'eu-west-1',
      ),
    ).toBe('https://us-east-2.console.aws.amazon.com/s3/buckets?x=1');
  });

  it('stays in the portal’s partition', () => {
    expect(
      samePageDestination('https://us-gov-west-1.console.amazonaws-us-gov.com/ec2/home', 'us-gov-west-1'),
    ).toBe('https://us-gov-west-1.console.amazonaws-us-gov.com/ec2/home');
    expect(
      samePageDestination('https://us-gov-west-1.console.amazonaws-us-gov.com/ec2/home', 'us-east-1'),
    ).toBeNull();
    expect(samePageDestination('https://console.aws.amazon.com/ec2/home', 'cn-north-1')).toBeNull();
  });

  it('refuses anything that is not a console page', () => {
    for (const url of [
      'https://example.com/ec2/home',
      'https://console.aws.amazon.com.evil.example/ec2',
      'http://console.aws.amazon.com/ec2/home',
      'https://user:pw@console.aws.amazon.com/ec2/home',
      'https://us-east-1.signin.aws.amazon.com/oauth?Action=logout',
      'https://console.aws.amazon.com/federation?Action=login',
      'chrome://newtab/',
      'not a url',
    ]) {
      expect(samePageDestination(url, 'us-east-1'), url).toBeNull();
    }
  });
});
