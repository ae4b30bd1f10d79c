/**
 * Classifies what the AWS SDK throws. The SDK names modeled errors after the `x-amzn-ErrorType` header
 * (docs/aws-protocol.md §6); a failed fetch (offline, DNS, TLS) is a TypeError with no HTTP status.
 */
export function awsErrorName(error: unknown): string {
  return error instanceof Error ? error.name : 'Error';
}

export function httpStatusOf(error: unknown): number | undefined {
  const metadata = (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata;
  return metadata?.httpStatusCode;
}

/** True when the request never got an HTTP answer: offline, DNS failure, connection reset. */
export function isNetworkError(error: unknown): boolean {
  return (
    httpStatusOf(error) === undefined &&
    (error instanceof TypeError || awsErrorName(error) === 'TimeoutError')
  );
}

/**
 * The portal answers 429 with `__type` "com.amazonaws.switchboard.portal#TooManyRequestsException", message
 * "HTTP 429 Unknown Code" and no `Retry-After` (docs/aws-protocol.md §7); the SDK strips the namespace from the name.
 * The status alone is enough, so a renamed exception still counts.
 */
export function isThrottling(error: unknown): boolean {
  return httpStatusOf(error) === 429 || awsErrorName(error) === 'TooManyRequestsException';
}
