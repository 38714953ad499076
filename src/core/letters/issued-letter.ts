/**
 * A letter as issued: its content frozen when the event that issued it was recorded (or when a wrong one was
 * replaced), append-only like the case history. HTML, Word and PDF are rendered from `content`, never from
 * today's organ data, calendar or texts.
 */
import type { Letter, LetterKind } from './build-letters.js';

export interface IssuedLetter {
  /** `<case id>/<seq>` */
  id: string;
  caseId: string;
  organId: string;
  kind: LetterKind;
  /** 文号 (also in `content`) */
  number: string;
  /** 1, 2, 3 … in order of issue within the case */
  seq: number;
  issuedAt: string;
  /** the event that issued it; null for a letter issued to replace another */
  issuedByEventSeq: number | null;
  /** the letter this one replaces (已被替代) */
  replacesId: string | null;
  /** everything the letter prints */
  content: Letter;
}
