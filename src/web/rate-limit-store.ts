/**
 * A store for @fastify/rate-limit that keeps its counters in the database (fixed windows), so that every web
 * process behind a load balancer enforces one limit per client and route: the web process keeps no state of its
 * own. Windows older than the previous one are pruned now and then.
 */
import type { Store } from '../core/ports.js';

interface Params {
  routeInfo?: { method?: string | string[]; url?: string };
}
type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

export function databaseRateLimitStore(store: Store, now: () => number = Date.now) {
  let hits = 0;
  return class DatabaseRateLimitStore {
    private readonly route: string;
    constructor(params: Params = {}) {
      const r = params.routeInfo ?? {};
      this.route = `${Array.isArray(r.method) ? r.method.join(',') : (r.method ?? '*')} ${r.url ?? '*'}`;
    }
    incr(key: string, cb: Callback, timeWindow: number): void {
      const t = now();
      const window = Math.floor(t / timeWindow);
      const prune =
        ++hits % 200 === 0 ? store.rateLimits.prune(window - 1).catch(() => undefined) : Promise.resolve();
      store.rateLimits.hit(`${this.route}|${key}`, window).then(
        (current) => prune.then(() => cb(null, { current, ttl: (window + 1) * timeWindow - t })),
        (e: unknown) => cb(e instanceof Error ? e : new Error(String(e))),
      );
    }
    child(params: Params) {
      return new DatabaseRateLimitStore(params);
    }
  };
}
