/** Registration of an application received by letter, in person, by fax or by e-mail. */
import type { FC } from 'hono/jsx';
import { APPLICATION_LIMITS } from '../../../app/cases/application-form.js';
import type { StaffUser } from '../../../core/entities.js';
import {
  APPLICANT_COLUMN,
  CHANNEL_LABEL,
  DELIVERY_LABEL,
  FORM_LABEL,
} from '../../../core/case/case-model.js';
import { Csrf, ErrorSummary, Field, Layout, NotifyChoices, Select } from '../layout.js';
import { APPLICATION_LABELS, ID_TYPE_OPTIONS } from '../applicant/labels.js';

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
      <input type="hidden" name="idem" value={values.idem ?? ''} />
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
        <Field
          name="name"
          maxlength={APPLICATION_LIMITS.name}
          label="姓名或名称"
          required
          value={values.name}
          error={fields.name}
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
        />
        <Field
          name="representative"
          maxlength={APPLICATION_LIMITS.representative}
          label="法定代表人或负责人"
          value={values.representative}
          error={fields.representative}
        />
        <Field name="phone" label="联系电话" required value={values.phone} error={fields.phone} />
        <Field
          name="email"
          maxlength={APPLICATION_LIMITS.email}
          label="电子邮箱"
          value={values.email}
          error={fields.email}
        />
        <Field
          name="address"
          maxlength={APPLICATION_LIMITS.address}
          label="通信地址"
          value={values.address}
          error={fields.address}
        />
        <Field
          name="postcode"
          maxlength={APPLICATION_LIMITS.postcode}
          label="邮政编码"
          value={values.postcode}
          error={fields.postcode}
        />
      </fieldset>
      <fieldset>
        <legend>所需信息</legend>
        <Field
          name="description"
          maxlength={APPLICATION_LIMITS.description}
          label="所需政府信息的描述"
          hint={`${APPLICATION_LIMITS.descriptionMin}至${APPLICATION_LIMITS.description}字`}
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
      {/* a letter or in-person application rarely gives an e-mail address: nothing is ticked until the clerk records the applicant's choice */}
      <NotifyChoices values={values} fields={fields} fresh={false} />
      <div class="field">
        <label>
          <input
            type="checkbox"
            name="allowIncomplete"
            value="yes"
            checked={values.allowIncomplete === 'yes'}
          />{' '}
          申请缺少必要内容（如未附身份证明）：先登记，按收到之日起算，再一次性告知补正（条例第三十条）
        </label>
      </div>
      <button type="submit">登记</button>
    </form>
  </Layout>
);
