/**
 * What the Sheets and Drive adapters share about talking to Google APIs: the backoff on 429 and
 * 5xx (the Sheets API allows 60 requests a minute per user), and reading an error's HTTP status.
 */

/** Backoff for the googleapis clients (gaxios): 5 retries from 1 s, on 429 and 5xx, for `methods` only. */
export function retryConfig(methods: readonly string[], overrides: { retry?: number; retryDelay?: number; retryDelayMultiplier?: number } = {}): Record<string, unknown> {
  return {
    retry: 5,
    retryDelay: 1000,
    statusCodesToRetry: [
      [429, 429],
      [500, 599],
    ],
    httpMethodsToRetry: [...methods],
    ...overrides,
  };
}

/** The HTTP status of an error from a googleapis client, if it has one. */
export function httpStatusOf(e: unknown): number | undefined {
  const s = (e as { status?: unknown; response?: { status?: unknown } }).status ?? (e as { response?: { status?: unknown } }).response?.status;
  return typeof s === 'number' ? s : undefined;
}
