/**
 * The yearly 国务院办公厅关于YYYY年部分节假日安排的通知, read from its pasted text: every rest day (放假) and make-up
 * working day (上班) of each numbered item (“二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）
 * 上班。”), named after the item's holiday. Pure; never throws: what it cannot read, or what contradicts itself (a
 * weekday in parentheses that is not the date's, a 共N天 that is not the range's length, 上班 on a weekday), is a
 * problem and never a silent entry.
 */
import { type CalendarEntry, noticeSource } from './holiday-calendar.js';
import { type IsoDate, WEEKDAY_NAMES, dayNumber, isoOf, weekday } from './iso-date.js';

export interface NoticeProblem {
  /** the item (e.g. `二、春节`), or empty for the whole text */
  item: string;
  message: string;
}

export interface ParsedNotice {
  /** the year the notice arranges, or null when the text does not say */
  year: number | null;
  /** the 文号, e.g. 国办发明电〔2023〕7号, when the text has it */
  docNo: string | null;
  /** the source every entry carries (noticeSource): the notice's title and 文号 */
  source: string;
  /** rest and make-up working days, by date */
  entries: CalendarEntry[];
  problems: NoticeProblem[];
}

const CN_NUM = '一二三四五六七八九十';
const WEEKDAY_CHAR: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/** Full-width digits and punctuation to half-width (NFKC), dashes and tildes to 至 (a range), no blanks. */
function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/[-~〜～—–－]/g, '至')
    .replace(/[^\S\n]+/g, '');
}

/**
 * Reads the notice. `expectedYear`, when given, is the year the caller expects: a text naming another is a
 * problem, a text naming none is taken for it. Entries carry `noticeSource(year, docNo)`.
 */
export function parseHolidayNotice(text: string, expectedYear?: number): ParsedNotice {
  const problems: NoticeProblem[] = [];
  try {
    return read(typeof text === 'string' ? text : '', expectedYear, problems);
  } catch {
    problems.push({ item: '', message: '无法读取通知文本' });
    return { year: null, docNo: null, source: '', entries: [], problems };
  }
}

function read(raw: string, expectedYear: number | undefined, problems: NoticeProblem[]): ParsedNotice {
  const text = normalize(raw);
  const flat = text.replace(/\n/g, '');
  const titleYear =
    /(?:关于|關於)(\d{4})年部分(?:节|節)假日安排/.exec(flat) ?? /(?:现将|現將)(\d{4})年/.exec(flat);
  let year = titleYear ? Number(titleYear[1]) : null;
  if (year !== null && expectedYear !== undefined && year !== expectedYear)
    problems.push({ item: '', message: `通知是${year}年的安排，不是${expectedYear}年的` });
  if (year === null) {
    if (expectedYear === undefined) {
      problems.push({ item: '', message: '未找到通知的年度（“关于YYYY年部分节假日安排的通知”）' });
      return { year: null, docNo: null, source: '', entries: [], problems };
    }
    year = expectedYear;
  }
  const doc = /国办发明电[[(〔【]?(\d{4})[\])〕】]?(\d{1,3})号/.exec(flat);
  const docNo = doc ? `国办发明电〔${doc[1]}〕${doc[2]}号` : null;
  const source = noticeSource(year, docNo ?? undefined);

  // the numbered items: “一、元旦：…” at the start of a line or after a full stop, up to the next item or the end
  // of the paragraph (a line that ends with 。)
  const marks = [...text.matchAll(new RegExp(`(?:^|\\n|。)([${CN_NUM}]{1,3})、([^:\\n。]{1,30}?):`, 'g'))];
  if (!marks.length) {
    problems.push({ item: '', message: '未找到各项安排（如“一、元旦：1月1日放假……”）' });
    return { year, docNo, source, entries: [], problems };
  }
  const byDate = new Map<IsoDate, CalendarEntry>();
  marks.forEach((m, i) => {
    const start = m.index + m[0].length;
    const next =
      i + 1 < marks.length ? marks[i + 1]!.index + (marks[i + 1]![0].startsWith('。') ? 1 : 0) : text.length;
    const para = /。\n/.exec(text.slice(start, next));
    const body = text.slice(start, para ? start + para.index + 1 : next).replace(/\n/g, '');
    const name = m[2]!.trim();
    const item = `${m[1]}、${name}`;
    for (const e of readItem(body, name, year!, item, problems)) {
      const prev = byDate.get(e.date);
      if (prev && prev.kind !== e.kind)
        problems.push({ item, message: `${cnDay(e.date)}既是放假又是上班（另见“${prev.name}”）` });
      else if (!prev) byDate.set(e.date, { ...e, source });
    }
  });
  const entries = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  if (!entries.length) problems.push({ item: '', message: '没有读出任何放假或上班的日期' });
  return { year, docNo, source, entries, problems };
}

