/**
 * Use case: the applicant supplies the 补正 online (条例第三十条): the text, and optionally a file. The text is
 * required; a file the type or size rules refuse is reported on the form, an empty file input is no file.
 */
import { canRecord } from '../../core/case/case-machine.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { addAttachment } from './attachments.js';
import { recordCaseEvent } from './record-case-event.js';
import type { CaseView } from './case-view.js';

export async function supplyClarification(
  deps: AppDeps,
  v: CaseView,
  input: { text: string; file: { filename: string; bytes: Uint8Array } | null },
  ip: string,
): Promise<void> {
  const text = input.text.trim();
  if (!text) throw new AppError('form_invalid', '请填写补正内容', 'invalid', { text: '请填写补正内容' });
  // the state is checked before any byte of an upload is stored (条例第三十条: only while a 补正 is awaited)
  if (!canRecord(v.snapshot.state, 'clarification_received', 'applicant'))
    throw new AppError('transition_not_allowed', '本案件当前不需要补正', 'conflict');
  if (input.file && input.file.filename && input.file.bytes.length > 0) {
    const by = { userId: null, role: 'applicant', organId: v.row.organId };
    try {
      await addAttachment(deps, v.row.id, 'clarification', input.file.filename, input.file.bytes, by, ip);
    } catch (e) {
      // the status page shows every message next to the text field
      if (e instanceof AppError && e.kind === 'invalid')
        throw new AppError(e.code, e.message, 'invalid', { text: Object.values(e.fields)[0] ?? e.message });
      throw e;
    }
  }
  const event = {
    kind: 'clarification_received',
    on: today(deps),
    by: 'applicant',
    note: text.slice(0, 4000),
  } as const;
  await recordCaseEvent(deps, { applicant: true }, v.row.id, event, ip);
}
