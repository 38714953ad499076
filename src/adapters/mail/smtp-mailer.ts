/**
 * E-mail over SMTP with nodemailer. SMTP_URL names the server (smtp://user:pass@host:587 upgrades with STARTTLS
 * when the server offers it; `?requireTLS=true` refuses to send without it; smtps:// for implicit TLS). The
 * notice's idempotency key is the message's Message-ID and its X-Gongkai-Notice header, so the receiving side can
 * recognise a message it already has.
 */
import nodemailer from 'nodemailer';
import type { Mailer } from '../../core/ports.js';

export function smtpMailer(url: string, o: { tlsRejectUnauthorized?: boolean } = {}): Mailer {
  const transport = nodemailer.createTransport({
    url,
    ...(o.tlsRejectUnauthorized === false ? { tls: { rejectUnauthorized: false } } : {}),
  } as never);
  return {
    async send(m) {
      const info = (await transport.sendMail({
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        messageId: `<${m.messageId.replace(/[^A-Za-z0-9._-]/g, '.')}@gongkai>`,
        headers: { 'X-Gongkai-Notice': m.messageId, ...m.headers },
      })) as { messageId?: string; response?: string };
      return info.response ?? info.messageId ?? 'sent';
    },
    async close() {
      transport.close();
    },
  };
}

/**
 * The demo's outbox: accepts every message and keeps nothing but the notice itself (shown at /admin/outbox), so
 * a newcomer sees what the demo would send without a mail server.
 */
export function demoOutboxMailer(): Mailer {
  return {
    async send(m) {
      return `demo-outbox:${m.messageId}`;
    },
    async close() {},
  };
}
