import { ID_TYPES, type IdType, ORG_ID_TYPES } from '../../../core/case/case-model.js';
/** The application form's field names in Chinese (error summaries of the applicant's and the staff's forms). */

export const APPLICATION_LABELS: Record<string, string> = {
  // in the order the fields appear (the staff's registration form starts with the channel and dates)
  channel: '申请渠道',
  submittedOn: '提交日期',
  signedOn: '签收日期',
  confirmedOn: '确认日期',
  applicantType: '申请人类型',
  name: '姓名或名称',
  idType: '身份证明种类',
  idNumber: '证件号码',
  representative: '法定代表人或负责人',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  postcode: '邮政编码',
  description: '所需信息的描述',
  requestedForm: '获取信息的形式',
  delivery: '获取信息的方式',
  notifyEmail: '电子邮件通知',
  notifySms: '短信通知',
  idCopy: '身份证明复印件',
  authorization: '委托书',
};

/** The kinds of 身份证明 (条例第二十九条), for the form's list: a person's documents, then an organisation's. */
export const ID_TYPE_OPTIONS = [
  { value: '', label: '请选择（自然人默认居民身份证，法人或其他组织默认统一社会信用代码）' },
  ...Object.entries(ID_TYPES).map(([value, label]) => ({
    value,
    label: ORG_ID_TYPES.includes(value as IdType) ? `${label}（法人或其他组织）` : label,
  })),
];
