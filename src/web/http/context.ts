/** What every route plugin gets: the use cases' dependencies, the server options and the public page cache. */
import type { AppDeps } from '../../app/deps.js';
import type { PageCache } from '../page-cache.js';

export interface ServerOptions {
  /** seconds a rendered public page may be served from memory (0 disables) */
  pageCacheSeconds?: number;
  /** rate limits (per IP per minute) for login and the status query */
  loginPerMinute?: number;
  statusPerMinute?: number;
  reportCheckPerMinute?: number;
  /** applications one client may submit per minute, and letters (PDF is rendered by a browser) it may download */
  applyPerMinute?: number;
  lettersPerMinute?: number;
  /** how often (seconds) to look whether another process changed the working-day calendar; default 5 */
  calendarRefreshSeconds?: number;
  /** mark cookies Secure (behind HTTPS) */
  secureCookies?: boolean;
  logger?: boolean;
  /** where the log goes (standard output by default) */
  logStream?: { write(line: string): unknown };
  /** absolute base URL the feeds and the sitemap print (never taken from a request's headers) */
  publicUrl?: string;
  /** the reverse proxies whose X-Forwarded-For is believed; none by default */
  trustProxy?: false | string[];
  /** the demo instance (its outbox explains that no mail server is connected) */
  demo?: boolean;
}

export interface WebContext {
  deps: AppDeps;
  opts: ServerOptions;
  /** rendered public pages; cleared whenever something public may have changed */
  cache: PageCache;
  /** forgets every cached public page and the portal's memoised organ data */
  purgePublic: () => void;
}

export const SESSION_COOKIE = 'gk_sid';
export const APPLICANT_COOKIE = 'gk_case';
/** a browser that logged in before (its failures are counted apart from everyone else's) */
export const DEVICE_COOKIE = 'gk_dev';
