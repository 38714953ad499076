/**
 * The statutory letters of a case, built from its history, the organ and the law: 登记回执, 补正告知书,
 * 征求意见书 (to a third party), 延期答复告知书, 收费通知书, a 答复书 for each outcome (with the notice of the right to
 * 行政复议 within 60 days and 行政诉讼 within 6 months), and a 终止办理告知书 for lapses.
 *
 * A letter is built once, when the event that issues it is recorded, and then kept as it was issued (the app
 * freezes it in the store): `letterOfEvent` builds the letter one event issues, `correctedLetter` a letter that
 * replaces a wrong one. `buildLetters` rebuilds every letter of a history (for cases issued before letters were
 * kept, and for tests).
 */
import type { Organ, SealImage } from '../entities.js';
import type { CaseSnapshot } from '../case/case-machine.js';
import type { CaseEvent } from '../case/case-event.js';
import { DELIVERY_LABEL, FORM_LABEL, findOutcome } from '../case/case-model.js';
import { addWorkingDays, cnDate } from '../calendar/working-days.js';
import { type HolidayCalendar, provisionalReason } from '../calendar/holiday-calendar.js';
import type { IsoDate } from '../calendar/iso-date.js';
import type { CaseRules } from '../case/case-rules.js';
import { replyClock } from '../case/deadlines.js';

export type LetterKind =
  | 'receipt'
  | 'clarification'
  | 'consultation'
  | 'extension'
  | 'fee'
  | 'reply'
  | 'termination';

/** Everything a letter prints, as issued. */
export interface Letter {
  kind: LetterKind;
  /** its name in URLs: `<event kind>-<event seq>` (e.g. `extended-6`), `corrected-<letter seq>` for a correction */
  id: string;
  title: string;
  /** 文号, e.g. 田政依申复〔2024〕3号 (the organ's 机关代字, else its code) */
  number: string;
  recipient: string;
  paragraphs: string[];
  /** the legal basis cited */
  basis: string;
  /** 行政复议 / 行政诉讼 rights (decisions only) */
  rights?: string;
  organName: string;
  sealName: string;
  date: string;
  /** the applicant may see it (a 征求意见书 goes to the third party and stays internal) */
  forApplicant: boolean;
  /** the organ's address and phone as issued, printed as the 附注 */
  contact?: { address: string; postcode: string; phone: string };
  /** the organ's 电子印章 as issued; absent or null: nobody sealed it, the place for the seal stays blank */
  sealImage?: SealImage | null;
  /** a 答复书 that provides information: the released files it lists (条例第三十六条第（一）（二）项, 第四十条) */
  released?: { id: string; filename: string }[];
  /** a correction: the letter it replaces and why */
  replaces?: { id: string; number: string; title: string; date: string; reason: string };
  // -- set when read or printed, never stored --
  /** the 文号 of the letter that replaced this one (已被替代) */
  replacedBy?: string;
  /** a draft: what the letter of this pending approval would be if it were approved now */
  draftFor?: string;
  /** the seal image as a data: URI, loaded for printing */
  sealImageData?: string;
}

export const LETTER_LABEL: Record<LetterKind, string> = {
  receipt: '政府信息公开申请登记回执',
  clarification: '补正申请告知书',
  consultation: '征求第三方意见书',
  extension: '延期答复告知书',
  fee: '信息处理费收费通知书',
  reply: '政府信息公开申请答复书',
  termination: '终止办理告知书',
};

/** What a letter calls itself in its text (本告知书, 本答复书 …). */
const SELF: Record<LetterKind, string> = {
  receipt: '回执',
  clarification: '告知书',
  consultation: '意见书',
  extension: '告知书',
  fee: '通知书',
  reply: '答复书',
  termination: '告知书',
};

/** The kind of letter an event issues, if any. */
export const LETTER_OF_EVENT: Partial<Record<CaseEvent['kind'], LetterKind>> = {
  registered: 'receipt',
  clarification_requested: 'clarification',
  third_party_consulted: 'consultation',
  extended: 'extension',
  fee_notice_issued: 'fee',
  decided: 'reply',
  clarification_lapsed: 'termination',
  fee_lapsed: 'termination',
};