interface DateToken {
  year?: number;
  month?: number;
  day: number;
  /** the text in parentheses after the date, e.g. 星期日 or 农历除夕、周二 */
  note?: string;
  raw: string;
}

const DATE = /^(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:\(([^)]*)\))?/;

/** One item's sentences: dates before 放假 are rest days (a range 至 is every day of it), before 上班 work days. */
function readItem(
  body: string,
  name: string,
  year: number,
  item: string,
  problems: NoticeProblem[],
): Omit<CalendarEntry, 'source'>[] {
  const out: Omit<CalendarEntry, 'source'>[] = [];
  let month: number | undefined;
  let lastYear = year;
  for (const sentence of body.split(/[。;]/)) {
    if (!sentence) continue;
    // groups of dates, each closed by 放假 / 上班; a group closed by neither (e.g. 除夕（2月9日）休息) is no entry
    let pending: { from: IsoDate; to: IsoDate; raw: string }[] = [];
    let lastRest: { dates: IsoDate[]; raw: string } | null = null;
    let i = 0;
    while (i < sentence.length) {
      const tail = sentence.slice(i);
      const d = DATE.exec(tail);
      if (d) {
        const a = token(d);
        i += d[0].length;
        let b: DateToken | undefined;
        const r = /^(?:至|到)/.exec(sentence.slice(i));
        if (r) {
          const d2 = DATE.exec(sentence.slice(i + r[0].length));
          if (d2) {
            b = token(d2);
            i += r[0].length + d2[0].length;
          }
        }
        const span = resolve(a, b, { month, year: lastYear, notice: year, name });
        if (typeof span === 'string') {
          problems.push({ item, message: `${span}，未录入` });
          continue;
        }
        month = span.month;
        lastYear = span.year;
        const wrong = [checkWeekday(span.from, a), b ? checkWeekday(span.to, b) : null].filter(
          (x): x is string => !!x,
        );
        if (wrong.length) {
          for (const w of wrong)
            problems.push({ item, message: `${w}；“${a.raw}${b ? `至${b.raw}` : ''}”未录入` });
          continue;
        }
        pending.push({ from: span.from, to: span.to, raw: a.raw + (b ? `至${b.raw}` : '') });
        continue;
      }
      if (tail.startsWith('(')) {
        const close = tail.indexOf(')');
        i += close < 0 ? tail.length : close + 1;
        continue;
      }
      if (tail.startsWith('放假')) {
        if (pending.length) {
          const dates = pending.flatMap((p) => daysOf(p.from, p.to));
          lastRest = { dates, raw: pending.map((p) => p.raw).join('、') };
          for (const date of dates) out.push({ date, kind: 'rest', name });
        }
        pending = [];
        i += 2;
        continue;
      }
      if (tail.startsWith('上班') || tail.startsWith('补班')) {
        for (const p of pending)
          for (const date of daysOf(p.from, p.to)) {
            const w = weekday(date);
            if (w !== 0 && w !== 6)
              problems.push({
                item,
                message: `${cnDay(date)}是${WEEKDAY_NAMES[w]}，本来就是工作日，“上班”有误`,
              });
            else out.push({ date, kind: 'work', name });
          }
        pending = [];
        i += 2;
        continue;
      }
      const n = /^(?:共|放假)?(\d{1,2})天/.exec(tail);
      if (n && lastRest) {
        // “共8天” / “放假1天”: the days of the rest just read
        if (Number(n[1]) !== lastRest.dates.length) {
          problems.push({
            item,
            message: `${lastRest.raw}放假是${lastRest.dates.length}天，与“共${n[1]}天”不符`,
          });
          const drop = new Set(lastRest.dates);
          for (let k = out.length - 1; k >= 0; k--)
            if (out[k]!.kind === 'rest' && drop.has(out[k]!.date)) out.splice(k, 1);
        }
        lastRest = null;
        i += n[0].length;
        continue;
      }
      i++;
    }
  }
  return out;
}

