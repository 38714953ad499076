/** The audit log page. */
import type { FC } from 'hono/jsx';
import type { AuditEntry, StaffUser } from '../../../core/entities.js';
import { Layout } from '../layout.js';
import { cst } from '../shared.js';
import { ROLE_LABEL, auditActionLabel } from './audit-labels.js';

export const AuditPage: FC<{
  user: StaffUser;
  csrf: string;
  entries: AuditEntry[];
  names: Record<string, string>;
}> = ({ user, csrf, entries, names }) => (
  <Layout title="操作日志" user={user} csrf={csrf}>
    <h1>操作日志</h1>
    <p class="muted small">只追加、不可修改。显示最近{entries.length}条。</p>
    <table>
      <thead>
        <tr>
          <th scope="col">时间</th>
          <th scope="col">用户</th>
          <th scope="col">角色</th>
          <th scope="col">操作</th>
          <th scope="col">案件</th>
          <th scope="col">来源</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr>
            <td class="nowrap">{cst(e.at)}</td>
            <td>{e.userId ? (names[e.userId] ?? e.userId) : e.role === 'applicant' ? '申请人' : '—'}</td>
            <td class="nowrap">{ROLE_LABEL[e.role] ?? e.role}</td>
            <td>{auditActionLabel(e.action)}</td>
            <td class="nowrap">{e.caseId ? <a href={`/admin/cases/${e.caseId}`}>{e.caseId}</a> : ''}</td>
            <td>{e.ip}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </Layout>
);
