/**
 * The 依申请公开 case: applicant, channel, request, and the outcome codes that map one-to-one onto the
 * annual report's Section 三 rows.
 */
import type { ReportFormat, S3Column } from '../annual-report/report-model.js';

/** 申请人类型 — the Section 三 columns (自然人; 法人或其他组织: 商业企业 … 其他). */
export type ApplicantType =
  | 'natural_person'
  | 'commercial_enterprise'
  | 'research_institution'
  | 'social_welfare_organization'
  | 'legal_service_organization'
  | 'other_organization';

export const APPLICANT_TYPES: readonly ApplicantType[] = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'social_welfare_organization',
  'legal_service_organization',
  'other_organization',
];

/** The report column each applicant type is counted in. */
export const APPLICANT_COLUMN: Readonly<Record<ApplicantType, S3Column>> = {
  natural_person: '自然人',
  commercial_enterprise: '商业企业',
  research_institution: '科研机构',
  social_welfare_organization: '社会公益组织',
  legal_service_organization: '法律服务机构',
  other_organization: '其他',
};

/** 申请渠道 (条例第二十九条、第三十一条). */
export type Channel = 'online' | 'letter' | 'in_person' | 'fax' | 'email' | 'other';
export const CHANNELS: readonly Channel[] = ['online', 'letter', 'in_person', 'fax', 'email', 'other'];
export const CHANNEL_LABEL: Readonly<Record<Channel, string>> = {
  online: '网上申请',
  letter: '信函',
  in_person: '当面',
  fax: '传真',
  email: '电子邮件',
  other: '其他',
};

/** 获取信息的形式 (条例第二十九条第（三）项、第四十条). */
export type RequestedForm = 'paper' | 'electronic' | 'inspection' | 'other';
export const FORM_LABEL: Readonly<Record<RequestedForm, string>> = {
  paper: '纸质',
  electronic: '电子文档',
  inspection: '当场查阅、抄录',
  other: '其他',
};

/** 获取方式. */
export type Delivery = 'post' | 'email' | 'online' | 'pickup' | 'fax' | 'other';
export const DELIVERY_LABEL: Readonly<Record<Delivery, string>> = {
  post: '邮寄',
  email: '电子邮件',
  online: '网上获取',
  pickup: '自行领取',
  fax: '传真',
  other: '其他',
};

/**
 * 身份证明 (条例第二十九条第二款第（一）项 asks only for 身份证明): the kinds of document an applicant may give.
 * Natural persons: 居民身份证, 护照, 港澳居民来往内地通行证, 台湾居民来往大陆通行证, 外国人永久居留身份证, another
 * identity document; organisations: 统一社会信用代码 or another registration number.
 */
export const ID_TYPES = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macao_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
  foreign_permanent_resident: '外国人永久居留身份证',
  other_person_id: '其他身份证明',
  credit_code: '统一社会信用代码',
  other_org_registration: '其他登记证号',
} as const;
export type IdType = keyof typeof ID_TYPES;
export const PERSON_ID_TYPES: IdType[] = [
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'foreign_permanent_resident',
  'other_person_id',
];
export const ORG_ID_TYPES: IdType[] = ['credit_code', 'other_org_registration'];

export interface Applicant {
  type: ApplicantType;
  /** the kind of 身份证明 (absent in older records: 居民身份证 or 统一社会信用代码) */
  idType?: IdType;
  /** 姓名或者名称 */
  name: string;
  /** 身份证明: for a natural person the ID number; for an organisation the 统一社会信用代码 */
  idNumber?: string;
  /** 法定代表人或者负责人 (organisations) */
  representative?: string;
  phone?: string;
  email?: string;
  address?: string;
  postcode?: string;
  /** how the applicant chose to be told of each step: e-mail, SMS (to the e-mail and phone above) */
  notify?: ('email' | 'sms')[];
}

/** What the application says (条例第二十九条第二款). */
export interface CaseFacts {
  applicant: Applicant;
  channel: Channel;
  /** 申请公开的政府信息的名称、文号或者便于行政机关查询的其他特征性描述 */
  description: string;
  requestedForm: RequestedForm;
  delivery: Delivery;
  /** what a registered application lacks (条例第二十九条): the 补正 asks for exactly these (条例第三十条) */
  missing?: string[];
}

/**
 * The outcome of a handling episode. Each is exactly one Section 三 row of the report year's format.
 * The article each applies is in OUTCOMES.
 */
export type OutcomeCode =
  | 'disclosed'
  | 'partially_disclosed'
  | 'withheld_state_secret'
  | 'withheld_prohibited_by_law'
  | 'withheld_three_securities_one_stability'
  | 'withheld_third_party_rights'
  | 'withheld_internal_affairs'
  | 'withheld_process_information'
  | 'withheld_enforcement_file'
  | 'withheld_administrative_query'
  | 'unavailable_not_held'
  | 'unavailable_needs_creation'
  | 'unavailable_unclear_after_clarification'
  | 'not_processed_petition'
  | 'not_processed_repeat'
  | 'not_processed_publication'
  | 'not_processed_excessive'
  | 'not_processed_confirmation'
  | 'other_no_clarification'
  | 'other_fee_unpaid'
  | 'other';

