/**
 * The one place an application error becomes an HTTP status (style E2): use cases say what went wrong, the web
 * layer says how HTTP calls it.
 */
import type { ErrorKind } from '../app/deps.js';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  locked: 423,
  too_large: 413,
  unavailable: 503,
};

export function httpStatus(e: { kind: ErrorKind }): number {
  return STATUS[e.kind];
}
