/** A file to be released to the applicant: its 保密审查 (条例第十七条), and the head's form to record it. */
import type { FC } from 'hono/jsx';
import type { Attachment, ReleaseReview } from '../../../core/entities.js';
import { Csrf, Field, Select } from '../layout.js';
import { cstDate } from '../shared.js';

export const ReleaseReviewBox: FC<{
  caseId: string;
  file: Attachment;
  review: ReleaseReview | undefined;
  canReview: boolean;
  csrf: string;
}> = ({ caseId, file, review, canReview, csrf }) => (
  <div class="small">
    {review ? (
      <span class={`badge ${review.passed ? 'ok' : 'overdue'}`}>
        保密审查{review.passed ? '通过' : '未通过'}（{review.byName}，{cstDate(review.at)}：{review.basis}）
      </span>
    ) : (
      <span class="badge soon">未经保密审查，答复签发后也不会向申请人提供</span>
    )}
    {canReview ? (
      <details>
        <summary>记录保密审查</summary>
        <form method="post" action={`/admin/cases/${caseId}/attachments/${file.id}/review`}>
          <Csrf token={csrf} />
          <Select
            name="passed"
            label="结论"
            options={[
              { value: 'yes', label: '通过：可以向申请人提供' },
              { value: 'no', label: '不通过' },
            ]}
          />
          <Field name="basis" label="依据（如：不涉及国家秘密、商业秘密和个人隐私）" required />
          <button type="submit" class="secondary">
            记录
          </button>
        </form>
      </details>
    ) : null}
  </div>
);
