/**
 * The case's attachments: each with its 类别, the 保密审查 of a file to be released, and the forms to reclassify
 * or remove a wrongly uploaded one (audited; a removed file is kept, hidden); the upload form.
 */
import type { FC } from 'hono/jsx';
import type { Attachment, ReleaseReview } from '../../../core/entities.js';
import { ATTACHMENT_KIND_LABEL } from '../../../app/cases/attachments.js';
import { Csrf, Field, Select } from '../layout.js';
import { ReleaseReviewBox } from './release-review.js';

const KIND_OPTIONS = Object.entries(ATTACHMENT_KIND_LABEL).map(([value, label]) => ({ value, label }));

const ChangeFile: FC<{ caseId: string; file: Attachment; csrf: string }> = ({ caseId, file, csrf }) => (
  <details class="small">
    <summary>更改类别或移除</summary>
    <form method="post" action={`/admin/cases/${caseId}/attachments/${file.id}/kind`}>
      <Csrf token={csrf} />
      <Select name="kind" label="改为类别" options={KIND_OPTIONS} value={file.kind} />
      <Field name="reason" label="原因（选填）" maxlength={200} hint="200字以内" />
      <button type="submit" class="secondary">
        更改类别
      </button>
    </form>
    <form method="post" action={`/admin/cases/${caseId}/attachments/${file.id}/remove`}>
      <Csrf token={csrf} />
      <Field
        name="reason"
        label="移除原因"
        required
        maxlength={200}
        hint="200字以内。移除后不再显示，文件和移除记录保留在审计日志中。"
      />
      <button type="submit" class="secondary">
        移除
      </button>
    </form>
  </details>
);

export const CaseAttachments: FC<{
  caseId: string;
  files: Attachment[];
  reviews: ReadonlyMap<string, ReleaseReview> | undefined;
  canChange: boolean;
  canReview: boolean;
  csrf: string;
}> = ({ caseId, files, reviews, canChange, canReview, csrf }) => (
  <section aria-labelledby="att-h">
    <h2 id="att-h">附件</h2>
    {files.length ? (
      <ul>
        {files.map((f) => (
          <li>
            {ATTACHMENT_KIND_LABEL[f.kind] ?? f.kind}：
            <a href={`/admin/cases/${caseId}/attachments/${f.id}`}>{f.filename}</a>（
            {Math.ceil(f.size / 1024)} KB）
            {f.kind === 'released_information' ? (
              <ReleaseReviewBox
                caseId={caseId}
                file={f}
                review={reviews?.get(f.id)}
                canReview={canReview}
                csrf={csrf}
              />
            ) : null}
            {canChange ? <ChangeFile caseId={caseId} file={f} csrf={csrf} /> : null}
          </li>
        ))}
      </ul>
    ) : (
      <p class="muted">暂无。</p>
    )}
    {canChange ? (
      <form
        method="post"
        action={`/admin/cases/${caseId}/attachments`}
        enctype="multipart/form-data"
        class="card"
      >
        <Csrf token={csrf} />
        <Select name="kind" label="类别" options={KIND_OPTIONS} />
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
);
