/** The back office: login, case list, registration, the case page with every clock and the allowed actions. */
import type { FC } from 'hono/jsx';
import type {
  ApiToken,
  AuditEntry,
  Approval,
  CaseRow,
  ColumnRow,
  Organ,
  StaffUser,
} from '../../core/entities.js';
import {
  APPLICANT_COLUMN,
  CHANNEL_LABEL,
  DELIVERY_LABEL,
  FORM_LABEL,
  OUTCOMES,
  findOutcome,
} from '../../core/case/case-model.js';
import { STATE_LABEL, TRANSITIONS, findTransition } from '../../core/case/case-machine.js';
import type { CaseEventKind } from '../../core/case/case-event.js';
import { cnDate } from '../../core/calendar/working-days.js';
import type { CaseList, CaseView, ListTab } from '../../app/cases/case-view.js';
import type { Letter } from '../../core/letters/build-letters.js';
import { ATTACHMENT_KIND_LABEL } from '../../app/cases/attachments.js';
import { Csrf, ErrorSummary, Field, Layout, Pager, Radios, Select } from './layout.js';
import { APPLICATION_LABELS } from './portal.js';
import { GroupedColumns, StackedBars } from './charts.js';
import { indexNumber } from '../../core/publication/item-model.js';
import { ROLE_LABEL, auditActionLabel } from './audit-labels.js';

type Flash = { kind: 'ok' | 'err'; text: string } | null;

/** A stored instant shown in China Standard Time. */
function cst(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : new Date(d.getTime() + 8 * 3600000).toISOString().replace('T', ' ').slice(0, 19);
}

export const LoginPage: FC<{ csrf: string; error?: string | undefined; username?: string | undefined }> = ({
  csrf,
  error,
  username,
}) => (
  <Layout title="工作人员登录">
    <h1>工作人员登录</h1>
    {error ? (
      <p class="flash err" role="alert">
        {error}
      </p>
    ) : null}
    <form method="post" action="/admin/login" class="card">
      <Csrf token={csrf} />
      <Field name="username" label="用户名" required value={username} autocomplete="username" />
      <Field name="password" label="密码" type="password" required autocomplete="current-password" />
      <button type="submit">登录</button>
    </form>
  </Layout>
);

const TAB_LABEL: Record<ListTab, string> = {
  open: '办理中',
  mine: '我的',
  due_soon: '5个工作日内到期',
  overdue: '已逾期',
  closed: '已办结',
  all: '全部',
};

export function StatusBadge({ row, today }: { row: CaseRow; today: string }) {
  const open = ['registered', 'awaiting_clarification', 'consulting', 'awaiting_fee'].includes(row.state);
  if (!open) return <span class="badge ok">{STATE_LABEL[row.state]}</span>;
  if (row.dueOn && row.dueOn < today) return <span class="badge overdue">已逾期</span>;
  return <span class="badge">{STATE_LABEL[row.state]}</span>;
}

