/**
 * The head's approvals: one pending approval (on the case page and the list) with the exact letter approving it
 * now would issue (a draft), and the list of them.
 */
import type { FC } from 'hono/jsx';
import type { Approval, StaffUser } from '../../../core/entities.js';
import type { Letter } from '../../../core/letters/build-letters.js';
import type { ApprovalWithDraft } from '../../../app/cases/approvals.js';
import { findOutcome } from '../../../core/case/case-model.js';
import { Csrf, Field, Layout } from '../layout.js';
import { cstDate, type Flash } from '../shared.js';

/** A letter's text as it prints (title, 文号, addressee, body, basis, rights, organ, date, 附注). */
export const LetterText: FC<{ l: Letter }> = ({ l }) => (
  <div class="letter-text" style="border:1px solid #d8dbe0;background:#fff;padding:.8rem 1rem;margin:.5rem 0">
    <p style="text-align:center;font-weight:700;margin:0">
      {l.organName}
      <br />
      {l.title}
    </p>
    <p style="text-align:center;margin:0 0 .5rem">{l.number}</p>
    <p style="margin:0">{l.recipient}：</p>
    {[...l.paragraphs, `依据：${l.basis}。`, ...(l.rights ? [l.rights] : [])].map((p) => (
      <p style="text-indent:2em;margin:0">{p}</p>
    ))}
    <p style="text-align:right;margin:.8rem 2em 0 0">
      {l.sealImage ? '（印章）' : ''}
      {l.organName}
      <br />
      {l.date}
    </p>
    {l.contact ? (
      <p class="small" style="text-indent:2em;margin:.5rem 0 0">
        （联系地址：{l.contact.address}；邮政编码：{l.contact.postcode}；联系电话：{l.contact.phone}）
      </p>
    ) : null}
  </div>
);

/** The draft letter of a pending approval: shown in full, with HTML / PDF / Word of the same draft. */
export const DraftLetter: FC<{ approvalId: string; draft: Letter | null }> = ({ approvalId, draft }) =>
  draft ? (
    <details class="draft-letter" open>
      <summary>
        同意后将出具的{draft.title}（{draft.number}，预览）
      </summary>
      <LetterText l={draft} />
      <p class="small">
        预览：<a href={`/admin/approvals/${approvalId}/letter/preview.html`}>HTML</a> ·{' '}
        <a href={`/admin/approvals/${approvalId}/letter/preview.pdf`}>PDF</a> ·{' '}
        <a href={`/admin/approvals/${approvalId}/letter/preview.docx`}>Word</a>
      </p>
    </details>
  ) : (
    <p class="small muted">按当前办理状态，该事项现在不能被同意，无法预览文书。</p>
  );

export const ApprovalItem: FC<{
  p: Approval;
  canDecide: boolean;
  csrf: string;
  back: string;
  draft?: Letter | null;
}> = ({ p, canDecide, csrf, back, draft }) => (
  <div class="clock">
    <strong>{p.kind === 'extension' ? '延期' : '答复签发'}</strong>：案件{' '}
    <a href={`/admin/cases/${p.caseId}`}>{p.caseId}</a>，提请于{cstDate(p.requestedAt)}。
    {p.payload.kind === 'extended'
      ? `延长${p.payload.days}个工作日；理由：${p.payload.reason}`
      : p.payload.kind === 'decided'
        ? `答复类型：${findOutcome(p.payload.outcome)?.label}${p.payload.reasons ? `；${p.payload.reasons}` : ''}`
        : ''}
    {draft !== undefined ? <DraftLetter approvalId={p.id} draft={draft} /> : null}
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

export const ApprovalsPage: FC<{
  user: StaffUser;
  csrf: string;
  items: ApprovalWithDraft[];
  flash?: Flash;
}> = ({ user, csrf, items, flash }) => (
  <Layout title="待我审批" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>待我审批</h1>
    {items.length ? (
      items.map(({ approval, draft }) => (
        <ApprovalItem p={approval} canDecide csrf={csrf} back="/admin/approvals" draft={draft} />
      ))
    ) : (
      <p class="muted">没有待审批事项。</p>
    )}
  </Layout>
);