/** The outcome texts a 答复书 prints (a snapshot keeps the text it was issued with). */
export const REPLY_TEXT: Record<string, string> = {
  disclosed:
    '经审查，您申请获取的政府信息属于公开范围，现依照《中华人民共和国政府信息公开条例》第三十六条第（二）项的规定予以提供，请按您选择的方式查收。',
  partially_disclosed:
    '经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。依照《中华人民共和国政府信息公开条例》第三十七条的规定，本机关向您提供可以公开的部分，对不予公开的部分说明理由如下。',
  withheld_state_secret:
    '经审查，您申请获取的政府信息属于国家秘密。依照《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，本机关决定不予公开。',
  withheld_prohibited_by_law:
    '经审查，您申请获取的政府信息属于法律、行政法规禁止公开的信息。依照《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，本机关决定不予公开。',
  withheld_three_securities_one_stability:
    '经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定。依照《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，本机关决定不予公开。',
  withheld_third_party_rights:
    '经审查，您申请获取的政府信息涉及商业秘密、个人隐私等公开后会对第三方合法权益造成损害的内容，经书面征求第三方意见，第三方不同意公开，且不公开不会对公共利益造成重大影响。依照《中华人民共和国政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项的规定，本机关决定不予公开。',
  withheld_internal_affairs:
    '经审查，您申请获取的信息属于行政机关的人事管理、后勤管理、内部工作流程等方面的内部事务信息。依照《中华人民共和国政府信息公开条例》第十六条第一款的规定，本机关决定不予公开。',
  withheld_process_information:
    '经审查，您申请获取的信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。依照《中华人民共和国政府信息公开条例》第十六条第二款的规定，本机关决定不予公开。',
  withheld_enforcement_file:
    '经审查，您申请获取的信息属于行政执法案卷信息。依照《中华人民共和国政府信息公开条例》第十六条第二款的规定，本机关决定不予公开。',
  withheld_administrative_query:
    '经审查，您申请获取的信息属于工商、不动产登记资料等有关法律、行政法规对信息的获取有特别规定的事项。依照《中华人民共和国政府信息公开条例》第三十六条第（七）项的规定，请您按照有关法律、行政法规的规定办理。',
  unavailable_not_held:
    '经检索，本机关未制作、获取您申请的政府信息，该政府信息不存在。依照《中华人民共和国政府信息公开条例》第三十六条第（四）项的规定，特此告知。',
  unavailable_needs_creation:
    '经审查，本机关没有您所要求的现成信息，提供该信息需要对现有政府信息进行加工、分析。依照《中华人民共和国政府信息公开条例》第三十八条的规定，本机关可以不予提供。',
  unavailable_unclear_after_clarification:
    '本机关已于补正告知中一次性告知需要补正的内容，经补正后您的申请内容仍不明确，无法确定您所需的政府信息。依照《中华人民共和国政府信息公开条例》第三十条的规定，本机关无法提供。',
  not_processed_petition:
    '经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动。依照《中华人民共和国政府信息公开条例》第三十九条第一款的规定，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。',
  not_processed_repeat:
    '经审查，您向本机关重复申请公开相同的政府信息，本机关已经作出答复。依照《中华人民共和国政府信息公开条例》第三十六条第（六）项的规定，本机关不予重复处理。',
  not_processed_publication:
    '经审查，您要求提供的是政府公报、报刊、书籍等公开出版物。依照《中华人民共和国政府信息公开条例》第三十九条第二款的规定，请您通过公开渠道获取。',
  not_processed_excessive:
    '经审查，您申请公开政府信息的数量、频次明显超过合理范围，且所说明的理由不合理。依照《中华人民共和国政府信息公开条例》第三十五条的规定，本机关不予处理。',
  not_processed_confirmation:
    '经审查，您要求行政机关确认或者重新出具已获取的信息，不属于政府信息公开申请。依照《中华人民共和国政府信息公开条例》第三十九条的规定，本机关不作为政府信息公开申请处理。',
  other: '依照《中华人民共和国政府信息公开条例》第三十三条的规定，本机关对您的申请作出如下处理。',
};