export const CaseListPage: FC<{
  user: StaffUser;
  csrf: string;
  list: CaseList;
  tab: ListTab;
  search: string;
  today: string;
  flash?: Flash;
}> = ({ user, csrf, list, tab, search, today, flash }) => (
  <Layout title="案件" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>依申请公开案件</h1>
    <ul class="tabs" aria-label="筛选">
      {(Object.keys(TAB_LABEL) as ListTab[]).map((t) => (
        <li>
          <a href={`/admin?tab=${t}`} aria-current={t === tab ? 'page' : undefined}>
            {TAB_LABEL[t]}（{list.counts[t]}）
          </a>
        </li>
      ))}
    </ul>
    <form method="get" action="/admin" class="field search-row">
      <input type="hidden" name="tab" value={tab} />
      <label for="q">搜索（编号、申请人、内容）</label>
      <span class="inline-input">
        <input id="q" type="text" name="q" value={search} />{' '}
        <button type="submit" class="secondary">
          搜索
        </button>
      </span>
    </form>
    {list.rows.length ? (
      <table>
        <thead>
          <tr>
            <th scope="col">编号</th>
            {list.organs.length > 1 ? <th scope="col">机关</th> : null}
            <th scope="col">申请人</th>
            <th scope="col">内容</th>
            <th scope="col">收到</th>
            <th scope="col">答复期限</th>
            <th scope="col">状态</th>
          </tr>
        </thead>
        <tbody>
          {list.rows.map((r) => (
            <tr>
              <td class="nowrap">
                <a href={`/admin/cases/${r.id}`}>{r.id}</a>
              </td>
              {list.organs.length > 1 ? <td>{list.organs.find((o) => o.id === r.organId)?.name}</td> : null}
              <td>{r.applicantName}</td>
              <td>{r.description.length > 30 ? `${r.description.slice(0, 30)}…` : r.description}</td>
              <td class="nowrap">{r.receivedOn}</td>
              <td class="nowrap">
                {r.dueOn ??
                  (['awaiting_clarification', 'consulting', 'awaiting_fee'].includes(r.state) ? (
                    <span class="muted">暂停计算</span>
                  ) : (
                    '—'
                  ))}
              </td>
              <td>
                <StatusBadge row={r} today={today} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : (
      <p class="muted">没有符合条件的案件。</p>
    )}
    {list.pages > 1 ? (
      <Pager
        page={list.page}
        pages={list.pages}
        href={(p) => `/admin?tab=${tab}${search ? `&q=${encodeURIComponent(search)}` : ''}&page=${p}`}
      />
    ) : null}
    <p class="small muted">
      共{list.total}件。“即将到期”和“逾期”按今天（{today}）和工作日历实时计算。导出（申请人信息已脱敏）：
      <a href="/admin/export/cases.csv">CSV</a>　<a href="/admin/export/cases.xlsx">Excel（XLSX）</a>
    </p>
  </Layout>
);

export const NewCasePage: FC<{
  user: StaffUser;
  csrf: string;
  values: Record<string, string>;
  fields: Record<string, string>;
}> = ({ user, csrf, values, fields }) => (
  <Layout title="登记申请" user={user} csrf={csrf}>
    <h1>登记政府信息公开申请</h1>
    <p class="muted">
      用于信函、当面、传真、电子邮件等渠道收到的申请。收到申请之日按条例第三十一条确定：当面为提交之日；信函为签收之日（平信为确认之日）；传真、网络为双方确认之日；非工作日收到的自下一个工作日起算。
    </p>
    <ErrorSummary fields={fields} labels={APPLICATION_LABELS} />
    <form method="post" action="/admin/cases/new" novalidate>
      <Csrf token={csrf} />
      <fieldset>
        <legend>渠道与日期</legend>
        <Select
          name="channel"
          label="申请渠道"
          value={values.channel ?? 'letter'}
          error={fields.channel}
          options={Object.entries(CHANNEL_LABEL)
            .filter(([k]) => k !== 'online')
            .map(([value, label]) => ({ value, label }))}
        />
        <Field
          name="submittedOn"
          label="提交（寄出、送达）日期"
          type="date"
          required
          value={values.submittedOn}
          error={fields.submittedOn}
        />
        <Field
          name="signedOn"
          label="签收日期（信函）"
          type="date"
          value={values.signedOn}
          error={fields.signedOn}
        />
        <Field
          name="confirmedOn"
          label="双方确认日期（平信、传真、电子邮件）"
          type="date"
          value={values.confirmedOn}
          error={fields.confirmedOn}
        />
      </fieldset>
      <fieldset>
        <legend>申请人</legend>
        <Select
          name="applicantType"
          label="申请人类型"
          value={values.applicantType ?? 'natural_person'}
          error={fields.applicantType}
          options={Object.entries(APPLICANT_COLUMN).map(([value, label]) => ({
            value,
            label: value === 'natural_person' ? label : `法人或其他组织：${label}`,
          }))}
        />
        <Field name="name" label="姓名或名称" required value={values.name} error={fields.name} />
        <Field
          name="idNumber"
          label="身份证件号码 / 统一社会信用代码"
          required
          value={values.idNumber}
          error={fields.idNumber}
        />
        <Field
          name="representative"
          label="法定代表人或负责人"
          value={values.representative}
          error={fields.representative}
        />
        <Field name="phone" label="联系电话" required value={values.phone} error={fields.phone} />
        <Field name="email" label="电子邮箱" value={values.email} error={fields.email} />
        <Field name="address" label="通信地址" value={values.address} error={fields.address} />
        <Field name="postcode" label="邮政编码" value={values.postcode} error={fields.postcode} />
      </fieldset>
      <fieldset>
        <legend>所需信息</legend>
        <Field
          name="description"
          label="所需政府信息的描述"
          required
          textarea
          value={values.description}
          error={fields.description}
        />
        <Select
          name="requestedForm"
          label="获取形式"
          value={values.requestedForm ?? 'paper'}
          error={fields.requestedForm}
          options={Object.entries(FORM_LABEL).map(([value, label]) => ({ value, label }))}
        />
        <Select
          name="delivery"
          label="获取方式"
          value={values.delivery ?? 'post'}
          error={fields.delivery}
          options={Object.entries(DELIVERY_LABEL).map(([value, label]) => ({ value, label }))}
        />
      </fieldset>
      <button type="submit">登记</button>
    </form>
  </Layout>
);

const EVENT_LABEL: Record<string, string> = Object.fromEntries(TRANSITIONS.map((t) => [t.event, t.label]));

const ACTOR_NAME: Record<string, string> = {
  clerk: '经办人',
  head: '负责人',
  admin: '管理员',
  applicant: '申请人',
  system: '系统',
};

/** The form fields each action needs. */
function ActionFields({ kind, v, today }: { kind: CaseEventKind; v: CaseView; today: string }) {
  const on = <Field name="on" label="日期" type="date" required value={today} max={today} />;
  switch (kind) {
    case 'clarification_requested':
      return (
        <>
          {on}
          <Field name="items" label="需要补正的事项（每行一项，一次性告知）" textarea required />
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

export const CasePage: FC<{
  user: StaffUser;
  csrf: string;
  v: CaseView;
  letters: Letter[];
  flash?: Flash;
  organs: Organ[];
}> = ({ user, csrf, v, letters, flash, organs }) => {
  const s = v.snapshot;
  const a = s.facts?.applicant;
  const own = v.row.organId === user.organId;
  // the transition table's dry run for this user today (app/cases/case-view.ts)
  const { direct, viaApproval } = v.actions;
  const pending = v.approvals.filter((p) => p.status === 'pending');
  const outcome = s.outcome ? findOutcome(s.outcome) : undefined;
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
            <dt>证件号码</dt>
            <dd>{a?.idNumber}</dd>
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
            <dt>所需信息</dt>
            <dd>{s.facts?.description}</dd>
            <dt>形式/方式</dt>
            <dd>
              {s.facts ? `${FORM_LABEL[s.facts.requestedForm]} / ${DELIVERY_LABEL[s.facts.delivery]}` : ''}
            </dd>
            <dt>收到日期</dt>
            <dd>{s.receivedOn ? cnDate(s.receivedOn) : ''}</dd>
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
          {s.warnings.map((w) => (
            <p class="flash err">{w.message}</p>
          ))}
        </section>
        <section class="card" aria-labelledby="clock-h">
          <h2 id="clock-h">期限</h2>
          {v.status.due ? (
            <p>
              <strong>答复期限：{cnDate(v.status.due)}</strong>{' '}
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
            />
          ))}
        </section>
      ) : null}
      {direct.length || viaApproval.length ? (
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
      ) : null}
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
      <section aria-labelledby="letters-h">
        <h2 id="letters-h">文书</h2>
        {letters.length ? (
          <ul>
            {letters.map((l) => (
              <li>
                {l.title} {l.number}：<a href={`/admin/cases/${v.row.id}/letters/${l.id}.html`}>HTML</a> ·{' '}
                <a href={`/admin/cases/${v.row.id}/letters/${l.id}.docx`}>Word</a> ·{' '}
                <a href={`/admin/cases/${v.row.id}/letters/${l.id}.pdf`}>PDF</a>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">暂无。</p>
        )}
      </section>
      <section aria-labelledby="att-h">
        <h2 id="att-h">附件</h2>
        {v.attachments.length ? (
          <ul>
            {v.attachments.map((f) => (
              <li>
                {ATTACHMENT_KIND_LABEL[f.kind]}：
                <a href={`/admin/cases/${v.row.id}/attachments/${f.id}`}>{f.filename}</a>（
                {Math.ceil(f.size / 1024)} KB）
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">暂无。</p>
        )}
        {own && user.role !== 'supervisor' ? (
          <form
            method="post"
            action={`/admin/cases/${v.row.id}/attachments`}
            enctype="multipart/form-data"
            class="card"
          >
            <Csrf token={csrf} />
            <Select
              name="kind"
              label="类别"
              options={Object.entries(ATTACHMENT_KIND_LABEL).map(([value, label]) => ({ value, label }))}
            />
            <div class="field">
              <label for="f-file">文件（PDF、JPG、PNG、DOCX，10MB以内）</label>
              <input id="f-file" type="file" name="file" required />
            </div>
            <button type="submit" class="secondary">
              上传
            </button>
          </form>
        ) : null}
      </section>
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

export const StatsPage: FC<{
  user: StaffUser;
  csrf: string;
  year: number;
  organName: string;
  html: string;
}> = ({ user, csrf, year, organName, html }) => (
  <Layout title="统计" user={user} csrf={csrf}>
    <h1>
      {organName}
      {year}年度依申请公开统计
    </h1>
    <form method="get" action="/admin/stats" class="field">
      <label for="year">年度</label>
      <input id="year" type="number" name="year" value={String(year)} />{' '}
      <button type="submit" class="secondary">
        查看
      </button>
    </form>
    <p class="muted small">由案件记录计算，与年度报告第三、四部分口径一致（每件办理只计入一种结果）。</p>
    <div dangerouslySetInnerHTML={{ __html: html }} />
  </Layout>
);

export const OrganPage: FC<{
  user: StaffUser;
  csrf: string;
  organ: Organ;
  today: string;
  values?: Record<string, string>;
  fields?: Record<string, string>;
  flash?: Flash;
}> = ({ user, csrf, organ, today, values, fields = {}, flash }) => {
  const v = values ?? (organ as unknown as Record<string, string>);
  const example = indexNumber(organ.indexPattern, {
    code: organ.code,
    year: Number(today.slice(0, 4)),
    month: Number(today.slice(5, 7)),
    serial: 1,
  });
  return (
    <Layout title="机关信息" user={user} csrf={csrf} flash={flash ?? null}>
      <h1>{organ.name}：机关信息</h1>
      <p class="muted">告知书、答复书和政府信息公开指南使用这些信息。</p>
      <form method="post" action="/admin/organ" class="card">
        <Csrf token={csrf} />
        <Field
          name="officeName"
          label="政府信息公开工作机构"
          required
          value={v.officeName}
          error={fields.officeName}
        />
        <Field name="sealName" label="印章名称" required value={v.sealName} error={fields.sealName} />
        <Field name="address" label="办公地址" required value={v.address} error={fields.address} />
        <Field name="postcode" label="邮政编码" required value={v.postcode} error={fields.postcode} />
        <Field name="phone" label="联系电话" required value={v.phone} error={fields.phone} />
        <Field name="hours" label="办公时间" required value={v.hours} error={fields.hours} />
        <Field name="email" label="电子邮箱" required value={v.email} error={fields.email} />
        <Field
          name="indexPattern"
          label="索引号规则"
          required
          value={v.indexPattern}
          error={fields.indexPattern}
          hint={`可用 {code}（机关代码 ${organ.code}）、{year}（年份）、{month}（月份）、{serial:5}（流水号，补足5位）。按当前规则，今年第1条信息的索引号为 ${example}。修改后只影响新建的信息，已有索引号不变。`}
        />
        <button type="submit">保存</button>
      </form>
    </Layout>
  );
};

export const StaffPage: FC<{
  user: StaffUser;
  csrf: string;
  staff: StaffUser[];
  tokens: ApiToken[];
  flash?: Flash;
  fields?: Record<string, string>;
  values?: Record<string, string>;
  tokenFields?: Record<string, string>;
}> = ({ user, csrf, staff, tokens, flash, fields = {}, values = {}, tokenFields = {} }) => (
  <Layout title="账号管理" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>账号管理</h1>
    <table>
      <thead>
        <tr>
          <th scope="col">用户名</th>
          <th scope="col">姓名</th>
          <th scope="col">角色</th>
          <th scope="col">状态</th>
          <th scope="col">操作</th>
        </tr>
      </thead>
      <tbody>
        {staff.map((s) => (
          <tr>
            <td>{s.username}</td>
            <td>{s.displayName}</td>
            <td>{ROLE_LABEL[s.role]}</td>
            <td>
              {s.disabled
                ? '已停用'
                : s.lockedUntil && s.lockedUntil > new Date().toISOString()
                  ? '已锁定'
                  : '正常'}
            </td>
            <td>
              {s.id === user.id ? (
                <span class="muted small">本人</span>
              ) : (
                <form method="post" action={`/admin/staff/${s.id}`} class="inline">
                  <Csrf token={csrf} />
                  <label class="skip-label" for={`role-${s.id}`}>
                    角色
                  </label>
                  <select id={`role-${s.id}`} name="role">
                    {['clerk', 'head', 'admin'].map((r) => (
                      <option value={r} selected={s.role === r}>
                        {ROLE_LABEL[r]}
                      </option>
                    ))}
                  </select>
                  <button type="submit" name="change" value="role" class="secondary">
                    改角色
                  </button>{' '}
                  <button type="submit" name="change" value="reset" class="secondary">
                    重置密码
                  </button>{' '}
                  <button
                    type="submit"
                    name="change"
                    value={s.disabled ? 'enable' : 'disable'}
                    class="secondary"
                  >
                    {s.disabled ? '启用' : '停用'}
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <h2>新建账号</h2>
    <form method="post" action="/admin/staff" class="card">
      <Csrf token={csrf} />
      <Field name="username" label="用户名" required value={values.username} error={fields.username} />
      <Field name="displayName" label="姓名" required value={values.displayName} error={fields.displayName} />
      <Select
        name="role"
        label="角色"
        value={values.role ?? 'clerk'}
        options={['clerk', 'head', 'admin'].map((r) => ({ value: r, label: ROLE_LABEL[r]! }))}
      />
      <button type="submit">创建</button>
      <p class="small muted">
        初始密码只显示一次，请当面交给本人；系统只保存密码的不可逆散列值，任何人（包括管理员）都看不到原密码。
      </p>
    </form>
    <h2>接口令牌</h2>
    <p class="muted small">
      供本机关的系统或脚本调用工作人员接口（说明见 <a href="/api/openapi.json">/api/openapi.json</a>
      ）。令牌代表所选账号办理，权限与该账号相同；只在签发时显示一次；账号停用或令牌吊销后立即失效。
    </p>
    {tokens.length ? (
      <table>
        <thead>
          <tr>
            <th scope="col">编号</th>
            <th scope="col">用途</th>
            <th scope="col">账号</th>
            <th scope="col">签发时间</th>
            <th scope="col">最近使用</th>
            <th scope="col">状态</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => (
            <tr>
              <td class="nowrap">{t.id}</td>
              <td>{t.name}</td>
              <td>{staff.find((s) => s.id === t.userId)?.username ?? t.userId}</td>
              <td class="nowrap">{cst(t.createdAt)}</td>
              <td class="nowrap">{t.lastUsedAt ? cst(t.lastUsedAt) : '—'}</td>
              <td>{t.revokedAt ? '已吊销' : '有效'}</td>
              <td>
                {t.revokedAt ? null : (
                  <form method="post" action={`/admin/staff/tokens/${t.id}/revoke`} class="inline">
                    <Csrf token={csrf} />
                    <button type="submit" class="secondary">
                      吊销
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    ) : (
      <p class="muted">尚未签发令牌。</p>
    )}
    <form method="post" action="/admin/staff/tokens" class="card">
      <Csrf token={csrf} />
      <Select
        name="userId"
        label="代表账号"
        value=""
        error={tokenFields.userId}
        options={staff
          .filter((s) => !s.disabled)
          .map((s) => ({ value: s.id, label: `${s.displayName}（${s.username}，${ROLE_LABEL[s.role]}）` }))}
      />
      <Field name="name" label="用途" required error={tokenFields.name} hint="例如：本机关办公系统同步案件" />
      <button type="submit">签发令牌</button>
    </form>
  </Layout>
);

export const ColumnsPage: FC<{
  user: StaffUser;
  csrf: string;
  columns: ColumnRow[];
  flash?: Flash;
  error?: string | undefined;
}> = ({ user, csrf, columns, flash, error }) => (
  <Layout title="栏目管理" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>政府信息公开专栏栏目</h1>
    {error ? (
      <p class="flash err" role="alert">
        {error}
      </p>
    ) : null}
    <p class="muted">
      四个统一栏目（指南、制度、法定主动公开内容、年报）名称固定；可以增加本机关栏目和下级栏目。
    </p>
    <table>
      <thead>
        <tr>
          <th scope="col">栏目</th>
          <th scope="col">网址代码</th>
          <th scope="col">修改</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((c) => (
          <tr>
            <td>
              {c.parentId ? '　' : ''}
              {c.name}
            </td>
            <td>{c.key}</td>
            <td>
              {['guide', 'rules', 'statutory', 'reports'].includes(c.key) ? (
                <span class="muted small">固定</span>
              ) : (
                <form method="post" action={`/admin/columns/${encodeURIComponent(c.id)}`} class="inline">
                  <Csrf token={csrf} />
                  <label class="skip-label" for={`n-${c.key}`}>
                    名称
                  </label>
                  <input id={`n-${c.key}`} type="text" name="name" value={c.name} />
                  <label class="skip-label" for={`s-${c.key}`}>
                    排序
                  </label>
                  <input id={`s-${c.key}`} type="number" name="sort" value={String(c.sort)} />
                  <button type="submit" class="secondary">
                    保存
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    <h2>增加栏目</h2>
    <form method="post" action="/admin/columns" class="card">
      <Csrf token={csrf} />
      <Field name="name" label="栏目名称" required />
      <Select
        name="parentKey"
        label="上级栏目"
        options={[
          { value: '', label: '（无，作为一级栏目）' },
          ...columns
            .filter((c) => !c.parentId && c.key !== 'guide')
            .map((c) => ({ value: c.key, label: c.name })),
        ]}
      />
      <button type="submit">增加</button>
    </form>
  </Layout>
);

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
/** 星期 of an ISO date (calendar arithmetic only, no clock). */
function weekdayCn(iso: string): string {
  return WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()]!;
}

export const DeadlinesPage: FC<{
  user: StaffUser;
  csrf: string;
  own: Organ;
  ownDeadline: string;
  organs: { organ: Organ; deadline: string }[];
  values?: Record<string, string>;
  fields?: Record<string, string>;
  organValues?: Record<string, string>;
  organFields?: Record<string, string>;
  flash?: Flash;
}> = ({ user, csrf, own, ownDeadline, organs, values, fields = {}, organValues, organFields, flash }) => (
  <Layout title="年报期限" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>所属机关与年报期限</h1>
    <p class="muted">
      条例第四十九条：县级以上人民政府部门每年1月31日前、县级以上地方人民政府每年3月31日前公布上一年度报告；乡镇（街道）的期限由本地规定。监督页按这里的期限判断是否按时发布。
    </p>
    <p>
      本机关（{own.name}）：每年{ownDeadline.slice(0, 2).replace(/^0/, '')}月
      {ownDeadline.slice(3).replace(/^0/, '')}日前{own.reportDeadline ? '（由上级设置）' : '（法定默认）'}。
    </p>
    {organs.length ? (
      <form method="post" action="/admin/deadlines" novalidate>
        <Csrf token={csrf} />
        <ErrorSummary
          fields={fields}
          labels={Object.fromEntries(organs.map((o) => [o.organ.id, o.organ.name]))}
        />
        <table>
          <thead>
            <tr>
              <th scope="col">所属机关</th>
              <th scope="col">现行期限</th>
              <th scope="col">本地规定的期限（月-日，留空用默认）</th>
            </tr>
          </thead>
          <tbody>
            {organs.map(({ organ, deadline }) => (
              <tr>
                <th scope="row">{organ.name}</th>
                <td class="nowrap">
                  {deadline.slice(5)}
                  {organ.reportDeadline ? '' : '（默认）'}
                </td>
                <td>
                  <label class="skip-label" for={`d-${organ.id}`}>
                    {organ.name}的期限
                  </label>
                  <input
                    id={`d-${organ.id}`}
                    type="text"
                    name={organ.id}
                    inputmode="numeric"
                    placeholder="如 02-20"
                    value={values?.[organ.id] ?? organ.reportDeadline ?? ''}
                    aria-invalid={fields[organ.id] ? 'true' : undefined}
                    class={fields[organ.id] ? 'invalid' : undefined}
                  />
                  {fields[organ.id] ? <p class="error">{fields[organ.id]}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit">保存</button>
      </form>
    ) : (
      <p class="muted">本机关没有所属机关。</p>
    )}
    <h2>增加所属机关</h2>
    <form method="post" action="/admin/deadlines/organs" class="card" novalidate>
      <Csrf token={csrf} />
      <ErrorSummary
        fields={organFields ?? {}}
        labels={{
          id: '机关标识',
          name: '机关全称',
          code: '机关代码',
          kind: '机关类型',
          parent: '上级机关',
          adminUsername: '管理员用户名',
          adminName: '管理员姓名',
        }}
      />
      <Field
        name="name"
        label="机关全称"
        required
        value={organValues?.name}
        error={organFields?.name}
        hint="如：某县某某镇人民政府"
      />
      <Field
        name="id"
        label="机关标识（用于网址，小写字母、数字或横线）"
        required
        value={organValues?.id}
        error={organFields?.id}
      />
      <Field
        name="code"
        label="机关代码（用于案件编号和索引号，大写字母或数字）"
        required
        value={organValues?.code}
        error={organFields?.code}
      />
      <Select
        name="kind"
        label="机关类型"
        value={organValues?.kind ?? 'township'}
        error={organFields?.kind}
        options={[
          { value: 'township', label: '乡镇人民政府、街道办事处' },
          { value: 'department', label: '政府部门' },
          { value: 'government', label: '人民政府' },
          { value: 'office', label: '其他机关' },
        ]}
      />
      <Select
        name="parent"
        label="上级机关"
        value={organValues?.parent ?? own.id}
        error={organFields?.parent}
        options={[
          { value: own.id, label: own.name },
          ...organs.map((o) => ({ value: o.organ.id, label: o.organ.name })),
        ]}
      />
      <fieldset>
        <legend>该机关的管理员账号（可同时建立）</legend>
        <Field
          name="adminUsername"
          label="用户名"
          value={organValues?.adminUsername}
          error={organFields?.adminUsername}
        />
        <Field name="adminName" label="姓名" value={organValues?.adminName} error={organFields?.adminName} />
      </fieldset>
      <button type="submit">增加</button>
      <p class="small muted">管理员的初始密码只显示一次；之后由该机关管理员维护本机关的信息、账号和栏目。</p>
    </form>
  </Layout>
);

export const CalendarPage: FC<{
  user: StaffUser;
  csrf: string;
  year: number;
  days: { date: string; kind: string; name: string; source: string }[];
  edits: { date: string; kind: string; name: string; source: string; createdAt: string }[];
  moved?: { id: string; before: string | null; after: string | null }[] | undefined;
  fields?: Record<string, string>;
  flash?: Flash;
}> = ({ user, csrf, year, days, edits, moved, fields = {}, flash }) => (
  <Layout title="工作日历" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>{year}年工作日历（节假日与调休）</h1>
    <form method="get" action="/admin/calendar" class="field">
      <label for="year">年度</label>
      <input id="year" type="number" name="year" value={String(year)} />{' '}
      <button type="submit" class="secondary">
        查看
      </button>
    </form>
    {moved ? (
      <section class="card" aria-labelledby="moved-h">
        <h2 id="moved-h">答复期限随之变化的案件（{moved.length}件）</h2>
        {moved.length ? (
          <ul>
            {moved.map((m) => (
              <li>
                <a href={`/admin/cases/${m.id}`}>{m.id}</a>：{m.before ?? '—'} → {m.after ?? '—'}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">没有办理中案件的期限受影响。</p>
        )}
      </section>
    ) : null}
    <table>
      <thead>
        <tr>
          <th scope="col">日期</th>
          <th scope="col">星期</th>
          <th scope="col">安排</th>
          <th scope="col">依据</th>
        </tr>
      </thead>
      <tbody>
        {days.map((d) => (
          <tr>
            <td class="nowrap">{d.date}</td>
            <td class="nowrap">{weekdayCn(d.date)}</td>
            <td>{d.kind === 'rest' ? `${d.name}放假` : `${d.name}调休上班`}</td>
            <td class="small">{d.source}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <h2>增加或修改一天</h2>
    <p class="muted small">
      每年11月前后国务院办公厅发布次年节假日安排后，在此录入；地方延长假期的也在此录入。保存后，所有办理中案件的答复期限将重新计算。
    </p>
    <form method="post" action="/admin/calendar" class="card">
      <Csrf token={csrf} />
      <Field name="date" label="日期" type="date" required error={fields.date} />
      <Select
        name="kind"
        label="安排"
        options={[
          { value: 'rest', label: '放假（不计入工作日）' },
          { value: 'work', label: '调休上班（计入工作日）' },
        ]}
      />
      <Field name="name" label="节日名称" required error={fields.name} />
      <Field name="source" label="依据（通知名称或文号）" required error={fields.source} />
      <button type="submit">保存并重新计算期限</button>
    </form>
    {edits.length ? (
      <>
        <h2>管理员录入的条目</h2>
        <ul>
          {edits.map((e) => (
            <li>
              {e.date} {e.kind === 'rest' ? '放假' : '调休上班'} {e.name}（{e.source}）
              <form method="post" action="/admin/calendar/remove" class="inline">
                <Csrf token={csrf} />
                <input type="hidden" name="date" value={e.date} />
                <button type="submit" class="secondary">
                  删除
                </button>
              </form>
            </li>
          ))}
        </ul>
      </>
    ) : null}
  </Layout>
);

export const ReportPage: FC<{
  user: StaffUser;
  csrf: string;
  year: number;
  values: Record<string, string>;
  manual: { row: string; column: string; key: string }[];
  findings?: { severity: string; code: string; message: string }[] | undefined;
  preview?: string | undefined;
  imported?: { id: string; year: number } | undefined;
  flash?: Flash;
}> = ({ user, csrf, year, values, manual, findings, preview, imported, flash }) => (
  <Layout title="年度报告" user={user} csrf={csrf} flash={flash ?? null}>
    <h1>{year}年政府信息公开工作年度报告</h1>
    <p class="muted">
      第二部分第二十条第（一）项、第三部分和第四部分由系统根据已发布的文件、依申请公开案件和复议诉讼记录自动统计；其余由本机关填写。核对通过后生成“政府信息公开年报”栏目的稿件，经保密审查和审核后发布。
    </p>
    <form method="post" action={`/admin/report?year=${year}`}>
      <Csrf token={csrf} />
      <Field name="s1" label="一、总体情况" textarea required value={values.s1} />
      <fieldset>
        <legend>二、主动公开政府信息情况（需本机关填写的数字）</legend>
        {manual.map((m) => (
          <Field name={m.key} label={`${m.row.replace('/', '：')} · ${m.column}`} value={values[m.key]} />
        ))}
      </fieldset>
      <Field name="s5" label="五、存在的主要问题及改进情况" textarea required value={values.s5} />
      <Field name="s6" label="六、其他需要报告的事项（含收取信息处理费的情况）" textarea value={values.s6} />
      <button type="submit" name="action" value="check">
        核对并预览
      </button>{' '}
      <button type="submit" name="action" value="draft" class="secondary">
        生成年报稿件
      </button>
    </form>
    {imported ? (
      <p class="card">
        导入的{imported.year}年年报稿件：
        <a href={`/admin/items/${imported.id}`}>打开稿件，办理公开属性认定、保密审查和发布</a>
        。下面是读取和核对的结果。
      </p>
    ) : null}
    {findings ? (
      <section class="card" aria-labelledby="find-h">
        <h2 id="find-h">核对结果</h2>
        {findings.length ? (
          <ul>
            {findings.map((f) => (
              <li>
                <span
                  class={`badge ${f.severity === 'error' ? 'overdue' : f.severity === 'warning' ? 'soon' : 'ok'}`}
                >
                  {f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'}
                </span>{' '}
                {f.message} <span class="small muted">{f.code}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>全部核对规则通过。</p>
        )}
      </section>
    ) : null}
    {preview ? (
      <section aria-labelledby="prev-h">
        <h2 id="prev-h">预览（官方表格样式）</h2>
        <div class="card" dangerouslySetInnerHTML={{ __html: preview }} />
      </section>
    ) : null}
    <section class="card" aria-labelledby="imp-h">
      <h2 id="imp-h">导入往年已发布的年报</h2>
      <p class="small muted">
        上传本机关以前发布的年度报告（PDF、DOCX、HTML或TXT），系统逐格读取、核对，生成“政府信息公开年报”栏目的稿件（附原文件），经保密审查和审核后发布；监督页据此核对跨年度结转。
      </p>
      <form method="post" action="/admin/report/import" enctype="multipart/form-data">
        <Csrf token={csrf} />
        <div class="field">
          <label for="f-import">年报文件</label>
          <input id="f-import" type="file" name="file" accept=".pdf,.docx,.html,.htm,.txt" />
        </div>
        <button type="submit" class="secondary">
          导入并核对
        </button>
      </form>
    </section>
  </Layout>
);

export const SupervisePage: FC<{
  user: StaffUser;
  csrf: string;
  year: number;
  today: string;
  rows: import('../../app/supervision/supervision-dashboard.js').OrganRow[];
  months: import('../../app/supervision/supervision-dashboard.js').MonthRow[];
}> = ({ user, csrf, year, today, rows, months }) => {
  return (
    <Layout title="监督" user={user} csrf={csrf}>
      <h1>所属机关政府信息公开工作情况（截至{today}）</h1>
      <table>
        <thead>
          <tr>
            <th scope="col">机关</th>
            <th scope="col">办理中</th>
            <th scope="col">已逾期</th>
            <th scope="col">5个工作日内到期</th>
            <th scope="col">{year}年收到申请</th>
            <th scope="col">{year}年主动公开</th>
            <th scope="col">超过20个工作日发布</th>
            <th scope="col">{year - 1}年年报</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.organ.name}</th>
              <td>{r.open}</td>
              <td>
                <span class={r.overdue ? 'badge overdue' : undefined}>{r.overdue}</span>
              </td>
              <td>{r.dueSoon}</td>
              <td>{r.receivedThisYear}</td>
              <td>{r.publishedThisYear}</td>
              <td>{r.latePublications ? <span class="badge soon">{r.latePublications}</span> : 0}</td>
              <td>
                {r.report.published ? (
                  <>
                    {r.report.publishedOn}发布
                    {r.report.onTime ? '' : <span class="badge overdue">晚于{r.report.deadline}</span>}；
                    {r.report.errors === 0 ? (
                      <span class="badge ok">核对通过</span>
                    ) : (
                      <span class="badge overdue">{r.report.errors}个错误</span>
                    )}
                    {r.report.itemId ? (
                      <>
                        {' '}
                        <a href={`/gk/${r.organ.id}/i/${r.report.itemId}`}>查看</a>
                      </>
                    ) : null}
                  </>
                ) : r.report.onTime === false ? (
                  <span class="badge overdue">未发布（期限{r.report.deadline}）</span>
                ) : (
                  <span class="muted">未发布（期限{r.report.deadline}）</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a class="button secondary" href={`/admin/supervise/rollup?year=${year - 1}`}>
          汇总所属机关{year - 1}年年报
        </a>{' '}
        <a class="button secondary" href="/nianbao/check">
          上传核对其他年报
        </a>
      </p>
      <div class="charts">
        <section class="card" aria-labelledby="ch-open-h">
          <h2 id="ch-open-h">办理中的申请</h2>
          <StackedBars
            id="ch-open"
            title="各机关办理中的申请：按期、5个工作日内到期、已逾期"
            rows={rows.map((r) => ({
              label: r.organ.name,
              parts: [Math.max(0, r.open - r.overdue - r.dueSoon), r.dueSoon, r.overdue],
            }))}
            series={[
              { label: '按期办理', color: '#2e7d32' },
              { label: '5个工作日内到期', color: '#b26a00' },
              { label: '已逾期', color: '#b71c1c' },
            ]}
          />
        </section>
        <section class="card" aria-labelledby="ch-month-h">
          <h2 id="ch-month-h">近12个月</h2>
          <GroupedColumns
            id="ch-month"
            title="近12个月每月收到的政府信息公开申请和主动公开信息（所属机关合计）"
            categories={months.map((m) => `${Number(m.month.slice(5, 7))}月`)}
            series={[
              { label: '收到申请', color: '#1f5f99' },
              { label: '主动公开', color: '#7a869a' },
            ]}
            values={months.map((m) => [m.received, m.published])}
          />
          <p class="small muted">
            {months[0]!.month.replace('-', '年')}月至{months[months.length - 1]!.month.replace('-', '年')}
            月，收到申请合计{months.reduce((a, m) => a + m.received, 0)}件，主动公开信息合计
            {months.reduce((a, m) => a + m.published, 0)}条。
          </p>
        </section>
      </div>
      <p class="small muted">
        年报期限：县级以上人民政府部门1月31日、县级以上地方人民政府3月31日（条例第四十九条）；乡镇按本地规定，默认1月31日。年报核对使用与“年度报告引擎”相同的全部规则。
      </p>
    </Layout>
  );
};

export const RollUpPage: FC<{
  user: StaffUser;
  csrf: string;
  year: number;
  included: Organ[];
  missing: Organ[];
  findings: { severity: string; message: string; code: string }[];
  html: string;
}> = ({ user, csrf, year, included, missing, findings, html }) => (
  <Layout title="年报汇总" user={user} csrf={csrf}>
    <h1>所属机关{year}年年度报告汇总</h1>
    <form method="get" action="/admin/supervise/rollup" class="field">
      <label for="year">年度</label>
      <input id="year" type="number" name="year" value={String(year)} />{' '}
      <button type="submit" class="secondary">
        汇总
      </button>
    </form>
    <p>
      已汇总{included.length}个机关：{included.map((o) => o.name).join('、') || '无'}。
      {missing.length
        ? `尚未发布年报的${missing.length}个机关：${missing.map((o) => o.name).join('、')}。`
        : ''}
    </p>
    <section class="card" aria-labelledby="rf-h">
      <h2 id="rf-h">核对结果</h2>
      {findings.length ? (
        <ul>
          {findings.slice(0, 50).map((f) => (
            <li>
              <span
                class={`badge ${f.severity === 'error' ? 'overdue' : f.severity === 'warning' ? 'soon' : 'ok'}`}
              >
                {f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'}
              </span>{' '}
              {f.message}
            </li>
          ))}
        </ul>
      ) : (
        <p>全部核对规则通过。</p>
      )}
    </section>
    <div class="card" dangerouslySetInnerHTML={{ __html: html }} />
  </Layout>
);
