/**
 * Use cases of the back office's 年度报告 page: the form's first values, compiling from the form with a preview,
 * and importing an earlier published report with the original attached to its draft.
 */
import type { StaffUser } from '../../core/entities.js';
import { draftSectionOne } from './draft-section-one.js';
import { yearOverYear } from './year-over-year.js';
import { copiedProse } from './copied-prose.js';
import { extractAttachmentText } from '../../adapters/parse/extract-text.js';
import { AppError, type AppDeps, today } from '../deps.js';
import { sniffType } from '../cases/attachments.js';
import { addItemFile } from '../publication/items.js';
import { compileAnnualReport, manualSection2Slots } from './compile-annual-report.js';
import { importReport } from './import-report.js';

/** The report year a page is about: the one asked for, or last year (the one being reported on now). */
export function reportYear(deps: AppDeps, asked: string | undefined): number {
  return Number(asked) || Number(today(deps).slice(0, 4)) - 1;
}

/**
 * The form's first values: Section 一 drafted from the organ's data (draft-section-one.ts) and the headings of
 * 五 and 六, for the clerk to complete.
 */
export async function reportFormDefaults(deps: AppDeps, user: StaffUser, year: number) {
  const organ = (await deps.store.organs.find(user.organId))!;
  const values = {
    s1: await draftSectionOne(deps, organ, year),
    s5: '存在的主要问题：【请补充】\n改进情况：【请补充】',
    s6: '无',
  };
  return { values, manual: manualSection2Slots(year) };
}

/** Compiles the report from the organ's data and the form (Sections 一, 五, 六 and the manual Section 二 cells). */
export async function compileFromForm(
  deps: AppDeps,
  user: StaffUser,
  year: number,
  f: Record<string, string>,
) {
  const manual: Record<string, string> = {};
  for (const m of manualSection2Slots(year)) manual[m.key] = f[m.key] ?? '';
  const sections = { 一: f.s1 ?? '', 五: f.s5 ?? '', 六: f.s6 ?? '' };
  const compiled = await compileAnnualReport(deps, user, { year, sections, manual });
  const preview = compiled.html.replace(/^[\s\S]*<body>/, '').replace(/<\/body>[\s\S]*$/, '');
  // last year beside this year; a large change Section 一 does not explain is a warning
  const organ = (await deps.store.organs.find(user.organId))!;
  const yoy = await yearOverYear(deps, organ, compiled.report);
  compiled.findings.push(...yoy.findings, ...(await copiedProse(deps, organ, compiled.report)));
  return { compiled, preview, manual: manualSection2Slots(year), yoy };
}

/** Imports an earlier report into the 年报 column and attaches the original when its type can be attached. */
export async function importReportWithOriginal(
  deps: AppDeps,
  user: StaffUser,
  file: { filename: string; bytes: Uint8Array } | null,
  ip: string,
) {
  const r = await importReport(deps, user, file?.filename ?? '', file?.bytes ?? new Uint8Array(), ip);
  const attached = await addItemFile(
    deps,
    user,
    r.itemId,
    file!.filename || 'report',
    file!.bytes,
    extractAttachmentText,
    sniffType,
    ip,
  ).then(
    () => true,
    (e: unknown) => {
      if (e instanceof AppError) return false;
      throw e;
    },
  );
  return { ...r, attached };
}
