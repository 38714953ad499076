/**
 * 主动公开: an item of government information with its metadata, its versions and its publication workflow.
 *
 * Workflow (one transition table, as for cases): draft → 公开属性认定 (attributed) → 保密审查 (reviewed) →
 * approval (approved) → published (now, or at a scheduled time) → revised (a new version goes through review and
 * approval again while the published version stays up) or withdrawn (with a reason). Nothing is published without
 * a recorded 保密审查 that passed for the very version published, and an approval after it.
 */
import type { HolidayCalendar } from '../calendar/holiday-calendar.js';
import { type IsoDate, dayNumber } from '../calendar/iso-date.js';
import { addWorkingDays, workingDayNumbersBetween } from '../calendar/working-days.js';

export type ItemState = 'draft' | 'attributed' | 'reviewed' | 'approved' | 'published' | 'withdrawn';

/** 有效性 */
export type Validity = 'valid' | 'expired' | 'repealed';
export const VALIDITY_LABEL: Readonly<Record<Validity, string>> = {
  valid: '有效',
  expired: '失效',
  repealed: '废止',
};

/** 公开属性 (公开属性认定) */
export type Disclosure = 'proactive' | 'on_request' | 'not_public';
export const DISCLOSURE_LABEL: Readonly<Record<Disclosure, string>> = {
  proactive: '主动公开',
  on_request: '依申请公开',
  not_public: '不予公开',
};

/** Document types counted in the annual report's Section 二 第二十条第（一）项. */
export type DocType = 'regulation' | 'normative' | 'other';
export const DOC_TYPE_LABEL: Readonly<Record<DocType, string>> = {
  regulation: '规章',
  normative: '行政规范性文件',
  other: '其他',
};

export interface ItemMeta {
  title: string;
  columnId: string;
  /** 主题分类, e.g. 综合政务\\政务公开 */
  topic: string;
  /** 发布机构 */
  publisher: string;
  /** 成文日期 (the day the information was formed or changed: the start of the Art. 26 clock) */
  formedOn: IsoDate;
  /** 文号 */
  docNumber: string;
  docType: DocType;
  validity: Validity;
  /** date the item became 失效/废止 */
  validityDate: IsoDate | null;
  /** the item that repealed this one */
  repealedBy: string | null;
  /** 公开方式 */
  openMode: string;
}

export type ItemActor = 'clerk' | 'head' | 'admin';

export type ItemEvent =
  | { kind: 'created'; at: string; by: string; version: number }
  | { kind: 'attributed'; at: string; by: string; disclosure: Disclosure; basis: string }
  | { kind: 'reviewed'; at: string; by: string; version: number; passed: boolean; basis: string }
  | { kind: 'approved'; at: string; by: string; version: number }
  | { kind: 'published'; at: string; by: string; version: number; publishOn: IsoDate }
  /** `reason`: why (shown to the public with the version it produced; required to correct a published 年报) */
  | { kind: 'revised'; at: string; by: string; version: number; reason?: string }
  | { kind: 'withdrawn'; at: string; by: string; reason: string }
  /** a file joins the working version; a version already reviewed must be reviewed again (条例第十七条) */
  | { kind: 'file_added'; at: string; by: string; version: number; fileId: string; filename: string }
  | {
      kind: 'validity_changed';
      at: string;
      by: string;
      validity: Validity;
      date: IsoDate | null;
      repealedBy: string | null;
    };

export interface ItemTransition {
  event: ItemEvent['kind'];
  from: readonly ItemState[];
  to: ItemState | 'same';
  actors: readonly ItemActor[];
  rule: string;
  label: string;
}

