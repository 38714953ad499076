/** Reading a request: form fields (urlencoded or multipart), an uploaded file, the logged-in staff member. */
import type { FastifyRequest } from 'fastify';
import type { StaffUser } from '../../core/entities.js';
import { AppError } from '../../app/deps.js';

/** The string fields of a form, whether it was posted urlencoded or as multipart. */
export function formFields(req: FastifyRequest): Record<string, string> {
  const b = (req.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(b)) {
    if (typeof v === 'string') out[k] = v;
    else if (isField(v)) out[k] = v.value;
  }
  return out;
}

function isField(v: unknown): v is { type: 'field'; value: string } {
  return (
    !!v &&
    typeof v === 'object' &&
    (v as { type?: string }).type === 'field' &&
    typeof (v as { value?: unknown }).value === 'string'
  );
}

export interface UploadedFile {
  /** as the browser sent it: empty when the file input was left empty */
  filename: string;
  bytes: Uint8Array;
}

/** The file posted in `field` of a multipart form, or null when none was chosen. */
export async function uploadedFile(req: FastifyRequest, field = 'file'): Promise<UploadedFile | null> {
  const f = (req.body as Record<string, unknown> | undefined)?.[field] as
    | { type?: string; filename?: string; toBuffer?: () => Promise<Buffer> }
    | undefined;
  if (!f || f.type !== 'file' || !f.toBuffer) return null;
  return { filename: f.filename ?? '', bytes: new Uint8Array(await f.toBuffer()) };
}

/** The logged-in staff member (the back-office hook has already redirected anyone else to the login page). */
export function staffUser(req: FastifyRequest): StaffUser {
  if (!req.user) throw new AppError('authentication_required', '请先登录', 'unauthenticated');
  return req.user;
}

/** A year from the query string, or the fallback when absent or not a number. */
export function yearParam(raw: string | undefined, fallback: number): number {
  return Number(raw) || fallback;
}
