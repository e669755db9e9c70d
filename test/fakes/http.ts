/**
 * What the HTTP-level fakes of Google's APIs share: reading a request's path and query as the
 * real servers do, and the test-side helper that reads a client call's failure.
 */

/** Query parameters; a repeated one (`ranges=a&ranges=b`) becomes a list. */
export type Query = Record<string, string | string[]>;

/** A percent-encoded path segment decoded, or left as it is when it does not decode. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function queryOf(params: URLSearchParams): Query {
  const query: Query = {};
  for (const [key, value] of params) {
    const seen = query[key];
    query[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

/** The HTTP status and parsed body of a client call that was rejected. */
export async function failure(call: Promise<unknown>): Promise<{ status: number | undefined; body: unknown }> {
  try {
    await call;
  } catch (error) {
    const e = error as { status?: number; response?: { status?: number; data?: unknown } };
    return { status: e.status ?? e.response?.status, body: e.response?.data };
  }
  throw new Error('expected the call to fail');
}
