/** The application form's field names in Chinese (error summaries of the applicant's and the staff's forms). */

export const APPLICATION_LABELS: Record<string, string> = {
  applicantType: '申请人类型',
  name: '姓名或名称',
  idNumber: '身份证件号码或统一社会信用代码',
  representative: '法定代表人或负责人',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  postcode: '邮政编码',
  description: '所需信息的描述',
  requestedForm: '获取信息的形式',
  delivery: '获取信息的方式',
  channel: '申请渠道',
  submittedOn: '提交日期',
  signedOn: '签收日期',
  confirmedOn: '确认日期',
};
