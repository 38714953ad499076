/**
 * Charts as server-rendered SVG (no scripts, escaped text, readable without colour: every bar carries its number,
 * and each chart names what it shows for screen readers). The tables beside them hold the same figures.
 */
import type { Child, FC } from 'hono/jsx';

export interface Series {
  label: string;
  color: string;
}

/** The SVG element with its accessible name and description, and the legend. */
const Frame: FC<{
  id: string;
  W: number;
  H: number;
  title: string;
  desc: string;
  series: Series[];
  legendX: number;
  legendStep: number;
  children?: Child;
}> = (p) => (
  <svg
    class="chart"
    viewBox={`0 0 ${p.W} ${p.H}`}
    role="img"
    aria-labelledby={`${p.id}-t ${p.id}-d`}
    xmlns="http://www.w3.org/2000/svg"
  >
    <title id={`${p.id}-t`}>{p.title}</title>
    <desc id={`${p.id}-d`}>{p.desc}</desc>
    {p.series.map((s, k) => (
      <g>
        <rect x={p.legendX + k * p.legendStep} y={4} width={12} height={12} fill={s.color} />
        <text x={p.legendX + k * p.legendStep + 18} y={15} font-size="13">
          {s.label}
        </text>
      </g>
    ))}
    {p.children}
  </svg>
);

/** Columns grouped per category (e.g. per month: received, published). */
export const GroupedColumns: FC<{
  id: string;
  title: string;
  categories: string[];
  series: Series[];
  values: number[][];
}> = ({ id, title, categories, series, values }) => {
  const W = 720;
  const H = 220;
  const top = 28;
  const bottom = 36;
  const left = 8;
  const plotH = H - top - bottom;
  const max = Math.max(1, ...values.flat());
  const slot = (W - left * 2) / Math.max(1, categories.length);
  const bw = Math.max(4, Math.min(22, (slot - 8) / series.length));
  const desc = categories
    .map((c, i) => `${c}：${series.map((s, k) => `${s.label}${values[i]![k]}`).join('，')}`)
    .join('；');
  return (
    <Frame id={id} W={W} H={H} title={title} desc={desc} series={series} legendX={left} legendStep={120}>
      <line x1={left} x2={W - left} y1={top + plotH} y2={top + plotH} stroke="#9aa3ad" />
      {categories.map((c, i) => {
        const x0 = left + i * slot + (slot - bw * series.length) / 2;
        return (
          <g>
            {series.map((s, k) => {
              const v = values[i]![k]!;
              const h = Math.round((v / max) * (plotH - 14));
              const x = x0 + k * bw;
              return (
                <g>
                  <rect x={x} y={top + plotH - h} width={bw - 2} height={h} fill={s.color} />
                  <text x={x + (bw - 2) / 2} y={top + plotH - h - 3} font-size="11" text-anchor="middle">
                    {String(v)}
                  </text>
                </g>
              );
            })}
            <text x={left + i * slot + slot / 2} y={H - bottom + 18} font-size="12" text-anchor="middle">
              {c}
            </text>
          </g>
        );
      })}
    </Frame>
  );
};

/** One horizontal bar per row, split into stacked parts (e.g. per organ: on track, due soon, overdue). */
export const StackedBars: FC<{
  id: string;
  title: string;
  rows: { label: string; parts: number[] }[];
  series: Series[];
}> = ({ id, title, rows, series }) => {
  const W = 720;
  const labelW = 170;
  const rowH = 28;
  const top = 26;
  const H = top + rows.length * rowH + 8;
  const max = Math.max(1, ...rows.map((r) => r.parts.reduce((a, b) => a + b, 0)));
  const scale = (W - labelW - 40) / max;
  const desc = rows
    .map((r) => `${r.label}：${series.map((s, k) => `${s.label}${r.parts[k]}`).join('，')}`)
    .join('；');
  return (
    <Frame id={id} W={W} H={H} title={title} desc={desc} series={series} legendX={labelW} legendStep={130}>
      {rows.map((r, i) => {
        const y = top + i * rowH;
        let x = labelW;
        const total = r.parts.reduce((a, b) => a + b, 0);
        return (
          <g>
            <text x={labelW - 8} y={y + 18} font-size="13" text-anchor="end">
              {r.label}
            </text>
            {r.parts.map((v, k) => {
              const w = v * scale;
              const el =
                v > 0 ? (
                  <g>
                    <rect x={x} y={y + 4} width={w} height={rowH - 10} fill={series[k]!.color} />
                    {w >= 16 ? (
                      <text x={x + w / 2} y={y + 18} font-size="11" text-anchor="middle" class="in">
                        {String(v)}
                      </text>
                    ) : null}
                  </g>
                ) : null;
              x += w;
              return el;
            })}
            <text x={x + 6} y={y + 18} font-size="12">
              {String(total)}
            </text>
          </g>
        );
      })}
    </Frame>
  );
};