export interface LetterContext {
  organ: Organ;
  /** the 复议机关 (the parent organ) */
  reviewOrgan: string;
  caseId: string;
  calendar: HolidayCalendar;
  rules: CaseRules;
  /** the files to be released that passed their 保密审查, listed in a 答复书 that provides information */
  released?: { id: string; filename: string }[];
}

/** Outcomes whose 答复书 provides information (条例第三十六条第（一）（二）项, 第三十七条). */
export const PROVIDING_OUTCOMES: ReadonlySet<string> = new Set(['disclosed', 'partially_disclosed']);

/** The paragraph of a 答复书 that lists what it provides, and where the applicant downloads it. */
function releasedParagraphs(files: readonly { filename: string }[], organName: string): string[] {
  if (!files.length) return [];
  return [
    `本答复书提供的政府信息共${files.length}件：${files.map((f, k) => `${k + 1}. ${f.filename}`).join('；')}。`,
    `上述信息已经保密审查，您可凭案件编号和查询码在${organName}政府信息公开专栏的申请查询页面下载。`,
  ];
}

const PREFIX: Record<LetterKind, string> = {
  receipt: '依申回',
  clarification: '依申补',
  consultation: '依申征',
  extension: '依申延',
  fee: '依申费',
  reply: '依申复',
  termination: '依申终',
};

/** 文号: the 机关代字 (else the organ's code), the kind, 〔year〕, the case serial, `-n` from the second of a kind. */
function number(ctx: LetterContext, kind: LetterKind, nth: number): string {
  const [, year, serial] = ctx.caseId.split('-');
  const code = ctx.organ.docCode?.trim() || ctx.organ.code;
  return `${code}${PREFIX[kind]}〔${year}〕${Number(serial)}${nth > 1 ? `-${nth}` : ''}号`;
}

function rights(ctx: LetterContext): string {
  return `如对本答复不服，可以自收到本答复之日起六十日内向${ctx.reviewOrgan}申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。`;
}

/**
 * A date computed into a year without a State Council holiday notice is provisional: the letter says so, in the
 * words it is frozen with (the case's deadline itself is recomputed when the notice is entered).
 */
function caveatOf(cal: HolidayCalendar) {
  return (from: IsoDate, to: IsoDate): string =>
    provisionalReason(from, to, cal)
      ? '（该期限按现有节假日安排推算；国务院办公厅公布当年节假日安排后如有变化，以重新计算的期限为准）'
      : '';
}

/** Every letter the history has produced so far, in order (numbered per kind in order of issue). */
export function buildLetters(s: CaseSnapshot, ctx: LetterContext): Letter[] {
  const out: Letter[] = [];
  s.history.forEach((_, i) => {
    const l = letterOfEvent(
      s,
      i,
      ctx,
      out.filter((x) => x.kind === LETTER_OF_EVENT[s.history[i]!.kind]).length + 1,
    );
    if (l) out.push(l);
  });
  return out;
}

/**
 * The letter event `i` of the history issues (none for most events), as the `nth` letter of its kind in the
 * case. `s` is the case as it stood once that event was recorded.
 */
