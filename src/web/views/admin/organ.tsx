/**
 * The organ's own details (used by letters and the guide), the 机关代字 of 文号, its index-number pattern and its
 * 电子印章 (uploaded image; none: letters leave the place for the seal blank).
 */
import type { FC } from 'hono/jsx';
import type { Organ, StaffUser } from '../../../core/entities.js';
import { indexNumber } from '../../../core/publication/item-model.js';
import { Csrf, Field, Layout, Select } from '../layout.js';
import type { Flash } from '../shared.js';

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
  const applicantUploads = values?.applicantUploads ?? (organ.applicantUploads ? 'yes' : 'no');
  const docExample = `${(v.docCode ?? '').trim() || organ.code}依申复〔${today.slice(0, 4)}〕1号`;
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
        <Field
          name="docCode"
          label="机关代字"
          value={v.docCode}
          error={fields.docCode}
          hint={`用于文书文号，如“田政”。不填则使用机关代码 ${organ.code}。按当前设置，今年第1号案件的答复书文号为 ${docExample}。已出具的文书文号不变。`}
        />
        <Field name="address" label="办公地址" required value={v.address} error={fields.address} />
        <Field name="postcode" label="邮政编码" required value={v.postcode} error={fields.postcode} />
        <Field name="phone" label="联系电话" required value={v.phone} error={fields.phone} />
        <Field name="hours" label="办公时间" required value={v.hours} error={fields.hours} />
        <Field name="email" label="电子邮箱" required value={v.email} error={fields.email} />
        <Field
          name="fax"
          label="传真号码"
          value={v.fax}
          error={fields.fax}
          hint="选填，写入政府信息公开指南（条例第十二条）"
        />
        <Field
          name="website"
          label="互联网联系方式"
          value={v.website}
          error={fields.website}
          hint="选填，如本机关门户网站的网址，写入政府信息公开指南（条例第十二条）"
        />
        <Select
          name="applicantUploads"
          label="在线申请时上传证件"
          value={applicantUploads}
          error={fields.applicantUploads}
          options={[
            { value: 'no', label: '不提供上传（身份证明以填写的证件号码为准）' },
            { value: 'yes', label: '允许申请人选择上传身份证明或营业执照复印件、委托书（均为选填）' },
          ]}
        />
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
      <section class="card" aria-labelledby="seal-h">
        <h2 id="seal-h">电子印章</h2>
        <p id="seal-state">
          {organ.sealImage
            ? `已上传（${organ.sealImage.mime === 'image/png' ? 'PNG' : 'JPG'}）：此后出具的文书在落款处印上此印章。`
            : '未上传：文书落款处留出盖章位置，不印任何图案。'}
          已出具的文书保持出具时的样子。
        </p>
        <form method="post" action="/admin/organ/seal" enctype="multipart/form-data">
          <Csrf token={csrf} />
          <div class="field">
            <label for="f-seal">印章图片（PNG或JPG，1MB以内，建议透明背景）</label>
            <input
              id="f-seal"
              type="file"
              name="file"
              accept="image/png,image/jpeg"
              required
              aria-invalid={fields.seal ? 'true' : undefined}
              aria-describedby={fields.seal ? 'f-seal-err' : undefined}
            />
            {fields.seal ? (
              <p id="f-seal-err" class="error">
                {fields.seal}
              </p>
            ) : null}
          </div>
          <button type="submit">上传</button>
        </form>
        {organ.sealImage ? (
          <form method="post" action="/admin/organ/seal">
            <Csrf token={csrf} />
            <input type="hidden" name="remove" value="1" />
            <button type="submit" class="secondary">
              删除电子印章
            </button>
          </form>
        ) : null}
      </section>
    </Layout>
  );
};
