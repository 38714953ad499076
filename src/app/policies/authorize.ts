/**
 * One `authorize` the use cases call (Outline's `authorize(user, "update", document)`): a named policy says
 * whether the user may, and in what words the refusal is given. Organ scope failures answer "not found", so
 * that an id outside the user's organs is never confirmed; role failures answer "forbidden".
 */
import type { StaffUser } from '../../core/entities.js';
import { AppError } from '../deps.js';

export interface Policy<S = void> {
  /** stable code of the refusal */
  code: string;
  /** the Chinese refusal */
  refusal: string;
  /** not_found hides that the subject exists (organ scope); forbidden says the user may not */
  kind: 'forbidden' | 'not_found';
  allow: (user: StaffUser, subject: S) => boolean;
}

/** A policy with its refusal (a named predicate). */
export function policy<S = void>(
  code: string,
  refusal: string,
  allow: (user: StaffUser, subject: S) => boolean,
  kind: 'forbidden' | 'not_found' = 'forbidden',
): Policy<S> {
  return { code, refusal, kind, allow };
}

/** Throws the policy's refusal unless it allows the user. */
export function authorize<S>(user: StaffUser, p: Policy<S>, subject: S): void {
  if (!p.allow(user, subject)) throw new AppError(p.code, p.refusal, p.kind);
}
