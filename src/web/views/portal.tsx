/** The applicant's pages: choose the organ, apply, receipt, status by case number + query code, 补正, letters. */
import type { FC } from 'hono/jsx';
import type { Organ } from '../../core/entities.js';
import {
  APPLICANT_COLUMN,
  APPLICANT_TYPES,
  DELIVERY_LABEL,
  FORM_LABEL,
  findOutcome,
} from '../../core/case/case-model.js';
import { STATE_LABEL } from '../../core/case/case-machine.js';
import { cnDate } from '../../core/calendar/working-days.js';
import type { CaseView } from '../../app/cases/case-view.js';
import type { Letter } from '../../core/letters/build-letters.js';
import { Csrf, ErrorSummary, Field, Layout, OrganTree, Radios } from './layout.js';

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

const TYPE_LABEL: Record<string, string> = {
  natural_person: '自然人',
  commercial_enterprise: '法人或其他组织：商业企业',
  research_institution: '法人或其他组织：科研机构',
  social_welfare_organization: '法人或其他组织：社会公益组织',
  legal_service_organization: '法人或其他组织：法律服务机构',
  other_organization: '法人或其他组织：其他',
};

export const ApplyOrgans: FC<{ organs: Organ[] }> = ({ organs }) => (
  <Layout title="申请政府信息公开">
    <h1>申请政府信息公开</h1>
    <p>
      请选择掌握所需信息的机关。依照《中华人民共和国政府信息公开条例》第二十七条，公民、法人或者其他组织可以向地方各级人民政府、县级以上人民政府部门申请获取相关政府信息。无需注册账号。
    </p>
    <div class="card">
      <OrganTree organs={organs} href={(o) => `/apply/${o.id}`} />
    </div>
  </Layout>
);

export const ApplyForm: FC<{
  organ: Organ;
  csrf: string;
  values: Record<string, string>;
  fields: Record<string, string>;
}> = ({ organ, csrf, values, fields }) => (
  <Layout title={`向${organ.name}申请`}>
    <h1>向{organ.name}申请政府信息公开</h1>
    <p class="muted small">
      受理机构：{organ.officeName}；地址：{organ.address}；电话：{organ.phone}；办公时间：{organ.hours}。带 *
      的为必填项。
    </p>
    <ErrorSummary fields={fields} labels={APPLICATION_LABELS} />
    <form method="post" action={`/apply/${organ.id}`} novalidate>
      <Csrf token={csrf} />
      <Radios
        name="applicantType"
        legend="申请人类型"
        value={values.applicantType ?? 'natural_person'}
        error={fields.applicantType}
        options={APPLICANT_TYPES.map((t) => ({ value: t, label: TYPE_LABEL[t]! }))}
      />
      <fieldset>
        <legend>申请人信息（条例第二十九条第二款第（一）项）</legend>
        <Field
          name="name"
          label="姓名或名称"
          required
          value={values.name}
          error={fields.name}
          autocomplete="name"
        />
        <Field
          name="idNumber"
          label="身份证件号码 / 统一社会信用代码"
          required
          value={values.idNumber}
          error={fields.idNumber}
          hint="自然人填写18位身份证号码；法人或其他组织填写18位统一社会信用代码。仅用于身份证明，不会公开。"
        />
        <Field
          name="representative"
          label="法定代表人或负责人（法人或其他组织填写）"
          value={values.representative}
          error={fields.representative}
        />
        <Field
          name="phone"
          label="联系电话"
          type="tel"
          required
          value={values.phone}
          error={fields.phone}
          autocomplete="tel"
          inputmode="tel"
        />
        <Field
          name="email"
          label="电子邮箱"
          type="email"
          value={values.email}
          error={fields.email}
          autocomplete="email"
        />
        <Field
          name="address"
          label="通信地址"
          value={values.address}
          error={fields.address}
          autocomplete="street-address"
        />
        <Field
          name="postcode"
          label="邮政编码"
          value={values.postcode}
          error={fields.postcode}
          inputmode="numeric"
          autocomplete="postal-code"
        />
      </fieldset>
      <fieldset>
        <legend>所需信息（条例第二十九条第二款第（二）（三）项）</legend>
        <Field
          name="description"
          label="所需政府信息的名称、文号或者便于查询的其他特征性描述"
          required
          textarea
          value={values.description}
          error={fields.description}
          hint="请尽量写明信息名称、文号、形成时间等，以便准确检索。"
        />
        <Radios
          name="requestedForm"
          legend="获取信息的形式"
          value={values.requestedForm ?? 'electronic'}
          error={fields.requestedForm}
          options={Object.entries(FORM_LABEL).map(([value, label]) => ({ value, label }))}
        />
        <Radios
          name="delivery"
          legend="获取信息的方式"
          value={values.delivery ?? 'email'}
          error={fields.delivery}
          options={Object.entries(DELIVERY_LABEL).map(([value, label]) => ({ value, label }))}
        />
      </fieldset>
      <p class="small muted">提交即表示您确认所填信息真实。您的个人信息只用于办理本申请。</p>
      <button type="submit">提交申请</button>
    </form>
  </Layout>
);

export const Receipt: FC<{
  organ: Organ;
  caseId: string;
  code: string;
  receivedOn: string;
  dueOn: string | null;
  receiptText: string;
}> = (p) => (
  <Layout title="申请已提交" flash={{ kind: 'ok', text: '您的申请已提交。' }}>
    <h1>申请回执</h1>
    <div class="card">
      <dl class="facts">
        <dt>受理机关</dt>
        <dd>{p.organ.name}</dd>
        <dt>案件编号</dt>
        <dd>
          <strong id="case-id">{p.caseId}</strong>
        </dd>
        <dt>查询码</dt>
        <dd>
          <span class="receipt-code" id="query-code">
            {p.code}
          </span>
        </dd>
        <dt>收到日期</dt>
        <dd>{cnDate(p.receivedOn)}</dd>
        <dt>答复期限</dt>
        <dd id="due-on">{p.dueOn ? `${cnDate(p.dueOn)}前（20个工作日，条例第三十三条）` : '—'}</dd>
      </dl>
      <p class="small muted">{p.receiptText}</p>
      <p>
        <strong>请记下案件编号和查询码。</strong>查询码只显示这一次，凭它查询进度、在线补正和下载答复书。
      </p>
      <p>
        <a class="button" href="/status">
          查询办理进度
        </a>
      </p>
    </div>
  </Layout>
);

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
}> = ({ v, letters, csrf, fields = {}, flash }) => {
  const s = v.snapshot;
  const outcome = s.outcome ? findOutcome(s.outcome) : undefined;
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
              <dd>{cnDate(v.status.due)}</dd>
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
      {s.state === 'awaiting_clarification' ? (
        <section class="card" aria-labelledby="clar-h">
          <h2 id="clar-h">补正申请</h2>
          <p>本机关请您补正以下内容（条例第三十条）：</p>
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
