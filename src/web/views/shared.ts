/** Small helpers the back-office pages of several areas share. */

export type Flash = { kind: 'ok' | 'err'; text: string } | null;

/** A stored instant shown in China Standard Time. */
export function cst(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : new Date(d.getTime() + 8 * 3600000).toISOString().replace('T', ' ').slice(0, 19);
}
