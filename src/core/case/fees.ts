/**
 * 国办函〔2020〕109号《政府信息公开信息处理费管理办法》: the fee calculator. One method per application,
 * 按件 or 按量, never both (第三条); both are 超额累进.
 */

export interface FeeLine {
  from: number;
  to: number;
  count: number;
  rate: number;
  amount: number;
}
export interface FeeQuote {
  method: 'per_piece' | 'per_volume';
  amountYuan: number;
  lines: FeeLine[];
  text: string;
}

/**
 * 第四条 按件计收: per applicant per natural month — up to 10 件 free; 11–30 件 100元/件; from 31 件, each band of
 * 10 件 adds 100元/件 (31–40 200元, 41–50 300元 …).
 * @param alreadyThisMonth 件 the same applicant already counted this natural month
 * @param pieces 件 in this application
 */
export function perPieceFee(alreadyThisMonth: number, pieces: number): FeeQuote {
  const rate = (i: number): number => (i <= 10 ? 0 : i <= 30 ? 100 : 100 + 100 * Math.ceil((i - 30) / 10));
  const lines: FeeLine[] = [];
  let amount = 0;
  for (let i = alreadyThisMonth + 1; i <= alreadyThisMonth + pieces; i++) {
    const r = rate(i);
    const last = lines[lines.length - 1];
    if (last && last.rate === r) {
      last.to = i;
      last.count++;
      last.amount += r;
    } else lines.push({ from: i, to: i, count: 1, rate: r, amount: r });
    amount += r;
  }
  const text = lines
    .map(
      (l) =>
        `第${l.from}${l.to > l.from ? `至${l.to}` : ''}件${l.rate ? `每件${l.rate}元，计${l.amount}元` : '免费'}`,
    )
    .join('；');
  return {
    method: 'per_piece',
    amountYuan: amount,
    lines,
    text: `按件计收（本自然月已计${alreadyThisMonth}件，本次${pieces}件）：${text}；合计${amount}元。`,
  };
}

/** 第五条 按量计收 (per application): up to 30 页 free; 31–100 页 10元/页; 101–200 页 20元/页; from 201 页 40元/页. */
export function perVolumeFee(pages: number): FeeQuote {
  const bands: [number, number, number][] = [
    [1, 30, 0],
    [31, 100, 10],
    [101, 200, 20],
    [201, Infinity, 40],
  ];
  const lines: FeeLine[] = [];
  let amount = 0;
  for (const [a, b, r] of bands) {
    if (pages < a) break;
    const to = Math.min(pages, b);
    const count = to - a + 1;
    lines.push({ from: a, to, count, rate: r, amount: count * r });
    amount += count * r;
  }
  const text = lines
    .map((l) => `第${l.from}至${l.to}页${l.rate ? `每页${l.rate}元，计${l.amount}元` : '免费'}`)
    .join('；');
  return {
    method: 'per_volume',
    amountYuan: amount,
    lines,
    text: `按量计收（${pages}页）：${text || '无'}；合计${amount}元。`,
  };
}