/** The publication workflow table. */
export const ITEM_TRANSITIONS: readonly ItemTransition[] = [
  {
    event: 'attributed',
    from: ['draft'],
    to: 'attributed',
    actors: ['clerk', 'head'],
    rule: '条例第十九条、第二十条（公开属性认定）',
    label: '公开属性认定',
  },
  {
    event: 'reviewed',
    from: ['attributed'],
    to: 'reviewed',
    actors: ['head'],
    rule: '条例第十七条（保密审查）',
    label: '保密审查',
  },
  {
    event: 'approved',
    from: ['reviewed'],
    to: 'approved',
    actors: ['head'],
    rule: '条例第十七条',
    label: '审核同意发布',
  },
  {
    event: 'published',
    from: ['approved'],
    to: 'published',
    actors: ['clerk', 'head'],
    rule: '条例第二十三条、第二十六条',
    label: '发布',
  },
  {
    event: 'revised',
    from: ['published', 'withdrawn'],
    to: 'draft',
    actors: ['clerk', 'head'],
    rule: '条例第二十六条（信息变更）',
    label: '修订',
  },
  { event: 'withdrawn', from: ['published'], to: 'withdrawn', actors: ['head'], rule: '', label: '撤回' },
  {
    // a published or withdrawn item gets a new version first (app/publication/items.ts addItemFile)
    event: 'file_added',
    from: ['draft', 'attributed', 'reviewed', 'approved'],
    to: 'same',
    actors: ['clerk', 'head'],
    rule: '条例第十七条（附件随版本经保密审查）',
    label: '添加附件',
  },
  {
    event: 'validity_changed',
    from: ['published', 'withdrawn', 'draft', 'attributed', 'reviewed', 'approved'],
    to: 'same',
    actors: ['clerk', 'head'],
    rule: '',
    label: '变更有效性',
  },
];

export interface ItemSnapshot {
  state: ItemState;
  /** the version being worked on */
  version: number;
  /** the version the public sees (null when none) */
  publishedVersion: number | null;
  publishedOn: IsoDate | null;
  /** the first publication (for the Art. 26 check of the first version) */
  firstPublishedOn: IsoDate | null;
  disclosure: Disclosure | null;
  lastReview: { version: number; passed: boolean; basis: string; by: string; at: string } | null;
  approvedVersion: number | null;
  withdrawnReason: string | null;
}

export const EMPTY_ITEM: ItemSnapshot = {
  state: 'draft',
  version: 1,
  publishedVersion: null,
  publishedOn: null,
  firstPublishedOn: null,
  disclosure: null,
  lastReview: null,
  approvedVersion: null,
  withdrawnReason: null,
};

export type ItemResult = { ok: true; snapshot: ItemSnapshot } | { ok: false; code: string; message: string };

const no = (code: string, message: string): ItemResult => ({ ok: false, code, message });

/** Applies one workflow event. The guards make publication impossible without a passed review and an approval of the same version. */
export function applyItemEvent(s: ItemSnapshot, ev: ItemEvent, actor?: ItemActor): ItemResult {
  const row = ITEM_TRANSITIONS.find((t) => t.event === ev.kind && t.from.includes(s.state));
  if (ev.kind !== 'created' && !row)
    return no(
      'transition_not_allowed',
      `当前状态（${ITEM_STATE_LABEL[s.state]}）下不能“${ITEM_TRANSITIONS.find((t) => t.event === ev.kind)?.label ?? ev.kind}”`,
    );
  if (row && actor && !row.actors.includes(actor))
    return no(
      'actor_not_allowed',
      `“${row.label}”须由${row.actors.map((a) => ({ clerk: '经办人', head: '审核人/负责人', admin: '管理员' })[a]).join('或')}办理`,
    );
  const n: ItemSnapshot = { ...s };
  switch (ev.kind) {
    case 'created':
      return { ok: true, snapshot: { ...EMPTY_ITEM, version: ev.version } };
    case 'attributed':
      if (!ev.basis.trim()) return no('basis_missing', '请写明公开属性认定的依据');
      if (ev.disclosure !== 'proactive')
        return no('not_proactive', '认定为非主动公开的信息不在公开专栏发布，请改为依申请公开或不予公开处理');
      n.disclosure = ev.disclosure;
      break;
    case 'reviewed':
      if (ev.version !== s.version) return no('version_mismatch', '保密审查须针对当前版本');
      if (!ev.basis.trim()) return no('basis_missing', '请写明保密审查的结论依据');
      n.lastReview = { version: ev.version, passed: ev.passed, basis: ev.basis, by: ev.by, at: ev.at };
      if (!ev.passed) {
        n.state = 'draft';
        n.disclosure = null;
        return { ok: true, snapshot: n };
      }
      break;
    case 'approved':
      if (
        !s.lastReview ||
        !s.lastReview.passed ||
        s.lastReview.version !== s.version ||
        ev.version !== s.version
      )
        return no('review_required', '未经保密审查或审查未通过，不能同意发布');
      n.approvedVersion = ev.version;
      break;
    case 'published':
      // Nothing reaches the public without a recorded review of this very version, and an approval after it.
      if (
        !s.lastReview ||
        !s.lastReview.passed ||
        s.lastReview.version !== s.version ||
        s.approvedVersion !== s.version ||
        ev.version !== s.version
      )
        return no('review_required', '该版本没有通过保密审查并经审核同意，不能发布');
      n.publishedVersion = ev.version;
      n.publishedOn = ev.publishOn;
      n.firstPublishedOn ??= ev.publishOn;
      n.withdrawnReason = null;
      break;
    case 'revised':
      if (ev.version !== s.version + 1) return no('version_mismatch', '修订须生成新版本');
      n.version = ev.version;
      n.disclosure = null;
      n.approvedVersion = null;
      break;
    case 'withdrawn':
      if (!ev.reason.trim()) return no('reason_missing', '请写明撤回原因');
      n.withdrawnReason = ev.reason;
      // nothing is published any more: a revision must pass 保密审查 and be published again to be public
      n.publishedVersion = null;
      break;
    case 'file_added':
      if (ev.version !== s.version) return no('version_mismatch', '附件须加入当前版本');
      // the file changes the version: an earlier review or approval of it no longer covers it
      if (s.state === 'reviewed' || s.state === 'approved') {
        n.state = 'attributed';
        n.lastReview = null;
        n.approvedVersion = null;
      }
      break;
    case 'validity_changed':
      if (ev.validity !== 'valid' && !ev.date) return no('date_missing', '失效或废止须填写日期');
      break;
  }
  if (row && row.to !== 'same') n.state = row.to;
  return { ok: true, snapshot: n };
}

