/** The case page's 办理 section: one form per action the transition table allows, with the fields it needs. */
import type { FC } from 'hono/jsx';
import { DELIVERY_LABEL, OUTCOMES } from '../../../core/case/case-model.js';
import { TRANSITIONS, findTransition } from '../../../core/case/case-machine.js';
import type { CaseEventKind } from '../../../core/case/case-event.js';
import type { CaseView } from '../../../app/cases/case-view.js';
import { Csrf, Field, Select } from '../layout.js';

export const EVENT_LABEL: Record<string, string> = Object.fromEntries(
  TRANSITIONS.map((t) => [t.event, t.label]),
);

/** The form fields each action needs. */
function ActionFields({ kind, v, today }: { kind: CaseEventKind; v: CaseView; today: string }) {
  const on = <Field name="on" label="日期" type="date" required value={today} max={today} />;
  switch (kind) {
    case 'clarification_requested':
      return (
        <>
          {on}
          <Field
            name="items"
            label="需要补正的事项（每行一项，一次性告知）"
            textarea
            required
            value={(v.snapshot.facts?.missing ?? []).map((m) => `请补充${m}`).join('\n')}
          />
          <Field name="replyWithinDays" label="补正期限（工作日）" type="number" value="15" />
        </>
      );
    case 'third_party_consulted':
      return (
        <>
          {on}
          <Field name="party" label="第三方名称" required />
          <Field name="receivedOn" label="第三方收到征求意见书日期" type="date" value={today} />
        </>
      );
    case 'co_producer_consulted':
      return (
        <>
          {on}
          <Field name="organ" label="共同制作机关" required />
          <Field name="receivedOn" label="对方收到日期" type="date" value={today} />
        </>
      );
    case 'third_party_replied':
    case 'co_producer_replied': {
      const open = v.snapshot.pauses.filter(
        (p) =>
          p.to === undefined && p.kind === (kind === 'third_party_replied' ? 'third_party' : 'co_producer'),
      );
      return (
        <>
          {on}
          <Select
            name={kind === 'third_party_replied' ? 'party' : 'organ'}
            label="答复方"
            options={open.map((p) => ({ value: p.subject, label: p.subject }))}
          />
          <Select
            name="answer"
            label="意见"
            options={[
              { value: 'consent', label: '同意公开' },
              { value: 'objection', label: '不同意公开' },
              { value: 'no_answer', label: '逾期未答复' },
            ]}
          />
        </>
      );
    }
    case 'extended':
      return (
        <>
          {on}
          <Field name="days" label="延长工作日数（最长20个工作日）" type="number" value="20" required />
          <Field name="reason" label="延期理由" required />
        </>
      );
    case 'fee_notice_issued':
      return (
        <>
          {on}
          <Select
            name="method"
            label="计收方式（只能选一种）"
            options={[
              { value: 'per_piece', label: '按件计收' },
              { value: 'per_volume', label: '按量计收' },
            ]}
          />
          <Field name="quantity" label="件数（按件）或页数（按量）" type="number" required />
          <Field name="alreadyThisMonth" label="按件：该申请人本自然月已计件数" type="number" value="0" />
          <Field name="receivedOn" label="申请人收到通知日期" type="date" value={today} />
        </>
      );
    case 'decided':
      return (
        <>
          {on}
          <Select
            name="outcome"
            label="答复类型（对应年度报告第三部分的一行）"
            options={OUTCOMES.filter((o) => !o.byEventOnly).map((o) => ({ value: o.code, label: o.label }))}
          />
          <Field name="reasons" label="理由和说明" textarea />
        </>
      );
    case 'delivered':
      return (
        <>
          {on}
          <Field
            name="method"
            label="送达方式"
            required
            value={DELIVERY_LABEL[v.snapshot.facts?.delivery ?? 'post']}
          />
        </>
      );
    case 'reopened':
      return (
        <>
          {on}
          <Field name="reason" label="重新办理的原因（如行政复议决定书文号）" required />
        </>
      );
    default:
      return on;
  }
}

/** The actions open to this user today, direct or via the head's approval (app/cases/case-view.ts). */
export const CaseActions: FC<{ v: CaseView; csrf: string }> = ({ v, csrf }) => {
  const s = v.snapshot;
  const { direct, viaApproval } = v.actions;
  if (!direct.length && !viaApproval.length) return null;
  return (
    <section class="actions" aria-labelledby="act-h">
      <h2 id="act-h">办理</h2>
      {viaApproval.map((k) => (
        <details>
          <summary>{k === 'extended' ? '提请负责人同意延期' : '拟办答复，提请负责人签发'}</summary>
          <form method="post" action={`/admin/cases/${v.row.id}/approvals/${k}`}>
            <Csrf token={csrf} />
            <ActionFields kind={k} v={v} today={v.today} />
            <button type="submit">提交审批</button>
          </form>
        </details>
      ))}
      {direct.map((k) => (
        <details>
          <summary>
            {EVENT_LABEL[k]}（{findTransition(s.state, k)!.article}）
          </summary>
          <form method="post" action={`/admin/cases/${v.row.id}/events/${k}`}>
            <Csrf token={csrf} />
            <ActionFields kind={k} v={v} today={v.today} />
            <button type="submit">{EVENT_LABEL[k]}</button>
          </form>
        </details>
      ))}
    </section>
  );
};
