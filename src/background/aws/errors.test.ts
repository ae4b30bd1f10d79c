import { ListAccountRolesCommand, SSOClient } from '@aws-sdk/client-sso';
import { describe, expect, it } from 'vitest';
import { classify, describeFailure, retryAfterMs } from '../directory/retry';
import { isThrottling } from './errors';

/** The portal's 429 as AWS sends it (docs/aws-protocol.md §7), through the real SDK client's deserializer. */
async function awsThrottlingError(headers: Record<string, string>): Promise<unknown> {
  const body = JSON.stringify({
    message: 'HTTP 429 Unknown Code',
    __type: 'com.amazonaws.switchboard.portal#TooManyRequestsException',
  });
  const client = new SSOClient({
    region: 'us-east-1',
    maxAttempts: 1,
    requestHandler: {
      handle: async () => ({
        response: {
          statusCode: 429,
          reason: 'Too Many Requests',
          headers: { 'content-type': 'application/json', ...headers },
          body: new TextEncoder().encode(body),
        },
      }),
    },
  });
  return client.send(new ListAccountRolesCommand({ accessToken: 'at', accountId: '111111111111' })).then(
    () => expect.unreachable('the call should fail'),
    (error: unknown) => error,
  );
}

describe('AWS throttling the portal', () => {
  it.each([
    ['with x-amzn-ErrorType', { 'x-amzn-errortype': 'TooManyRequestsException' }],
    ['named by the body’s namespaced __type alone', {}],
  ])('is TooManyRequestsException %s, and the sync treats it as throttling', async (_, headers) => {
    const error = await awsThrottlingError(headers);
    expect((error as Error).name).toBe('TooManyRequestsException');
    expect(isThrottling(error)).toBe(true);
    expect(classify(error)).toBe('throttled');
    // No Retry-After from AWS: nothing to obey, the limiter chooses its own pause (rate-limiter.ts).
    expect(retryAfterMs(error)).toBeUndefined();
    expect(describeFailure(error)).toBe('AWS kept asking us to slow down.');
  });
});
