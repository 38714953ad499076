/** The back office's case page: the application, every clock, approvals, actions, records, letters and files. */
import type { FC } from 'hono/jsx';
import type { Organ, ReleaseReview, StaffUser } from '../../../core/entities.js';
import { CaseAttachments } from './case-attachments.js';
import {
  APPLICANT_COLUMN,
  CHANNEL_LABEL,
  DELIVERY_LABEL,
  FORM_LABEL,
  findOutcome,
  ID_TYPES,
} from '../../../core/case/case-model.js';
import { STATE_LABEL } from '../../../core/case/case-machine.js';
import { cnDate } from '../../../core/calendar/working-days.js';
import type { CaseView } from '../../../app/cases/case-view.js';
import type { Letter } from '../../../core/letters/build-letters.js';
import { Csrf, Field, Layout, Select } from '../layout.js';
import { cst, type Flash } from '../shared.js';
import { StatusBadge } from './case-list.js';
import { ApprovalItem } from './approvals.js';
import { CaseActions, EVENT_LABEL } from './case-actions.js';

/** The letters as issued (a replaced one marked 已被替代), and the head's form to replace a wrong one. */
const CaseLetters: FC<{ caseId: string; letters: Letter[]; csrf: string; canCorrect: boolean }> = ({
  caseId,
  letters,
  csrf,
  canCorrect,
}) => (
  <section aria-labelledby="letters-h">
    <h2 id="letters-h">文书</h2>
    {letters.length ? (
      <ul>
        {letters.map((l) => (
          <li>
            {l.title} {l.number}（{l.date}）
            {l.replacedBy ? <span class="badge overdue">已被替代（{l.replacedBy}）</span> : null}
            {l.replaces ? <span class="small muted">替代{l.replaces.number}</span> : null}：
            <a href={`/admin/cases/${caseId}/letters/${l.id}.html`}>HTML</a> ·{' '}
            <a href={`/admin/cases/${caseId}/letters/${l.id}.docx`}>Word</a> ·{' '}
            <a href={`/admin/cases/${caseId}/letters/${l.id}.pdf`}>PDF</a>
            {canCorrect && !l.replacedBy ? (
              <details class="actions">
                <summary>出具替代文书（更正）</summary>
                <form method="post" action={`/admin/cases/${caseId}/letters/${l.id}/correct`}>
                  <Csrf token={csrf} />
                  <Field
                    name="reason"
                    label="更正原因"
                    required
                    hint="按现在的办理记录、机关信息和工作日历重新出具，新文书写明替代本文书；本文书保留，标记为已被替代。"
                  />
                  <button type="submit">出具替代文书</button>
                </form>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
    ) : (
      <p class="muted">暂无。</p>
    )}
  </section>
);

const ACTOR_NAME: Record<string, string> = {
  clerk: '经办人',
  head: '负责人',
  admin: '管理员',
  applicant: '申请人',
  system: '系统',
};

export const CasePage: FC<{
  user: StaffUser;
  csrf: string;
  v: CaseView;
  letters: Letter[];
  flash?: Flash;
  organs: Organ[];
  /** the latest 保密审查 of each file to be released */
  releaseReviews?: ReadonlyMap<string, ReleaseReview>;
}> = ({ user, csrf, v, letters, flash, organs, releaseReviews }) => {
  const s = v.snapshot;
  const a = s.facts?.applicant;
  const own = v.row.organId === user.organId;
  const pending = v.approvals.filter((p) => p.status === 'pending');
  const outcome = s.outcome ? findOutcome(s.outcome) : undefined;
  const first = v.events[0]?.event;
  const receiptReason = first?.kind === 'registered' ? first.receiptReason : undefined;
  return (
    <Layout title={`案件${v.row.id}`} user={user} csrf={csrf} flash={flash ?? null}>
      <h1>
        案件 {v.row.id} <StatusBadge row={v.row} today={v.today} />
      </h1>
      <div class="grid2">
        <section class="card" aria-labelledby="facts-h">
          <h2 id="facts-h">申请</h2>
          <dl class="facts">
            <dt>机关</dt>
            <dd>{organs.find((o) => o.id === v.row.organId)?.name}</dd>
            <dt>申请人</dt>
            <dd>
              {a?.name}（{a ? APPLICANT_COLUMN[a.type] : ''}）
            </dd>
            <dt>身份证明</dt>
            <dd>
              {a?.idNumber
                ? `${ID_TYPES[a.idType ?? (a.type === 'natural_person' ? 'resident_id' : 'credit_code')]} ${a.idNumber}`
                : '未提供'}
            </dd>
            {a?.representative ? (
              <>
                <dt>负责人</dt>
                <dd>{a.representative}</dd>
              </>
            ) : null}
            <dt>联系电话</dt>
            <dd>{a?.phone}</dd>
            {a?.email ? (
              <>
                <dt>电子邮箱</dt>
                <dd>{a.email}</dd>
              </>
            ) : null}
            {a?.address ? (
              <>
                <dt>地址</dt>
                <dd>{a.address}</dd>
              </>
            ) : null}
            <dt>渠道</dt>
            <dd>{s.facts ? CHANNEL_LABEL[s.facts.channel] : ''}</dd>
            <dt>查询码</dt>
            <dd>
              {own && user.role !== 'supervisor' ? (
                <form method="post" action={`/admin/cases/${v.row.id}/query-code`} class="inline">
                  <Csrf token={csrf} />
                  <button type="submit" class="secondary">
                    重新发放查询码
                  </button>
                  <span class="small muted">（原查询码随即失效）</span>
                </form>
              ) : (
                <span class="muted">由申请人保管</span>
              )}
            </dd>
            <dt>所需信息</dt>
            <dd>{s.facts?.description}</dd>
            <dt>形式/方式</dt>
            <dd>
              {s.facts ? `${FORM_LABEL[s.facts.requestedForm]} / ${DELIVERY_LABEL[s.facts.delivery]}` : ''}
            </dd>
            <dt>收到日期</dt>
            <dd>
              {s.receivedOn ? cnDate(s.receivedOn) : ''}
              {receiptReason ? (
                <>
                  <br />
                  <span class="small muted" id="receipt-reason">
                    {receiptReason}
                  </span>
                </>
              ) : null}
            </dd>
            <dt>状态</dt>
            <dd id="state">{STATE_LABEL[s.state]}</dd>
            {outcome ? (
              <>
                <dt>办理结果</dt>
                <dd id="outcome">
                  {outcome.label}（{outcome.article}）
                </dd>
              </>
            ) : null}
          </dl>
          {s.facts?.missing?.length ? (
            <p class="flash err" id="missing">
              申请内容不完整（条例第二十九条），应一次性告知补正（条例第三十条）：缺少
              {s.facts.missing.join('、')}。
            </p>
          ) : null}
          {s.warnings.map((w) => (
            <p class="flash err">{w.message}</p>
          ))}
        </section>
        <section class="card" aria-labelledby="clock-h">
          <h2 id="clock-h">期限</h2>
          {v.status.due ? (
            <p>
              <strong>答复期限：{cnDate(v.status.due)}</strong>{' '}
              {v.status.provisional ? (
                <span class="badge soon" title={v.status.provisionalReason ?? ''}>
                  暂定
                </span>
              ) : null}
              {v.status.overdue ? (
                <span class="badge overdue">已逾期{-(v.status.daysLeft ?? 0)}个工作日</span>
              ) : v.status.daysLeft !== null ? (
                <span class={`badge ${v.status.dueSoon ? 'soon' : ''}`}>尚余{v.status.daysLeft}个工作日</span>
              ) : null}
              {v.status.answeredLate ? <span class="badge overdue">逾期答复</span> : null}
            </p>
          ) : v.status.suspended ? (
            <p>
              <strong>答复期限暂停计算</strong>
            </p>
          ) : null}
          {v.clocks.map((c) => (
            <div class="clock">
              <strong>{c.label}</strong>（{c.article}）：{c.due ? cnDate(c.due) : '暂停'}
              {c.provisional ? <span class="badge soon">暂定</span> : null}
              {c.metOn ? ' ✓' : ''}
              <br />
              <span class="small">{c.text}</span>
            </div>
          ))}
        </section>
      </div>
      {pending.length ? (
        <section class="card" aria-labelledby="appr-h">
          <h2 id="appr-h">待负责人审批</h2>
          {pending.map((p) => (
            <ApprovalItem
              p={p}
              canDecide={user.role === 'head' && own}
              csrf={csrf}
              back={`/admin/cases/${v.row.id}`}
              draft={letters.find((l) => l.draftFor === p.id) ?? null}
            />
          ))}
        </section>
      ) : null}
      <CaseActions v={v} csrf={csrf} />
      <section aria-labelledby="tl-h">
        <h2 id="tl-h">办理记录</h2>
        <ol class="timeline">
          {v.events.map((e) => (
            <li>
              <strong>{cnDate(e.event.on)}</strong> {EVENT_LABEL[e.event.kind]}（
              {ACTOR_NAME[e.actorRole] ?? e.actorRole}）
              {e.event.kind === 'decided' ? `：${findOutcome(e.event.outcome)?.label}` : ''}
              {e.event.kind === 'extended' ? `：${e.event.days}个工作日，经${e.event.approvedBy}同意` : ''}
              <br />
              <span class="small muted">记录于{cst(e.recordedAt)}</span>
            </li>
          ))}
        </ol>
      </section>
      <CaseLetters
        caseId={v.row.id}
        letters={letters.filter((l) => !l.draftFor)}
        csrf={csrf}
        canCorrect={user.role === 'head' && own}
      />
      <CaseAttachments
        caseId={v.row.id}
        files={v.attachments}
        reviews={releaseReviews}
        canChange={own && user.role !== 'supervisor'}
        canReview={own && user.role === 'head'}
        csrf={csrf}
      />
      <section aria-labelledby="rv-h">
        <h2 id="rv-h">行政复议、行政诉讼</h2>
        {v.reviews.length ? (
          <ul>
            {v.reviews.map((r) => (
              <li>
                {
                  (
                    {
                      review: '行政复议',
                      litigation_direct: '行政诉讼（未经复议直接起诉）',
                      litigation_after_review: '行政诉讼（复议后起诉）',
                    } as Record<string, string>
                  )[r.kind]
                }{' '}
                {r.reference}，{r.filedOn}；
                {r.result
                  ? `${({ upheld: '结果维持', corrected: '结果纠正', other: '其他结果' } as Record<string, string>)[r.result]}（${r.concludedOn}）`
                  : '尚未审结'}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">无。</p>
        )}
        {own && user.role !== 'supervisor' ? (
          <details class="actions">
            <summary>登记行政复议或行政诉讼</summary>
            <form method="post" action={`/admin/cases/${v.row.id}/reviews`}>
              <Csrf token={csrf} />
              <Select
                name="kind"
                label="类型"
                options={[
                  { value: 'review', label: '行政复议' },
                  { value: 'litigation_direct', label: '行政诉讼：未经复议直接起诉' },
                  { value: 'litigation_after_review', label: '行政诉讼：复议后起诉' },
                ]}
              />
              <Field name="reference" label="案号或决定书文号" required />
              <Field name="filedOn" label="申请或起诉日期" type="date" required />
              <Field name="concludedOn" label="审结日期（尚未审结的不填）" type="date" />
              <Select
                name="result"
                label="结果"
                options={[
                  { value: '', label: '尚未审结' },
                  { value: 'upheld', label: '结果维持' },
                  { value: 'corrected', label: '结果纠正' },
                  { value: 'other', label: '其他结果' },
                ]}
              />
              <button type="submit">登记</button>
            </form>
          </details>
        ) : null}
      </section>
    </Layout>
  );
};
