import { GraphQLError } from 'graphql';

/**
 * Coded errors for the unexpected failures of an operation (API.md "Conventions"). Expected failures of a mutation
 * are not thrown: they come back as data in the payload's `errors`.
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const httpStatus: Record<ErrorCode, number | undefined> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: undefined,
  NOT_FOUND: undefined,
  BAD_USER_INPUT: undefined,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: undefined,
};

function coded(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  const status = httpStatus[code];
  return new GraphQLError(message, {
    extensions: { code, ...extensions, ...(status ? { http: { status } } : {}) },
  });
}

export const unauthenticated = (message = 'A valid bearer token is required.') =>
  coded(ErrorCode.UNAUTHENTICATED, message);
/** `extensions` say what would grant it, when that is known (a masked field: src/auth/policy.ts `MaskedExtensions`). */
export const forbidden = (message = 'Your role may not do this.', extensions: Record<string, unknown> = {}) =>
  coded(ErrorCode.FORBIDDEN, message, extensions);
export const notFound = (message: string) => coded(ErrorCode.NOT_FOUND, message);
/** `field` names the argument or input field at fault, so a client can point at it. */
export const badUserInput = (message: string, field?: string) =>
  coded(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const serviceUnavailable = (message = 'The database is not reachable; try again shortly.') =>
  coded(ErrorCode.SERVICE_UNAVAILABLE, message);
