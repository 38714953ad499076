/**
 * Notices to the applicant: a short message by e-mail or SMS that something happened on their case, pointing to
 * the status page where the letter — the legal document — is. One notice per event that issues an applicant's
 * letter (登记回执, 补正告知, 延期, 收费, 答复, 终止) and for the start of a consultation (the clock pauses,
 * 条例第三十二条、第三十四条). A notice names the organ and the case, carries no personal data beyond what the
 * applicant gave (never an ID number), and is built once, when its event is recorded: its id is the idempotency
 * key of its delivery.
 */
import type { CaseEvent } from '../case/case-event.js';
import { cnDate } from '../calendar/working-days.js';
import type { IsoDate } from '../calendar/iso-date.js';

export type NoticeChannel = 'email' | 'sms';
export type NoticeKind =
  | 'receipt'
  | 'clarification'
  | 'consultation'
  | 'extension'
  | 'fee'
  | 'reply'
  | 'termination'
  /** a staff member's daily or weekly digest (no case: `caseId` is '') */
  | 'digest';

/** A staff member's notice preferences: where the digest goes, whether at all, and when not to send. */
export interface StaffPrefs {
  userId: string;
  /** '' : no e-mail (the bell only) */
  email: string;
  digest: boolean;
  /** quiet hours in China Standard Time, [start, end) in whole hours (e.g. 22 → 7); null: none */
  quietStart: number | null;
  quietEnd: number | null;
}

/** An in-app notification (the bell). */
export interface StaffNotification {
  /** unique per cause (e.g. `digest:<user>:<day>`): the same cause never notifies twice */
  id: string;
  userId: string;
  organId: string;
  kind: 'digest' | 'weekly' | 'lapse' | 'report_deadline' | 'calendar';
  title: string;
  body: string;
  link: string;
  createdAt: string;
  readAt: string | null;
}

/** Whether CST hour `h` is inside quiet hours [start, end) (which may wrap midnight). */
export function inQuietHours(p: Pick<StaffPrefs, 'quietStart' | 'quietEnd'>, h: number): boolean {
  const { quietStart: s, quietEnd: e } = p;
  if (s === null || e === null || s === e) return false;
  return s < e ? h >= s && h < e : h >= s || h < e;
}

export interface Notice {
  /** `<case id>/<event seq>/<channel>`: the idempotency key of its delivery */
  id: string;
  caseId: string;
  organId: string;
  kind: NoticeKind;
  channel: NoticeChannel;
  /** the e-mail address or mobile number the applicant gave */
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  /**
   * pending → handing (an e-mail is with the server but for its final ".") → sent (the server took it), or
   * failed (every attempt used up: the dead-letter list). A notice left `handing` by a worker that died is
   * counted as sent, never sent again.
   */
  status: 'pending' | 'handing' | 'sent' | 'failed';
  sentAt: string | null;
  /** the server's id for the message (SMTP response, SMS provider id) */
  providerId: string | null;
  lastError: string | null;
  attempts: number;
  /** a secret the text holds as QUERY_CODE_SLOT (the receipt's query code), sealed; filled in only when sent */
  sealedSecret?: string;
}

/** Where the query code goes in a stored notice: the code itself is sealed, never kept in the clear. */
export const QUERY_CODE_SLOT = '{查询码}';

export const NOTICE_OF_EVENT: Partial<Record<CaseEvent['kind'], Exclude<NoticeKind, 'digest'>>> = {
  registered: 'receipt',
  clarification_requested: 'clarification',
  third_party_consulted: 'consultation',
  co_producer_consulted: 'consultation',
  extended: 'extension',
  fee_notice_issued: 'fee',
  decided: 'reply',
  clarification_lapsed: 'termination',
  fee_lapsed: 'termination',
};

const WHAT: Record<Exclude<NoticeKind, 'digest'>, string> = {
  receipt: '已登记',
  clarification: '需要补正',
  consultation: '正在征求意见',
  extension: '答复期限已延长',
  fee: '信息处理费收费通知',
  reply: '已作出答复',
  termination: '已终止办理',
};

export interface NoticeContext {
  organName: string;
  caseId: string;
  /** the status page, e.g. https://gk.example.gov.cn/status */
  statusUrl: string;
  /** on the receipt notice: the slot (QUERY_CODE_SLOT) the query code is filled into when it is sent */
  queryCode?: string;
  /** the reply due date after this event, if the clock runs */
  dueOn?: IsoDate | null;
}

/** What a notice of `kind` after `event` says, by channel (SMS: one short paragraph). */
export function noticeText(
  kind: Exclude<NoticeKind, 'digest'>,
  event: CaseEvent,
  ctx: NoticeContext,
  channel: NoticeChannel,
): { subject: string; text: string } {
  const subject = `【${ctx.organName}】政府信息公开申请${ctx.caseId}${WHAT[kind]}`;
  const lines: string[] = [];
  switch (kind) {
    case 'receipt':
      lines.push(
        `您的政府信息公开申请已于${cnDate(event.on)}收到，案件编号${ctx.caseId}${ctx.queryCode ? `，查询码${ctx.queryCode}` : ''}。`,
      );
      if (ctx.dueOn) lines.push(`本机关将于${cnDate(ctx.dueOn)}前作出答复（条例第三十三条）。`);
      break;
    case 'clarification':
      lines.push(
        '您的申请内容需要补正（条例第三十条），补正告知书列明了需要补正的事项和期限，请在查询页面查看并在线补正。',
      );
      break;
    case 'consultation':
      lines.push(
        '本机关正在书面征求意见（条例第三十二条、第三十四条），征求意见所需时间不计算在答复期限内。',
      );
      break;
    case 'extension':
      lines.push(
        `答复期限已依条例第三十三条第二款延长${ctx.dueOn ? `，本机关将于${cnDate(ctx.dueOn)}前作出答复` : ''}。延期答复告知书可在查询页面查看。`,
      );
      break;
    case 'fee':
      lines.push('本机关向您发出了信息处理费收费通知书（条例第四十二条），缴费金额和期限见通知书。');
      break;
    case 'reply':
      lines.push('本机关已对您的申请作出答复。答复书和本机关提供的政府信息可在查询页面查看和下载。');
      break;
    case 'termination':
      lines.push('本机关已终止办理您的申请，终止办理告知书可在查询页面查看。');
      break;
  }
  lines.push(`查询：${ctx.statusUrl}（凭案件编号和查询码）。`);
  if (channel === 'sms') return { subject, text: `${subject}：${lines.join('')}` };
  return {
    subject,
    text: [
      '您好：',
      '',
      ...lines,
      '',
      '告知书、答复书以查询页面上的文书为准；本邮件仅为提醒，请勿直接回复。',
      ctx.organName,
    ].join('\n'),
  };
}
