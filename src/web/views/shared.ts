/** Small helpers the back-office pages of several areas share. */

export type Flash = { kind: 'ok' | 'err'; text: string } | null;

/** A stored instant shown in China Standard Time. */
export function cst(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : new Date(d.getTime() + 8 * 3600000).toISOString().replace('T', ' ').slice(0, 19);
}

/** The China Standard Time date (YYYY-MM-DD) of a stored instant: 2024-03-03T17:00Z is 2024-03-04 in Beijing. */
export function cstDate(iso: string): string {
  return cst(iso).slice(0, 10);
}
