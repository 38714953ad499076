/**
 * Use cases: a staff member's own notifications (the bell) and notice settings — the e-mail address the digest
 * goes to (none: the bell only), opting out of the digest e-mail, and quiet hours in which no e-mail is sent.
 */
import { z } from 'zod';
import type { StaffUser } from '../../core/entities.js';
import type { StaffNotification, StaffPrefs } from '../../core/notices/notice.js';
import { AppError, type AppDeps } from '../deps.js';
import { audit } from '../audit.js';

export async function myNotifications(deps: AppDeps, user: StaffUser): Promise<StaffNotification[]> {
  return deps.store.staffNotices.list(user.id, 100);
}

export async function markAllRead(deps: AppDeps, user: StaffUser): Promise<void> {
  await deps.store.staffNotices.markRead(user.id, deps.now().toISOString());
}

export async function myPrefs(deps: AppDeps, user: StaffUser): Promise<StaffPrefs> {
  return (
    (await deps.store.staffNotices.prefs(user.id)) ?? {
      userId: user.id,
      email: '',
      digest: true,
      quietStart: null,
      quietEnd: null,
    }
  );
}

const hour = z
  .string()
  .trim()
  .regex(/^$|^([01]?\d|2[0-3])$/, { error: '请填写0至23之间的整点，或留空' });

const schema = z
  .object({
    email: z
      .string()
      .trim()
      .max(100, { error: '电子邮箱不超过100个字' })
      .regex(/^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: '电子邮箱格式不正确' }),
    digest: z.enum(['yes', 'no'], { error: '请选择是否接收每日摘要邮件' }),
    quietStart: hour,
    quietEnd: hour,
  })
  .superRefine((v, ctx) => {
    if (!!v.quietStart !== !!v.quietEnd)
      ctx.addIssue({
        code: 'custom',
        path: [v.quietStart ? 'quietEnd' : 'quietStart'],
        message: '免打扰时段的开始和结束都要填写，或都留空',
      });
  });

export const PREFS_LABELS: Record<string, string> = {
  email: '接收通知的电子邮箱',
  digest: '每日摘要邮件',
  quietStart: '免打扰开始',
  quietEnd: '免打扰结束',
};

export async function saveMyPrefs(
  deps: AppDeps,
  user: StaffUser,
  input: Record<string, string>,
  ip: string,
): Promise<StaffPrefs> {
  const r = schema.safeParse({ digest: 'no', quietStart: '', quietEnd: '', email: '', ...input });
  if (!r.success) {
    const fields: Record<string, string> = {};
    for (const i of r.error.issues) fields[String(i.path[0])] ??= i.message;
    throw new AppError('form_invalid', '通知设置有需要修改的地方', 'invalid', fields);
  }
  const p: StaffPrefs = {
    userId: user.id,
    email: r.data.email,
    digest: r.data.digest === 'yes',
    quietStart: r.data.quietStart ? Number(r.data.quietStart) : null,
    quietEnd: r.data.quietEnd ? Number(r.data.quietEnd) : null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.staffNotices.setPrefs(p);
    await audit(tx, deps.now(), {
      organId: user.organId,
      userId: user.id,
      role: user.role,
      action: 'notices.prefs',
      ip,
      detail: { digest: p.digest, email: p.email ? 'set' : 'none', quiet: p.quietStart !== null },
    });
  });
  return p;
}
