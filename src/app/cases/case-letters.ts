/**
 * Use case: the letters a case has produced so far, for staff (all) or for the applicant (those addressed to
 * them), and one letter by its file name (`reply.pdf`).
 */
import { buildLetters, type Letter } from '../../core/letters/build-letters.js';
import { AppError, type AppDeps } from '../deps.js';
import type { CaseView } from './case-view.js';

export type LetterFormat = 'html' | 'docx' | 'pdf';

/** Every letter of the case, the rights notice naming the parent organ as 复议机关. */
export async function caseLetters(deps: AppDeps, v: CaseView): Promise<Letter[]> {
  const parent = v.organ.parentId ? await deps.store.organs.find(v.organ.parentId) : undefined;
  return buildLetters(v.snapshot, {
    organ: v.organ,
    reviewOrgan: parent?.name ?? '上一级行政机关',
    caseId: v.row.id,
    calendar: deps.calendar,
    rules: deps.rules,
  });
}

/** The letters addressed to the applicant. */
export async function applicantLetters(deps: AppDeps, v: CaseView): Promise<Letter[]> {
  return (await caseLetters(deps, v)).filter((l) => l.forApplicant);
}

/** `name` is `<letter id>.<html|docx|pdf>`; not found otherwise. */
export function pickLetter(letters: Letter[], name: string): { letter: Letter; format: LetterFormat } {
  const m = /^(.+)\.(html|docx|pdf)$/.exec(name);
  const letter = m ? letters.find((x) => x.id === m[1]) : undefined;
  if (!m || !letter) throw new AppError('letter_not_found', '找不到该文书', 'not_found');
  return { letter, format: m[2] as LetterFormat };
}
