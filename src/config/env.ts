/**
 * Configuration, parsed once from the environment into a frozen object; every bad variable is listed at once.
 * Each option: default, doc, whether it is a secret. `<NAME>_FILE` reads the value from a file (Docker secrets).
 */
import { readFileSync } from 'node:fs';

interface Option {
  name: string;
  default?: string;
  doc: string;
  secret?: boolean;
}

export const OPTIONS: readonly Option[] = [
  { name: 'HOST', default: '127.0.0.1', doc: 'address to listen on' },
  { name: 'PORT', default: '3000', doc: 'port to listen on' },
  { name: 'DATA_DIR', default: './data', doc: 'SQLite database, attachments and the generated secret' },
  { name: 'DATABASE_URL', doc: 'postgres://… to use PostgreSQL instead of SQLite', secret: true },
  {
    name: 'SECRET',
    doc: 'signing secret for cookies and query codes (generated into DATA_DIR when unset)',
    secret: true,
  },
  { name: 'SECURE_COOKIES', default: 'false', doc: 'true behind HTTPS' },
  { name: 'LOG', default: 'false', doc: 'request logging (bodies and cookies are never logged)' },
  {
    name: 'PUBLIC_URL',
    doc: '(default http://HOST:PORT) the address the public reaches the portal at (RSS, sitemap and notices print it; never taken from a request)',
  },
  {
    name: 'APPLY_PER_MINUTE',
    default: '10',
    doc: 'online applications one client address may submit per minute',
  },
  {
    name: 'TRUST_PROXY',
    default: 'false',
    doc: 'addresses or CIDRs of the reverse proxies whose X-Forwarded-For is believed (comma-separated); false: none',
  },
  {
    name: 'S3_ENDPOINT',
    doc: 'http(s)://… of S3-compatible object storage for attachments (unset: DATA_DIR/attachments)',
  },
  { name: 'S3_BUCKET', doc: 'bucket for attachments (with S3_ENDPOINT)' },
  { name: 'S3_REGION', default: 'us-east-1', doc: 'region used in request signatures' },
  { name: 'S3_ACCESS_KEY_ID', doc: 'access key for the object storage', secret: true },
  { name: 'S3_SECRET_ACCESS_KEY', doc: 'secret key for the object storage', secret: true },
  {
    name: 'SMTP_URL',
    doc: 'smtp://user:pass@host:587 (STARTTLS when offered; ?requireTLS=true to insist) or smtps://… for e-mail notices',
    secret: true,
  },
  {
    name: 'SMTP_FROM',
    default: 'noreply@localhost',
    doc: 'sender address of notices (the organ is its display name)',
  },
  { name: 'SMS_URL', doc: 'https://… of the SMS provider endpoint notices are POSTed to (JSON)' },
  { name: 'SMS_SECRET', doc: 'key of the HMAC-SHA256 body signature sent to the SMS provider', secret: true },
  { name: 'SMS_SIGNATURE_HEADER', default: 'X-Signature', doc: 'header carrying the SMS body signature' },
  {
    name: 'SMS_TEMPLATE',
    doc: 'JSON body template for the SMS provider; string values may use {to}, {text}, {key}',
  },
  {
    name: 'JOB_LOCK_SECONDS',
    default: '300',
    doc: 'seconds a running job stays locked: after that a job of a worker that died runs elsewhere',
  },
  {
    name: 'WORKER',
    default: 'true',
    doc: 'run a job worker inside `serve` (false: only `gongkai worker` processes run jobs)',
  },
];

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  secret: string | undefined;
  secureCookies: boolean;
  log: boolean;
  /** absolute base URL of the public site, no trailing slash (default http://HOST:PORT) */
  publicUrl: string;
  /** online applications one client may submit per minute */
  applyPerMinute: number;
  /** the proxies whose X-Forwarded-For is trusted: false (none) or their addresses / CIDRs */
  trustProxy: false | string[];
  s3:
    | { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string }
    | undefined;
  smtpUrl: string | undefined;
  smtpFrom: string;
  sms: { url: string; secret?: string; signatureHeader: string; template?: string } | undefined;
  /** run a job worker inside the web process */
  worker: boolean;
  jobLockSeconds: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const v = (n: string): string | undefined => {
    const f = env[`${n}_FILE`];
    if (f) return readFileSync(f, 'utf8').trim();
    return env[n] ?? OPTIONS.find((o) => o.name === n)!.default;
  };
  const errors: string[] = [];
  const port = Number(v('PORT'));
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    errors.push(`PORT must be a port number, got "${v('PORT')}"`);
  const bool = (n: string): boolean => {
    const x = v(n);
    if (x !== 'true' && x !== 'false') errors.push(`${n} must be true or false, got "${x}"`);
    return x === 'true';
  };
  const secureCookies = bool('SECURE_COOKIES');
  const log = bool('LOG');
  const db = v('DATABASE_URL');
  if (db && !/^postgres(ql)?:\/\//.test(db)) errors.push('DATABASE_URL must start with postgres://');
  const secret = v('SECRET');
  if (secret !== undefined && secret.length < 16) errors.push('SECRET must be at least 16 characters');
  const publicUrl = (v('PUBLIC_URL') ?? `http://${v('HOST')}:${v('PORT')}`).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(publicUrl))
    errors.push(`PUBLIC_URL must be http(s)://host[/path], got "${publicUrl}"`);
  const applyPerMinute = Number(v('APPLY_PER_MINUTE'));
  if (!Number.isInteger(applyPerMinute) || applyPerMinute < 1)
    errors.push(`APPLY_PER_MINUTE must be a positive whole number, got "${v('APPLY_PER_MINUTE')}"`);
  const tp = (v('TRUST_PROXY') ?? 'false').trim();
  const trustProxy: false | string[] =
    tp === 'false' || tp === ''
      ? false
      : tp
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean);
  if (trustProxy && trustProxy.some((x) => !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(x)))
    errors.push(`TRUST_PROXY must be false or a comma-separated list of addresses/CIDRs, got "${tp}"`);
  let s3: Config['s3'];
  const endpoint = v('S3_ENDPOINT');
  if (endpoint) {
    if (!/^https?:\/\//.test(endpoint)) errors.push('S3_ENDPOINT must start with http:// or https://');
    const missing = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((n) => !v(n));
    if (missing.length) errors.push(`S3_ENDPOINT is set, so ${missing.join(', ')} must be set too`);
    else
      s3 = {
        endpoint,
        bucket: v('S3_BUCKET')!,
        region: v('S3_REGION')!,
        accessKeyId: v('S3_ACCESS_KEY_ID')!,
        secretAccessKey: v('S3_SECRET_ACCESS_KEY')!,
      };
  }
  const smtpUrl = v('SMTP_URL');
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) errors.push('SMTP_URL must start with smtp:// or smtps://');
  const smtpFrom = v('SMTP_FROM')!;
  if (!/^[^\s@<>"]+@[^\s@<>"]+$/.test(smtpFrom))
    errors.push(`SMTP_FROM must be an e-mail address, got "${smtpFrom}"`);
  const smsUrl = v('SMS_URL');
  if (smsUrl && !/^https?:\/\//.test(smsUrl)) errors.push('SMS_URL must start with http:// or https://');
  const smsTemplate = v('SMS_TEMPLATE');
  if (smsTemplate)
    try {
      const t = JSON.parse(smsTemplate) as unknown;
      if (!t || typeof t !== 'object' || Array.isArray(t)) errors.push('SMS_TEMPLATE must be a JSON object');
    } catch {
      errors.push('SMS_TEMPLATE must be valid JSON');
    }
  const worker = bool('WORKER');
  const jobLockSeconds = Number(v('JOB_LOCK_SECONDS'));
  if (!Number.isInteger(jobLockSeconds) || jobLockSeconds < 1)
    errors.push(`JOB_LOCK_SECONDS must be a positive whole number, got "${v('JOB_LOCK_SECONDS')}"`);
  if (errors.length) {
    process.stderr.write(`Invalid environment variables:\n  ${errors.join('\n  ')}\n`);
    process.exit(1);
  }
  return Object.freeze({
    host: v('HOST')!,
    port,
    dataDir: v('DATA_DIR')!,
    databaseUrl: db,
    secret,
    secureCookies,
    log,
    publicUrl,
    applyPerMinute,
    trustProxy,
    s3,
    smtpUrl,
    smtpFrom,
    sms: smsUrl
      ? {
          url: smsUrl,
          ...(v('SMS_SECRET') ? { secret: v('SMS_SECRET')! } : {}),
          signatureHeader: v('SMS_SIGNATURE_HEADER')!,
          ...(smsTemplate ? { template: smsTemplate } : {}),
        }
      : undefined,
    worker,
    jobLockSeconds,
  });
}

/** The configuration with secrets redacted (for `config:dump`). */
export function describeConfig(c: Config): string {
  return OPTIONS.map((o) => {
    const camel = (n: string) => n.toLowerCase().replace(/_(\w)/g, (_, x: string) => x.toUpperCase());
    const val: unknown =
      o.name === 'PUBLIC_URL'
        ? c.publicUrl
        : o.name === 'TRUST_PROXY'
          ? String(c.trustProxy)
          : o.name.startsWith('S3_')
            ? c.s3?.[camel(o.name.slice(3)) as keyof NonNullable<Config['s3']>]
            : o.name.startsWith('SMS_')
              ? c.sms?.[
                  (o.name === 'SMS_URL' ? 'url' : camel(o.name.slice(4))) as keyof NonNullable<Config['sms']>
                ]
              : c[camel(o.name) as keyof Config];
    return `${o.name}=${o.secret && val ? '********' : String(val ?? '')}  # ${o.doc}`;
  }).join('\n');
}
