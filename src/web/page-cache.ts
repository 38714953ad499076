/**
 * A small in-process cache of rendered public pages (LRU, short TTL). Public pages change only when something is
 * published, revised or withdrawn: this process clears the cache at once; other processes see the change within
 * the TTL. Never used for anything personal (the back office and the applicant's pages are not cached).
 */
export class PageCache {
  private map = new Map<string, { body: string; type: string; until: number }>();
  constructor(
    private max = 5000,
    private ttlMs = 10000,
    private now: () => number = () => Date.now(),
  ) {}

  get(key: string): { body: string; type: string } | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (e.until < this.now()) {
      this.map.delete(key);
      return undefined;
    }
    this.map.delete(key);
    this.map.set(key, e);
    return e;
  }

  set(key: string, body: string, type: string): void {
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as string);
    this.map.set(key, { body, type, until: this.now() + this.ttlMs });
  }

  clear(): void {
    this.map.clear();
  }
}
