import type { TypedDocumentString } from './generated/graphql';

/**
 * The console's only way to the server: the same /graphql every client uses, carrying the session cookie the
 * sign-in set (same origin, HttpOnly: no script reads it). Requests are JSON, which a page of another site cannot
 * send without a CORS preflight the server never grants.
 */

/** A GraphQL or HTTP error, with the server's code (`extensions.code`) so a page can say it in the reader's language. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

type GraphQLResponse<T> = { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** Why a response is an error, or null. Partial data with FORBIDDEN field errors is not an error: the page shows what it may. */
function failure<T>(status: number, body: GraphQLResponse<T> | null): ApiError | null {
  const first = body?.errors?.[0];
  if (!body || (body.data == null && first)) {
    return new ApiError(first?.message ?? `HTTP ${status}`, String(first?.extensions?.['code'] ?? `HTTP_${status}`), status, first?.extensions ?? {});
  }
  if (status >= 400) return new ApiError(`HTTP ${status}`, `HTTP_${status}`, status);
  return null;
}

/**
 * Where the primary's WAL stood after this page's last write (the response header `Innozone-Lsn`), sent back with
 * every request: with read replicas behind a balancer, another instance then reads nothing older (README "Read
 * replicas").
 */
let lastWrite: string | null = null;

/** Runs one operation of web/src/operations (typed by GraphQL Code Generator) and returns its data. */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]
): Promise<TResult> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(lastWrite ? { 'innozone-min-lsn': lastWrite } : {}) },
    body: JSON.stringify({ query: document.toString(), variables: variables ?? {} }),
  });
  lastWrite = response.headers.get('innozone-lsn') ?? lastWrite;
  const body = (await response.json().catch(() => null)) as GraphQLResponse<TResult> | null;
  const error = failure(response.status, body);
  if (error) throw error;
  return body!.data as TResult;
}

/** POSTs JSON to one of the server's HTTP endpoints (/auth/…); the body of an error reply carries its code. */
export async function postJson<T = unknown>(path: string, payload: unknown): Promise<T | null> {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(payload),
  });
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const first = (body as GraphQLResponse<unknown> | null)?.errors?.[0];
    throw new ApiError(first?.message ?? `HTTP ${response.status}`, String(first?.extensions?.['code'] ?? `HTTP_${response.status}`), response.status, {
      ...(first?.extensions ?? {}),
      retryAfter: response.headers.get('retry-after'),
    });
  }
  return body as T | null;
}
