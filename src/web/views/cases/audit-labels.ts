/** Chinese names for the audit log's action codes and roles (the codes stay stable in the data). */
import { TRANSITIONS } from '../../../core/case/case-machine.js';

const FIXED: Record<string, string> = {
  login: '登录',
  logout: '退出',
  'login.failed': '登录失败',
  'login.throttled': '连续登录失败后须等待期间的登录尝试',
  'case.registered': '登记申请',
  'case.view': '查看案件（含申请人信息）',
  'case.code_reissued': '重新发放查询码',
  'case.release_review': '拟公开文件的保密审查',
  'case.release_download': '申请人下载公开的政府信息',
  'staff.password_changed': '修改本人密码',
  'attachment.add': '上传案件附件',
  'attachment.reclassify': '更改案件附件类别',
  'attachment.remove': '移除案件附件',
  'notice.sent': '向申请人或工作人员发送通知',
  'jobs.retry': '重试失败的后台任务',
  'jobs.purge': '删除失败的后台任务',
  'notices.prefs': '修改本人的通知设置',
  'review.add': '登记行政复议/行政诉讼',
  'export.cases': '导出案件列表（已脱敏）',
  'approval.request.extension': '提请负责人同意延期',
  'approval.request.decision': '提请负责人签发答复',
  'approval.approve.extension': '同意延期',
  'approval.reject.extension': '退回延期申请',
  'approval.approve.decision': '签发答复',
  'approval.reject.decision': '退回答复稿',
  'item.create': '拟稿',
  'item.edit': '修改稿件',
  'item.file': '上传信息附件',
  'item.attributed': '公开属性认定',
  'item.reviewed': '保密审查',
  'item.approved': '审核同意发布',
  'item.published': '发布',
  'item.publish_scheduled': '安排定时发布（到点由后台任务发布）',
  'item.revised': '修订',
  'item.withdrawn': '撤回',
  'item.validity_changed': '变更有效性',
  'organ.create': '增加机关',
  'organ.report_deadline': '设置所属机关年报期限',
  'column.add': '增加栏目',
  'column.rename': '修改栏目',
  'organ.update': '修改机关信息',
  'organ.seal.upload': '上传电子印章',
  'organ.seal.remove': '删除电子印章',
  'letter.correct': '出具替代文书（更正）',
  'calendar.edit': '修改工作日历',
  'calendar.remove': '删除工作日历条目',
  'api_token.issue': '签发接口令牌',
  'api_token.revoke': '吊销接口令牌',
  'api.cases.list': '接口：查询案件列表',
  'api.case.view': '接口：查看案件（含申请人信息）',
  'api.statistics': '接口：查询统计',
  'staff.create': '新建账号',
  'staff.role': '变更账号角色',
  'staff.disable': '停用账号',
  'staff.enable': '启用账号',
  'staff.reset': '重置密码',
};

export const ROLE_LABEL: Record<string, string> = {
  clerk: '经办人',
  head: '审核人/负责人',
  admin: '管理员',
  supervisor: '上级主管部门',
  applicant: '申请人',
  system: '系统',
};

/** The action in words; an unknown code is shown as it is rather than hidden. */
export function auditActionLabel(action: string): string {
  const fixed = FIXED[action];
  if (fixed) return fixed;
  if (action.startsWith('case.')) {
    const t = TRANSITIONS.find((x) => x.event === action.slice(5));
    if (t) return `案件：${t.label}`;
  }
  return action;
}
