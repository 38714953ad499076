/**
 * A back-office form turned into the case event it describes, with a Chinese message naming the field when
 * something is missing or wrong. The fee is quoted by 国办函〔2020〕109号 (core/case/fees.ts), never typed in.
 */
import type { CaseEvent, CaseEventKind } from '../../core/case/case-event.js';
import { perPieceFee, perVolumeFee } from '../../core/case/fees.js';
import { isIsoDate } from '../../core/calendar/iso-date.js';
import { AppError } from '../deps.js';

/** Builds the event a back-office form describes; throws a field error in Chinese. */
export function eventFromForm(kind: CaseEventKind, f: Record<string, string>, todayIso: string): CaseEvent {
  const on = (f.on || todayIso).trim();
  if (!isIsoDate(on))
    throw new AppError('form_invalid', '日期无效', 'invalid', { on: '请填写真实日期（YYYY-MM-DD）' });
  if (on > todayIso)
    throw new AppError('form_invalid', '日期不能晚于今天', 'invalid', { on: '日期不能晚于今天' });
  const need = (k: string, label: string): string => {
    const v = (f[k] ?? '').trim();
    if (!v) throw new AppError('form_invalid', `请填写${label}`, 'invalid', { [k]: `请填写${label}` });
    return v;
  };
  const date = (k: string): string | undefined => {
    const v = (f[k] ?? '').trim();
    if (!v) return undefined;
    if (!isIsoDate(v)) throw new AppError('form_invalid', '日期无效', 'invalid', { [k]: '请填写真实日期' });
    return v;
  };
  const int = (k: string, label: string): number => {
    const n = Number(f[k]);
    if (!Number.isInteger(n))
      throw new AppError('form_invalid', `${label}应为整数`, 'invalid', { [k]: `${label}应为整数` });
    return n;
  };
  switch (kind) {
    case 'clarification_requested':
      return {
        kind,
        on,
        items: need('items', '需要补正的事项')
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter(Boolean),
        replyWithinDays: f.replyWithinDays ? int('replyWithinDays', '补正期限') : 15,
      };
    case 'clarification_received':
      return { kind, on, ...(f.text ? { note: f.text.slice(0, 2000) } : {}) };
    case 'clarification_lapsed':
    case 'fee_paid':
    case 'fee_lapsed':
    case 'withdrawn':
      return { kind, on } as CaseEvent;
    case 'third_party_consulted': {
      const r = date('receivedOn');
      return { kind, on, party: need('party', '第三方名称'), ...(r ? { receivedOn: r } : {}) };
    }
    case 'co_producer_consulted': {
      const r = date('receivedOn');
      return { kind, on, organ: need('organ', '共同制作机关'), ...(r ? { receivedOn: r } : {}) };
    }
    case 'third_party_replied':
      return {
        kind,
        on,
        ...(f.party ? { party: f.party } : {}),
        answer: (['consent', 'objection', 'no_answer'].includes(f.answer ?? '')
          ? f.answer
          : 'no_answer') as 'consent',
      };
    case 'co_producer_replied':
      return {
        kind,
        on,
        ...(f.organ ? { organ: f.organ } : {}),
        answer: (['consent', 'objection', 'no_answer'].includes(f.answer ?? '')
          ? f.answer
          : 'no_answer') as 'consent',
      };
    case 'extended':
      return {
        kind,
        on,
        days: int('days', '延长工作日数'),
        approvedBy: f.approvedBy ?? '',
        reason: need('reason', '延期理由'),
      };
    case 'fee_notice_issued': {
      const method = f.method === 'per_volume' ? 'per_volume' : 'per_piece';
      const q = int('quantity', method === 'per_piece' ? '件数' : '页数');
      const quote =
        method === 'per_piece'
          ? perPieceFee(f.alreadyThisMonth ? int('alreadyThisMonth', '本月已计件数') : 0, q)
          : perVolumeFee(q);
      if (quote.amountYuan <= 0)
        throw new AppError('form_invalid', '按此数量不收费', 'invalid', {
          quantity: `${quote.text}无需发出收费通知`,
        });
      const r = date('receivedOn');
      return {
        kind,
        on,
        method,
        amountYuan: quote.amountYuan,
        ...(r ? { receivedOn: r } : {}),
        note: quote.text,
      };
    }
    case 'decided':
      return {
        kind,
        on,
        outcome: need('outcome', '答复类型') as never,
        ...(f.reasons ? { reasons: f.reasons.slice(0, 4000) } : {}),
      };
    case 'delivered':
      return { kind, on, method: need('method', '送达方式') };
    case 'reopened':
      return { kind, on, reason: need('reason', '重新办理的原因') };
    default:
      throw new AppError('event_unknown', '未知的办理事项', 'not_found');
  }
}