export interface OutcomeDef {
  code: OutcomeCode;
  /** row in the 2021 format (国办公开办函〔2021〕30号) */
  row2021: string;
  /** row in the 2019 trial format (（六）其他处理 is one row) */
  row2019: string;
  /** the article the reply cites */
  article: string;
  /** Chinese label for staff */
  label: string;
  /** true when only an event (not a decision) may end a case this way */
  byEventOnly?: boolean;
}

const o = (
  code: OutcomeCode,
  row: string,
  article: string,
  label: string,
  row2019 = row,
  byEventOnly = false,
): OutcomeDef =>
  byEventOnly
    ? { code, row2021: row, row2019, article, label, byEventOnly }
    : { code, row2021: row, row2019, article, label };

/** Outcome → report row and article (mapping per shared/docs/regulation.md §1.3). */
export const OUTCOMES: readonly OutcomeDef[] = [
  o('disclosed', '（一）予以公开', '条例第三十六条第（一）（二）项', '予以公开'),
  o(
    'partially_disclosed',
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    '条例第三十七条',
    '部分公开',
  ),
  o(
    'withheld_state_secret',
    '（三）不予公开/1.属于国家秘密',
    '条例第十四条、第三十六条第（三）项',
    '不予公开：属于国家秘密',
  ),
  o(
    'withheld_prohibited_by_law',
    '（三）不予公开/2.其他法律行政法规禁止公开',
    '条例第十四条、第三十六条第（三）项',
    '不予公开：其他法律行政法规禁止公开',
  ),
  o(
    'withheld_three_securities_one_stability',
    '（三）不予公开/3.危及“三安全一稳定”',
    '条例第十四条、第三十六条第（三）项',
    '不予公开：危及“三安全一稳定”',
  ),
  o(
    'withheld_third_party_rights',
    '（三）不予公开/4.保护第三方合法权益',
    '条例第十五条、第三十二条、第三十六条第（三）项',
    '不予公开：保护第三方合法权益',
  ),
  o(
    'withheld_internal_affairs',
    '（三）不予公开/5.属于三类内部事务信息',
    '条例第十六条第一款、第三十六条第（三）项',
    '不予公开：属于三类内部事务信息',
  ),
  o(
    'withheld_process_information',
    '（三）不予公开/6.属于四类过程性信息',
    '条例第十六条第二款、第三十六条第（三）项',
    '不予公开：属于四类过程性信息',
  ),
  o(
    'withheld_enforcement_file',
    '（三）不予公开/7.属于行政执法案卷',
    '条例第十六条第二款、第三十六条第（三）项',
    '不予公开：属于行政执法案卷',
  ),
  o(
    'withheld_administrative_query',
    '（三）不予公开/8.属于行政查询事项',
    '条例第三十六条第（七）项',
    '不予公开：属于行政查询事项',
  ),
  o(
    'unavailable_not_held',
    '（四）无法提供/1.本机关不掌握相关政府信息',
    '条例第三十六条第（四）（五）项',
    '无法提供：本机关不掌握相关政府信息',
  ),
  o(
    'unavailable_needs_creation',
    '（四）无法提供/2.没有现成信息需要另行制作',
    '条例第三十八条',
    '无法提供：没有现成信息需要另行制作',
  ),
  o(
    'unavailable_unclear_after_clarification',
    '（四）无法提供/3.补正后申请内容仍不明确',
    '条例第三十条',
    '无法提供：补正后申请内容仍不明确',
  ),
  o(
    'not_processed_petition',
    '（五）不予处理/1.信访举报投诉类申请',
    '条例第三十九条第一款',
    '不予处理：信访举报投诉类申请',
  ),
  o('not_processed_repeat', '（五）不予处理/2.重复申请', '条例第三十六条第（六）项', '不予处理：重复申请'),
  o(
    'not_processed_publication',
    '（五）不予处理/3.要求提供公开出版物',
    '条例第三十九条第二款',
    '不予处理：要求提供公开出版物',
  ),
  o(
    'not_processed_excessive',
    '（五）不予处理/4.无正当理由大量反复申请',
    '条例第三十五条',
    '不予处理：无正当理由大量反复申请',
  ),
  o(
    'not_processed_confirmation',
    '（五）不予处理/5.要求行政机关确认或重新出具已获取信息',
    '条例第三十九条',
    '不予处理：要求行政机关确认或重新出具已获取信息',
  ),
  o(
    'other_no_clarification',
    '（六）其他处理/1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '条例第三十条',
    '其他处理：逾期不补正',
    '（六）其他处理',
    true,
  ),
  o(
    'other_fee_unpaid',
    '（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '条例第四十二条；国办函〔2020〕109号',
    '其他处理：逾期未缴纳信息处理费',
    '（六）其他处理',
    true,
  ),
  o(
    'other',
    '（六）其他处理/3.其他',
    '条例第三十三条',
    '其他处理：其他（含申请人撤回申请）',
    '（六）其他处理',
  ),
];

const BY_CODE = new Map(OUTCOMES.map((x) => [x.code, x]));

/** The definition of an outcome code, or undefined for an unknown code. */
export function findOutcome(code: string): OutcomeDef | undefined {
  return BY_CODE.get(code as OutcomeCode);
}

/** The Section 三 row an outcome is counted in, in the given format. */
export function outcomeRow(code: OutcomeCode, format: ReportFormat): string {
  const d = BY_CODE.get(code)!;
  return format === '2021' ? d.row2021 : d.row2019;
}
