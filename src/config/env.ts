/**
 * Configuration, parsed once from the environment into a frozen object; every bad variable is listed at once.
 * Each option: default, doc, whether it is a secret. `<NAME>_FILE` reads the value from a file (Docker secrets).
 */
import { readFileSync } from 'node:fs';

interface Option { name: string; default?: string; doc: string; secret?: boolean }

export const OPTIONS: readonly Option[] = [
  { name: 'HOST', default: '127.0.0.1', doc: 'address to listen on' },
  { name: 'PORT', default: '3000', doc: 'port to listen on' },
  { name: 'DATA_DIR', default: './data', doc: 'SQLite database, attachments and the generated secret' },
  { name: 'DATABASE_URL', doc: 'postgres://… to use PostgreSQL instead of SQLite', secret: true },
  { name: 'SECRET', doc: 'signing secret for cookies and query codes (generated into DATA_DIR when unset)', secret: true },
  { name: 'SECURE_COOKIES', default: 'false', doc: 'true behind HTTPS' },
  { name: 'LOG', default: 'false', doc: 'request logging (bodies and cookies are never logged)' },
];

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  secret: string | undefined;
  secureCookies: boolean;
  log: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const v = (n: string): string | undefined => {
    const f = env[`${n}_FILE`];
    if (f) return readFileSync(f, 'utf8').trim();
    return env[n] ?? OPTIONS.find((o) => o.name === n)!.default;
  };
  const errors: string[] = [];
  const port = Number(v('PORT'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) errors.push(`PORT must be a port number, got "${v('PORT')}"`);
  const bool = (n: string): boolean => { const x = v(n); if (x !== 'true' && x !== 'false') errors.push(`${n} must be true or false, got "${x}"`); return x === 'true'; };
  const secureCookies = bool('SECURE_COOKIES');
  const log = bool('LOG');
  const db = v('DATABASE_URL');
  if (db && !/^postgres(ql)?:\/\//.test(db)) errors.push('DATABASE_URL must start with postgres://');
  const secret = v('SECRET');
  if (secret !== undefined && secret.length < 16) errors.push('SECRET must be at least 16 characters');
  if (errors.length) {
    process.stderr.write(`Invalid environment variables:\n  ${errors.join('\n  ')}\n`);
    process.exit(1);
  }
  return Object.freeze({ host: v('HOST')!, port, dataDir: v('DATA_DIR')!, databaseUrl: db, secret, secureCookies, log });
}

/** The configuration with secrets redacted (for `config:dump`). */
export function describeConfig(c: Config): string {
  return OPTIONS.map((o) => {
    const key = o.name.toLowerCase().replace(/_(\w)/g, (_, x: string) => x.toUpperCase()) as keyof Config;
    const val = c[key];
    return `${o.name}=${o.secret && val ? '********' : String(val ?? '')}  # ${o.doc}`;
  }).join('\n');
}