export function replayItem(
  events: readonly ItemEvent[],
  actorOf?: (ev: ItemEvent) => ItemActor | undefined,
): { snapshot: ItemSnapshot; error?: { code: string; message: string; index: number } } {
  let s = EMPTY_ITEM;
  for (let i = 0; i < events.length; i++) {
    const r = applyItemEvent(s, events[i]!, actorOf?.(events[i]!));
    if (!r.ok) return { snapshot: s, error: { code: r.code, message: r.message, index: i } };
    s = r.snapshot;
  }
  return { snapshot: s };
}

export const ITEM_STATE_LABEL: Readonly<Record<ItemState, string>> = {
  draft: '草稿',
  attributed: '已认定公开属性',
  reviewed: '已保密审查',
  approved: '已审核待发布',
  published: '已发布',
  withdrawn: '已撤回',
};

/**
 * 条例第二十六条: proactive information is published within 20 working days of being formed or changed.
 * Returns the working days taken and whether that was late.
 */
export function timeliness(
  formedOn: IsoDate,
  publishedOn: IsoDate,
  cal: HolidayCalendar,
  limit = 20,
): { workingDays: number; due: IsoDate; late: boolean } {
  const wd = workingDayNumbersBetween(dayNumber(formedOn), dayNumber(publishedOn), cal);
  return { workingDays: wd, due: addWorkingDays(formedOn, limit, cal), late: wd > limit };
}

/**
 * 索引号 from a pattern: `{code}` organ code, `{year}` and `{month}` of the publication, `{serial:N}` a serial
 * zero-padded to N digits. Default `{code}/{year}-{serial:5}`.
 */
export function indexNumber(
  pattern: string,
  v: { code: string; year: number; month: number; serial: number },
): string {
  return pattern
    .replace(/\{code\}/g, v.code)
    .replace(/\{year\}/g, String(v.year))
    .replace(/\{month\}/g, String(v.month).padStart(2, '0'))
    .replace(/\{serial(?::(\d+))?\}/g, (_, w: string | undefined) =>
      String(v.serial).padStart(Number(w ?? 5), '0'),
    );
}

export const DEFAULT_INDEX_PATTERN = '{code}/{year}-{serial:5}';

/**
 * Why a 索引号 pattern cannot be used, or null. It needs `{year}` and `{serial}` (serials restart every year, so
 * without the year two items would share a number), knows only the four placeholders, and has no spaces.
 */
export function indexPatternProblem(pattern: string): string | null {
  if (!pattern || pattern.length > 60) return '索引号规则不能为空，且不超过60个字符';
  if (/\s/.test(pattern)) return '索引号规则不能包含空格';
  const unknown = pattern.replace(/\{(?:code|year|month|serial(?::[1-8])?)\}/g, '');
  if (/[{}]/.test(unknown))
    return '索引号规则只能使用 {code} {year} {month} {serial} 或 {serial:位数}（位数1至8）';
  if (!/\{year\}/.test(pattern)) return '索引号规则必须包含 {year}（流水号每年从1开始）';
  if (!/\{serial(?::[1-8])?\}/.test(pattern)) return '索引号规则必须包含流水号 {serial}';
  return null;
}