function token(d: RegExpExecArray): DateToken {
  const t: DateToken = { day: Number(d[3]), raw: d[0] };
  if (d[1]) t.year = Number(d[1]);
  if (d[2]) t.month = Number(d[2]);
  if (d[4] !== undefined) t.note = d[4];
  return t;
}

/** The dates of a date or range, with the month and year carried from the dates before it in the item. */
function resolve(
  a: DateToken,
  b: DateToken | undefined,
  ctx: { month: number | undefined; year: number; notice: number; name: string },
): { from: IsoDate; to: IsoDate; month: number; year: number } | string {
  const m1 = a.month ?? ctx.month;
  if (m1 === undefined) return `“${a.raw}”没有月份`;
  const m2 = b ? (b.month ?? m1) : m1;
  // a written month without a year is the notice's year; December in the 元旦 item is the year before (元旦 over
  // the new year, its make-up days); a date without a month keeps the year of the date before it
  const yearOf = (t: DateToken, m: number, carried: number) =>
    t.year ??
    (t.month === undefined ? carried : m === 12 && /元旦/.test(ctx.name) ? ctx.notice - 1 : ctx.notice);
  const y1 = yearOf(a, m1, ctx.year);
  let y2 = b ? yearOf(b, m2, y1) : y1;
  if (b && y2 === y1 && m2 < m1) y2 = y1 + 1; // 12月31日至1月2日 outside the 元旦 item
  const from = iso(y1, m1, a.day);
  if (!from) return `“${a.raw}”不是真实日期`;
  if (!b) return { from, to: from, month: m1, year: y1 };
  const to = iso(y2, m2, b.day);
  if (!to) return `“${b.raw}”不是真实日期`;
  const len = dayNumber(to) - dayNumber(from);
  if (len < 0) return `“${a.raw}至${b.raw}”的终止日期早于起始日期`;
  if (len > 31) return `“${a.raw}至${b.raw}”超过一个月，请核对`;
  return { from, to, month: m2, year: y2 };
}

function iso(y: number, m: number, d: number): IsoDate | null {
  const s = `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  return Number.isNaN(dayNumber(s)) ? null : s;
}

/** A weekday written in the parentheses (星期日, 周二, 农历除夕、周二) must be the date's. */
function checkWeekday(date: IsoDate, t: DateToken): string | null {
  if (!t.note) return null;
  const m = /(?:星期|周|週|礼拜|禮拜)([日天一二三四五六])/.exec(t.note);
  if (!m) return null;
  const w = WEEKDAY_CHAR[m[1]!]!;
  const actual = weekday(date);
  return w === actual ? null : `${cnDay(date)}是${WEEKDAY_NAMES[actual]}，通知写的是（${t.note}），请核对`;
}

function daysOf(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d++) out.push(isoOf(d));
  return out;
}

function cnDay(d: IsoDate): string {
  return `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
}
