/**
 * The one form-error helper: run a use case; when it refuses with an error the user can correct (by kind), render
 * the form again with the messages and the right status; anything else goes to the error handler.
 */
import type { FastifyReply } from 'fastify';
import { AppError, type ErrorKind } from '../../app/deps.js';
import { httpStatus } from '../http-errors.js';
import { sendHtml } from './reply.js';

export interface FormFailure {
  status: number;
  /** the error's own message */
  message: string;
  /** per-field messages (empty when the error is about the whole form) */
  fields: Record<string, string>;
  /** the first field message, or the message: what a one-line flash shows */
  summary: string;
  /** a flash for pages that show one */
  flash: { kind: 'err'; text: string };
}

/** The kinds a form shows to the user by default: bad input, and a state that does not allow the action now. */
export const FORM_KINDS: readonly ErrorKind[] = ['invalid', 'conflict'];

export function formFailure(e: AppError): FormFailure {
  const summary = Object.values(e.fields)[0] ?? e.message;
  return {
    status: httpStatus(e),
    message: e.message,
    fields: e.fields,
    summary,
    flash: { kind: 'err', text: summary },
  };
}

/**
 * `work` runs the use case; `done` answers on success (a redirect, after post/redirect/get, or a page);
 * `rerender` builds the page again from the failure.
 */
export async function submitForm<T>(
  reply: FastifyReply,
  work: () => Promise<T>,
  done: (value: T) => unknown,
  rerender: (f: FormFailure) => Promise<string>,
  kinds: readonly ErrorKind[] = FORM_KINDS,
): Promise<unknown> {
  let value: T;
  try {
    value = await work();
  } catch (e) {
    if (!(e instanceof AppError) || !kinds.includes(e.kind)) throw e;
    const f = formFailure(e);
    return sendHtml(reply, await rerender(f), f.status);
  }
  return done(value);
}
