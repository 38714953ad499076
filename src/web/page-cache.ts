/**
 * A small in-process cache of rendered public pages (LRU, short TTL, bounded in entries and in bytes). Public
 * pages change only when something is published, revised or withdrawn: this process clears the cache at once;
 * other processes see the change within the TTL. Never used for anything personal (the back office and the
 * applicant's pages are not cached). Keyed by the URL alone: nothing a page prints comes from a request header
 * (absolute links use the configured PUBLIC_URL), so no header can poison what later visitors get.
 */
export class PageCache {
  private map = new Map<string, { body: string; type: string; until: number; bytes: number }>();
  private bytes = 0;
  constructor(
    private max = 5000,
    private ttlMs = 10000,
    private now: () => number = () => Date.now(),
    /** the most the cached bodies may take together (UTF-16 code units × 2) */
    private maxBytes = 64 * 1024 * 1024,
  ) {}

  get(key: string): { body: string; type: string } | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (e.until < this.now()) {
      this.drop(key);
      return undefined;
    }
    this.map.delete(key);
    this.map.set(key, e);
    return e;
  }

  set(key: string, body: string, type: string): void {
    const bytes = body.length * 2;
    if (bytes > this.maxBytes / 16) return; // one page never takes a sixteenth of the cache
    this.drop(key);
    while (this.map.size >= this.max || (this.map.size > 0 && this.bytes + bytes > this.maxBytes))
      this.drop(this.map.keys().next().value as string);
    this.map.set(key, { body, type, until: this.now() + this.ttlMs, bytes });
    this.bytes += bytes;
  }

  /** entries and bytes held now */
  size(): { entries: number; bytes: number } {
    return { entries: this.map.size, bytes: this.bytes };
  }

  clear(): void {
    this.map.clear();
    this.bytes = 0;
  }

  private drop(key: string): void {
    const e = this.map.get(key);
    if (!e) return;
    this.bytes -= e.bytes;
    this.map.delete(key);
  }
}
