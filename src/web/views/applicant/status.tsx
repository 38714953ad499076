/** The applicant's status pages: the query by case number + query code, and the case with 补正 and letters. */
import type { Attachment } from '../../../core/entities.js';
import type { FC } from 'hono/jsx';
import { APPLICANT_COLUMN, findOutcome } from '../../../core/case/case-model.js';
import { STATE_LABEL } from '../../../core/case/case-machine.js';
import { cnDate } from '../../../core/calendar/working-days.js';
import type { CaseView } from '../../../app/cases/case-view.js';
import type { Letter } from '../../../core/letters/build-letters.js';
import { Csrf, Field, Layout } from '../layout.js';

export const StatusQuery: FC<{ csrf: string; error?: string | undefined; caseId?: string | undefined }> = ({
  csrf,
  error,
  caseId,
}) => (
  <Layout title="查询办理进度">
    <h1>查询办理进度</h1>
    {error ? (
      <p class="flash err" role="alert">
        {error}
      </p>
    ) : null}
    <form method="post" action="/status" class="card">
      <Csrf token={csrf} />
      <Field name="caseId" label="案件编号" required value={caseId} hint="例如 TH-2026-0001" />
      <Field name="code" label="查询码" required autocomplete="off" />
      <button type="submit">查询</button>
    </form>
  </Layout>
);

export const StatusPage: FC<{
  v: CaseView;
  letters: Letter[];
  csrf: string;
  fields?: Record<string, string>;
  flash?: { kind: 'ok' | 'err'; text: string } | null;
  /** the information released to the applicant (after the signed reply and its 保密审查) */
  released?: Attachment[];
}> = ({ v, letters, csrf, fields = {}, flash, released = [] }) => {
  const s = v.snapshot;
  const outcome = s.outcome ? findOutcome(s.outcome) : undefined;
  const clarificationDue = v.clocks.find((c) => c.key === 'clarification_reply')?.due ?? null;
  return (
    <Layout title={`案件${v.row.id}`} flash={flash ?? null}>
      <h1>案件 {v.row.id}</h1>
      <div class="card">
        <dl class="facts">
          <dt>受理机关</dt>
          <dd>{v.organ.name}</dd>
          <dt>申请类型</dt>
          <dd>{APPLICANT_COLUMN[v.row.applicantType]}</dd>
          <dt>收到日期</dt>
          <dd>{cnDate(v.row.receivedOn)}</dd>
          <dt>办理状态</dt>
          <dd id="state">
            <strong>{STATE_LABEL[s.state]}</strong>
          </dd>
          {v.status.due ? (
            <>
              <dt>答复期限</dt>
              <dd id="due">
                {cnDate(v.status.due)}
                {v.status.provisional ? (
                  <>
                    {' '}
                    <span class="badge soon">暂定</span>
                    <br />
                    <span class="small muted" id="due-provisional">
                      {v.status.provisionalReason}。
                    </span>
                  </>
                ) : null}
              </dd>
            </>
          ) : null}
          {outcome ? (
            <>
              <dt>办理结果</dt>
              <dd id="outcome">{outcome.label}</dd>
            </>
          ) : null}
        </dl>
      </div>
      {s.clarification?.receivedOn && s.state !== 'awaiting_clarification' ? (
        <p class="flash ok" id="clarification-received">
          本机关已于{cnDate(s.clarification.receivedOn)}收到您的补正，答复期限自该日起重新计算。
        </p>
      ) : null}
      {s.state === 'awaiting_clarification' ? (
        <section class="card" aria-labelledby="clar-h">
          <h2 id="clar-h">补正申请</h2>
          <p>本机关请您补正以下内容（条例第三十条）：</p>
          {clarificationDue ? (
            <p id="clarification-due">
              <strong>请于{cnDate(clarificationDue)}前补正</strong>
              ；逾期无正当理由不补正的，视为放弃申请。
            </p>
          ) : null}
          <ol>
            {s.clarification!.items.map((x) => (
              <li>{x}</li>
            ))}
          </ol>
          <form method="post" action={`/status/${v.row.id}/clarification`} enctype="multipart/form-data">
            <Csrf token={csrf} />
            <Field
              name="text"
              label="补正内容"
              textarea
              required
              error={fields.text}
              hint="请逐项说明。答复期限自本机关收到补正之日起重新计算。"
            />
            <div class="field">
              <label for="f-file">补正材料（可选；PDF、JPG、PNG、DOCX，10MB以内）</label>
              <input id="f-file" type="file" name="file" />
            </div>
            <button type="submit">提交补正</button>
          </form>
        </section>
      ) : null}
      <h2>文书</h2>
      {letters.length ? (
        <ul>
          {letters.map((l) => (
            <li>
              {l.title}（{l.date}）：<a href={`/status/${v.row.id}/letters/${l.id}.html`}>查看</a> ·{' '}
              <a href={`/status/${v.row.id}/letters/${l.id}.pdf`}>下载PDF</a> ·{' '}
              <a href={`/status/${v.row.id}/letters/${l.id}.docx`}>下载Word</a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">暂无。</p>
      )}
      {released.length ? (
        <section aria-labelledby="released-h">
          <h2 id="released-h">公开的政府信息</h2>
          <ul id="released">
            {released.map((f) => (
              <li>
                <a href={`/status/${v.row.id}/files/${f.id}`}>{f.filename}</a>（{Math.ceil(f.size / 1024)}{' '}
                KB）
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>办理记录</h2>
      <ol class="timeline">
        {v.events.map((e) => (
          <li>
            <strong>{cnDate(e.event.on)}</strong> {EVENT_PUBLIC_LABEL[e.event.kind] ?? e.event.kind}
          </li>
        ))}
      </ol>
    </Layout>
  );
};

const EVENT_PUBLIC_LABEL: Record<string, string> = {
  registered: '收到申请',
  clarification_requested: '告知补正',
  clarification_received: '收到补正',
  clarification_lapsed: '逾期未补正，终止办理',
  third_party_consulted: '征求第三方意见',
  third_party_replied: '收到第三方意见',
  co_producer_consulted: '征求有关机关意见',
  co_producer_replied: '收到有关机关意见',
  extended: '延长答复期限',
  fee_notice_issued: '发出收费通知',
  fee_paid: '已缴费',
  fee_lapsed: '逾期未缴费，终止办理',
  withdrawn: '申请人撤回申请',
  decided: '作出答复',
  delivered: '送达',
  reopened: '重新办理',
};
