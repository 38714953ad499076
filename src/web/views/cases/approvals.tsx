/** The head's approvals: one pending approval (on the case page and the list) and the list of them. */
import type { FC } from 'hono/jsx';
import type { Approval, StaffUser } from '../../../core/entities.js';
import { findOutcome } from '../../../core/case/case-model.js';
import { Csrf, Field, Layout } from '../layout.js';
import type { Flash } from '../shared.js';

export const ApprovalItem: FC<{ p: Approval; canDecide: boolean; csrf: string; back: string }> = ({
  p,
  canDecide,
  csrf,
  back,
}) => (
  <div class="clock">
    <strong>{p.kind === 'extension' ? '延期' : '答复签发'}</strong>：案件{' '}
    <a href={`/admin/cases/${p.caseId}`}>{p.caseId}</a>，提请于{p.requestedAt.slice(0, 10)}。
    {p.payload.kind === 'extended'
      ? `延长${p.payload.days}个工作日；理由：${p.payload.reason}`
      : p.payload.kind === 'decided'
        ? `答复类型：${findOutcome(p.payload.outcome)?.label}${p.payload.reasons ? `；${p.payload.reasons}` : ''}`
        : ''}
    {canDecide ? (
      <form method="post" action={`/admin/approvals/${p.id}`}>
        <Csrf token={csrf} />
        <input type="hidden" name="back" value={back} />
        <Field name="comment" label="意见" />
        <button type="submit" name="decision" value="approve">
          同意{p.kind === 'decision' ? '并签发' : ''}
        </button>{' '}
        <button type="submit" name="decision" value="reject" class="secondary">
          退回
        </button>
      </form>
    ) : null}
  </div>
);

export const ApprovalsPage: FC<{ user: StaffUser; csrf: string; items: Approval[]; flash?: Flash }> = ({
  user,
  csrf,
  items,
  flash,
}) => (
  <Layout title="待我审批" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>待我审批</h1>
    {items.length ? (
      items.map((p) => <ApprovalItem p={p} canDecide csrf={csrf} back="/admin/approvals" />)
    ) : (
      <p class="muted">没有待审批事项。</p>
    )}
  </Layout>
);
