/**
 * SMS through a provider's HTTPS endpoint (one generic adapter): POSTs JSON to SMS_URL with the recipient, the
 * text (or the fields of SMS_TEMPLATE, a JSON object whose string values may use {to}, {text} and {key}), the
 * notice's idempotency key in an Idempotency-Key header, and an HMAC-SHA256 of the body, keyed by SMS_SECRET, in
 * the signature header (default X-Signature). A 2xx answer is sent; the provider's id is read from `id`,
 * `messageId` or `requestId` of a JSON answer.
 */
import { createHmac } from 'node:crypto';
import type { SmsSender } from '../../core/ports.js';

export interface HttpSmsConfig {
  url: string;
  secret?: string;
  signatureHeader?: string;
  /** JSON object template; default { "to": "{to}", "text": "{text}" } */
  template?: string;
  timeoutMs?: number;
}

function fill(v: unknown, vars: Record<string, string>): unknown {
  if (typeof v === 'string') return v.replace(/\{(to|text|key)\}/g, (_, k: string) => vars[k]!);
  if (Array.isArray(v)) return v.map((x) => fill(x, vars));
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x, vars)]));
  return v;
}

export function httpSmsSender(c: HttpSmsConfig): SmsSender {
  const template = c.template ? (JSON.parse(c.template) as unknown) : { to: '{to}', text: '{text}' };
  return {
    async send(m) {
      const body = JSON.stringify(fill(template, { to: m.to, text: m.text, key: m.key }));
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'idempotency-key': m.key,
      };
      if (c.secret)
        headers[(c.signatureHeader ?? 'X-Signature').toLowerCase()] = createHmac('sha256', c.secret)
          .update(body)
          .digest('hex');
      const r = await fetch(c.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(c.timeoutMs ?? 10_000),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`SMS provider answered ${r.status}: ${text.slice(0, 200)}`);
      try {
        const j = JSON.parse(text) as Record<string, unknown>;
        return String(j.id ?? j.messageId ?? j.requestId ?? r.status);
      } catch {
        return String(r.status);
      }
    },
  };
}
