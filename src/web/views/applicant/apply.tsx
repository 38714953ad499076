/** The applicant's pages: choose the organ, apply, the receipt. */
import type { FC } from 'hono/jsx';
import { APPLICATION_LIMITS } from '../../../app/cases/application-form.js';
import type { Organ } from '../../../core/entities.js';
import { APPLICANT_TYPES, DELIVERY_LABEL, FORM_LABEL } from '../../../core/case/case-model.js';
import { cnDate } from '../../../core/calendar/working-days.js';
import { Csrf, ErrorSummary, Field, Layout, NotifyChoices, OrganTree, Radios, Select } from '../layout.js';
import { APPLICATION_LABELS, ID_TYPE_OPTIONS } from './labels.js';

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

const FileField: FC<{ name: string; label: string; error: string | undefined }> = ({
  name,
  label,
  error,
}) => (
  <div class="field">
    <label for={`f-${name}`}>{label}</label>
    <input
      id={`f-${name}`}
      type="file"
      name={name}
      accept=".pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/png,image/jpeg"
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={error ? `f-${name}-err` : undefined}
    />
    {error ? (
      <p class="error" id={`f-${name}-err`}>
        {error}
      </p>
    ) : null}
  </div>
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
    <form
      method="post"
      action={`/apply/${organ.id}`}
      novalidate
      {...(organ.applicantUploads ? { enctype: 'multipart/form-data' } : {})}
    >
      <Csrf token={csrf} />
      <input type="hidden" name="idem" value={values.idem ?? ''} />
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
          maxlength={APPLICATION_LIMITS.name}
          label="姓名或名称"
          required
          value={values.name}
          error={fields.name}
          autocomplete="name"
        />
        <Select
          name="idType"
          label="身份证明种类"
          options={ID_TYPE_OPTIONS}
          value={values.idType}
          error={fields.idType}
        />
        <Field
          name="idNumber"
          maxlength={APPLICATION_LIMITS.idNumber}
          label="证件号码"
          required
          value={values.idNumber}
          error={fields.idNumber}
          hint="居民身份证18位；护照、港澳台居民通行证、外国人永久居留身份证按证件填写；法人或其他组织填写统一社会信用代码。仅用于身份证明，不会公开。"
        />
        <Field
          name="representative"
          maxlength={APPLICATION_LIMITS.representative}
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
          maxlength={APPLICATION_LIMITS.email}
          label="电子邮箱"
          type="email"
          value={values.email}
          error={fields.email}
          autocomplete="email"
        />
        <Field
          name="address"
          maxlength={APPLICATION_LIMITS.address}
          label="通信地址"
          value={values.address}
          error={fields.address}
          autocomplete="street-address"
        />
        <Field
          name="postcode"
          maxlength={APPLICATION_LIMITS.postcode}
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
          maxlength={APPLICATION_LIMITS.description}
          label="所需政府信息的名称、文号或者便于查询的其他特征性描述"
          required
          textarea
          value={values.description}
          error={fields.description}
          hint={`${APPLICATION_LIMITS.descriptionMin}至${APPLICATION_LIMITS.description}字。请尽量写明信息名称、文号、形成时间等，以便准确检索。`}
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
      <NotifyChoices values={values} fields={fields} fresh={!('name' in values)} />
      {organ.applicantUploads ? (
        <fieldset>
          <legend>证明材料（选填）</legend>
          <p class="hint">PDF、JPG、PNG或DOCX，每个文件10MB以内。仅供本机关核对身份，不会公开。</p>
          <FileField
            name="idCopy"
            label="身份证明复印件（法人或其他组织上传营业执照等登记证书复印件）"
            error={fields.idCopy}
          />
          <FileField
            name="authorization"
            label="授权委托书（委托他人代为申请的）"
            error={fields.authorization}
          />
        </fieldset>
      ) : null}
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
  /** a registered (letter, in person, fax) application: staff print this for the applicant */
  registered?: boolean;
}> = (p) => (
  <Layout title="申请已提交" flash={{ kind: 'ok', text: p.registered ? '已登记。' : '您的申请已提交。' }}>
    <h1>{p.registered ? '登记回执（请打印交申请人）' : '申请回执'}</h1>
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
          {p.code ? (
            <span class="receipt-code" id="query-code">
              {p.code}
            </span>
          ) : (
            <span class="muted">已在提交后显示；如已遗失，请联系受理机关重新发放</span>
          )}
        </dd>
        <dt>收到日期</dt>
        <dd>{cnDate(p.receivedOn)}</dd>
        <dt>答复期限</dt>
        <dd id="due-on">{p.dueOn ? `${cnDate(p.dueOn)}前（20个工作日，条例第三十三条）` : '—'}</dd>
      </dl>
      <p class="small muted">{p.receiptText}</p>
      <p>
        <strong>请记下案件编号和查询码。</strong>
        查询码只在提交后的两小时内显示，凭它查询进度、在线补正和下载答复书。
      </p>
      <p>
        <a class="button" href="/status">
          查询办理进度
        </a>
      </p>
    </div>
  </Layout>
);
