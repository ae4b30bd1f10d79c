/**
 * Classifies what the AWS SDK throws. The SDK names modeled errors after the `x-amzn-ErrorType` header
 * (aws-protocol.md §2.5); a failed fetch (offline, DNS, TLS) is a TypeError with no HTTP status.
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

export function isThrottling(error: unknown): boolean {
  return httpStatusOf(error) === 429 || awsErrorName(error) === 'TooManyRequestsException';
}
