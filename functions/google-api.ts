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

/** 429 and 5xx: worth trying again after a wait. */
function isTransient(e: unknown): boolean {
  const status = httpStatusOf((e as { cause?: unknown }).cause ?? e);
  return status === 429 || (status !== undefined && status >= 500);
}

/**
 * Calls to one Google API with the adapters' shared habits: the client's backoff for the
 * methods that may be repeated as they are, every failure turned into the adapter's Indonesian
 * error, and `again` for what must be rebuilt before it is tried again (an upload's stream, a
 * write's row positions).
 */
export class GoogleApi {
  readonly retryConfig: Record<string, unknown>;

  constructor(
    methods: readonly string[],
    overrides: { retry?: number; retryDelay?: number; retryDelayMultiplier?: number } | undefined,
    private readonly explain: (e: unknown, what: string) => unknown,
  ) {
    this.retryConfig = retryConfig(methods, overrides);
  }

  async call<T>(what: string, fn: (opts: { retryConfig: Record<string, unknown> }) => Promise<{ data: T }>): Promise<T> {
    try {
      return (await fn({ retryConfig: this.retryConfig })).data;
    } catch (e) {
      throw this.explain(e, what);
    }
  }

  /** Runs `attempt` again, after 1, 2, 4… s, while it fails with 429 or 5xx (`maxTries` in all). */
  async again<T>(attempt: () => Promise<T>, maxTries = Number(this.retryConfig.retry ?? 5) + 1): Promise<T> {
    const delay = Number(this.retryConfig.retryDelay ?? 1000);
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (e) {
        if (n >= maxTries || !isTransient(e)) throw e;
        await new Promise((r) => setTimeout(r, delay * 2 ** (n - 1)));
      }
    }
  }
}
