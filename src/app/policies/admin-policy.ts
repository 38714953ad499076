/**
 * Administration: the organ's 管理员 manages its staff, API tokens, columns and organ data; the platform
 * administrator (管理员 of the top organ) edits the working-day calendar; a supervising organ's 管理员 adds
 * subordinate organs and sets their 年报 deadlines (条例第四十九条).
 */
import type { Organ } from '../../core/entities.js';
import { policy } from './authorize.js';

export const canManageStaff = policy(
  'forbidden',
  '只有管理员可以管理账号和栏目',
  (user) => user.role === 'admin',
);

export const canEditOrgan = policy(
  'forbidden',
  '只有管理员可以修改机关信息',
  (user) => user.role === 'admin',
);

export const canSetReportDeadlines = policy(
  'forbidden',
  '只有管理员可以设置年报期限',
  (user) => user.role === 'admin',
);

/** The platform administrator: the 管理员 of an organ without a parent (the top of the platform's tree). */
const isPlatformAdmin = (user: { role: string }, organ: Organ | undefined) =>
  user.role === 'admin' && !!organ && !organ.parentId;

/** The calendar is the platform's: only its administrator edits it. */
export const canEditCalendar = policy<Organ | undefined>(
  'forbidden',
  '只有平台管理员（最上级机关的管理员）可以修改工作日历',
  isPlatformAdmin,
);

/** The job queue is the platform's too: its dead letters, retries and purges. */
export const canOperateQueue = policy<Organ | undefined>(
  'forbidden',
  '只有平台管理员（最上级机关的管理员）可以查看和处理后台任务',
  isPlatformAdmin,
);