export function letterOfEvent(
  s: CaseSnapshot,
  i: number,
  ctx: LetterContext,
  nth: number,
): Letter | undefined {
  const ev = s.history[i];
  if (!s.facts || !ev) return undefined;
  const a = s.facts.applicant;
  const caveat = caveatOf(ctx.calendar);
  const o = ctx.organ;
  const base = {
    organName: o.name,
    sealName: o.sealName,
    recipient: a.name,
    contact: { address: o.address, postcode: o.postcode, phone: o.phone },
    sealImage: o.sealImage ?? null,
  };
  const id = `${ev.kind}-${i + 1}`;
  switch (ev.kind) {
    case 'registered': {
      const due = addWorkingDays(ev.on, ctx.rules.replyDays, ctx.calendar);
      return {
        ...base,
        kind: 'receipt',
        id,
        title: LETTER_LABEL.receipt,
        number: number(ctx, 'receipt', nth),
        date: cnDate(ev.on),
        forApplicant: true,
        basis: '《中华人民共和国政府信息公开条例》第二十九条、第三十一条、第三十三条',
        paragraphs: [
          `本机关于${cnDate(ev.on)}收到您提出的政府信息公开申请，案件编号为${ctx.caseId}。${ev.receiptReason ? `收到申请之日的确定：${ev.receiptReason}` : ''}`,
          `申请内容：${s.facts!.description}；获取形式：${FORM_LABEL[s.facts!.requestedForm]}；获取方式：${DELIVERY_LABEL[s.facts!.delivery]}。`,
          `依照《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将自收到申请之日起20个工作日内（${cnDate(due)}前）作出答复；需要延长答复期限的，将另行告知。需要补正或者征求第三方意见的，期限依法另行计算。${caveat(ev.on, due)}`,
          `您可凭案件编号和查询码在${ctx.organ.name}政府信息公开专栏查询办理进度。联系电话：${ctx.organ.phone}。`,
        ],
      };
    }
    case 'clarification_requested': {
      const due = addWorkingDays(ev.on, ev.replyWithinDays ?? ctx.rules.clarificationReplyDays, ctx.calendar);
      return {
        ...base,
        kind: 'clarification',
        id,
        title: LETTER_LABEL.clarification,
        number: number(ctx, 'clarification', nth),
        date: cnDate(ev.on),
        forApplicant: true,
        basis: '《中华人民共和国政府信息公开条例》第三十条',
        paragraphs: [
          `本机关于${cnDate(s.receivedOn!)}收到您的政府信息公开申请（案件编号${ctx.caseId}）。经审查，申请内容不明确，依照《中华人民共和国政府信息公开条例》第三十条的规定，现一次性告知您需要补正的事项：`,
          ...ev.items.map((x, k) => `${k + 1}. ${x}`),
          `请于${cnDate(due)}前补正。答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。${caveat(ev.on, due)}`,
        ],
      };
    }
    case 'third_party_consulted': {
      const due = addWorkingDays(ev.receivedOn ?? ev.on, ctx.rules.thirdPartyDays, ctx.calendar);
      return {
        ...base,
        recipient: ev.party,
        kind: 'consultation',
        id,
        title: LETTER_LABEL.consultation,
        number: number(ctx, 'consultation', nth),
        date: cnDate(ev.on),
        forApplicant: false,
        basis: '《中华人民共和国政府信息公开条例》第三十二条',
        paragraphs: [
          `本机关收到一份政府信息公开申请（案件编号${ctx.caseId}），申请公开的政府信息可能涉及贵方的商业秘密、个人隐私等合法权益。依照《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见。`,
          `请自收到本意见书之日起15个工作日内（${cnDate(due)}前）书面提出意见；不同意公开的，请说明理由。逾期未提出意见的，本机关将依照条例的规定决定是否公开。${caveat(ev.on, due)}`,
        ],
      };
    }
    case 'extended':
      return {
        ...base,
        kind: 'extension',
        id,
        title: LETTER_LABEL.extension,
        number: number(ctx, 'extension', nth),
        date: cnDate(ev.on),
        forApplicant: true,
        basis: '《中华人民共和国政府信息公开条例》第三十三条第二款',
        paragraphs: [
          `您提出的政府信息公开申请（案件编号${ctx.caseId}）${ev.reason ? `因${ev.reason}，` : ''}本机关不能在规定期限内作出答复。经本机关政府信息公开工作机构负责人同意，依照《中华人民共和国政府信息公开条例》第三十三条第二款的规定，答复期限延长${ev.days}个工作日。`,
          ((d: IsoDate) => `本机关将于${cnDate(d)}前作出答复。${caveat(ev.on, d)}`)(
            replyClock({ ...s, history: s.history.slice(0, i + 1) }, ctx.calendar, ctx.rules)?.due ?? ev.on,
          ),
        ],
      };
    case 'fee_notice_issued': {
      const due = addWorkingDays(ev.receivedOn ?? ev.on, ctx.rules.feePaymentDays, ctx.calendar);
      return {
        ...base,
        kind: 'fee',
        id,
        title: LETTER_LABEL.fee,
        number: number(ctx, 'fee', nth),
        date: cnDate(ev.on),
        forApplicant: true,
        basis:
          '《中华人民共和国政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
        paragraphs: [
          `您提出的政府信息公开申请（案件编号${ctx.caseId}）的数量、频次明显超过合理范围。依照《政府信息公开信息处理费管理办法》的规定，按${ev.method === 'per_piece' ? '件' : '量'}计收信息处理费${ev.amountYuan}元。`,
          `请自收到本通知之日起20个工作日内（${cnDate(due)}前）缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。答复期限自收到费用之日起继续计算。${caveat(ev.on, due)}`,
        ],
      };
    }
    case 'decided': {
      const o = findOutcome(ev.outcome)!;
      const released = PROVIDING_OUTCOMES.has(ev.outcome) ? (ctx.released ?? []) : [];
      return {
        ...base,
        kind: 'reply',
        id,
        title: LETTER_LABEL.reply,
        number: number(ctx, 'reply', nth),
        date: cnDate(ev.on),
        forApplicant: true,
        basis: `《中华人民共和国政府信息公开条例》${o.article.replace(/^条例/, '')}`,
        rights: rights(ctx),
        paragraphs: [
          `本机关于${cnDate(s.receivedOn!)}收到您的政府信息公开申请（案件编号${ctx.caseId}），申请获取“${s.facts!.description}”。`,
          REPLY_TEXT[ev.outcome] ?? REPLY_TEXT.other!,
          ...(ev.reasons ? [ev.reasons] : []),
          ...releasedParagraphs(released, ctx.organ.name),
        ],
        released: released.map((f) => ({ id: f.id, filename: f.filename })),
      };
    }
    case 'clarification_lapsed':
    case 'fee_lapsed':
      return {
        ...base,
        kind: 'termination',
        id,
        title: LETTER_LABEL.termination,
        number: number(ctx, 'termination', nth),
        date: cnDate(ev.on),
        forApplicant: true,
        basis:
          ev.kind === 'clarification_lapsed'
            ? '《中华人民共和国政府信息公开条例》第三十条'
            : '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
        rights: rights(ctx),
        paragraphs: [
          ev.kind === 'clarification_lapsed'
            ? `本机关已于${cnDate(s.clarification!.requestedOn)}一次性告知您补正申请，您无正当理由逾期未补正，视为放弃申请。依照《中华人民共和国政府信息公开条例》第三十条的规定，本机关不再处理您的政府信息公开申请（案件编号${ctx.caseId}）。`
            : `本机关已于${cnDate(s.fee!.on)}向您发出信息处理费收费通知，您逾期未缴纳，视为放弃申请。本机关不再处理您的政府信息公开申请（案件编号${ctx.caseId}）。`,
        ],
      };
    default:
  }
  return undefined;
}

/**
 * A letter that replaces a wrong one: `fresh` is the letter the same event issues when built today (today's
 * history, organ data and calendar), numbered as the `nth` of its kind; it is dated `on` and says first what it
 * replaces and why. The replaced letter stays as it was issued.
 */
export function correctedLetter(
  fresh: Letter,
  old: Letter,
  x: { id: string; nth: number; on: string; reason: string; ctx: LetterContext },
): Letter {
  const self = SELF[fresh.kind];
  return {
    ...fresh,
    id: x.id,
    number: number(x.ctx, fresh.kind, x.nth),
    date: cnDate(x.on),
    replaces: { id: old.id, number: old.number, title: old.title, date: old.date, reason: x.reason },
    paragraphs: [
      `本${self}替代本机关于${old.date}出具的《${old.title}》（${old.number}），原${self}不再使用。更正原因：${x.reason}。`,
      ...fresh.paragraphs,
    ],
  };
}
