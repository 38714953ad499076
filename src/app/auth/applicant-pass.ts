/**
 * The applicant's pass: after the case number and query code were checked once, a signed, short-lived token
 * (kept in a cookie) lets the applicant open the case, supply the 补正 and download letters without typing the
 * code again. Only the HMAC of the code is stored; the pass is an HMAC of the case id and its expiry.
 */
import { hmac, safeEqual } from '../../adapters/security/password-hasher.js';
import { AppError, type AppDeps } from '../deps.js';
import { getCaseForApplicant, getCaseForApplicantSession, type CaseView } from '../cases/case-view.js';

export const APPLICANT_PASS_SECONDS = 2 * 3600;

/** A pass for the case, valid for two hours. */
export function issueApplicantPass(deps: AppDeps, caseId: string): string {
  const exp = deps.now().getTime() + APPLICANT_PASS_SECONDS * 1000;
  return `${caseId}.${exp}.${hmac(deps.secret, `${caseId}.${exp}`)}`;
}

function passOpens(deps: AppDeps, pass: string | undefined, caseId: string): boolean {
  if (!pass) return false;
  const [id, exp, sig] = pass.split('.');
  return (
    id === caseId &&
    Number(exp) > deps.now().getTime() &&
    !!sig &&
    safeEqual(sig, hmac(deps.secret, `${id}.${exp}`))
  );
}

/** Checks case number and query code; the view and a new pass. */
export async function openCaseWithCode(deps: AppDeps, caseId: string, code: string) {
  const view = await getCaseForApplicant(deps, caseId, code);
  return { view, pass: issueApplicantPass(deps, view.row.id) };
}

/** The case the pass opens; not found (as for a wrong code) otherwise. */
export async function openCaseWithPass(
  deps: AppDeps,
  pass: string | undefined,
  caseId: string,
): Promise<CaseView> {
  if (!passOpens(deps, pass, caseId))
    throw new AppError('case_not_found', '请先用案件编号和查询码查询', 'not_found');
  return getCaseForApplicantSession(deps, caseId);
}
