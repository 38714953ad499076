/**
 * E-mail over SMTP with nodemailer (its SMTP connection and MIME composer). SMTP_URL names the server
 * (smtp://user:pass@host:587 upgrades with STARTTLS when the server offers it; `?requireTLS=true` refuses to send
 * without it; smtps:// for implicit TLS). The notice's idempotency key is the message's Message-ID and its
 * X-Gongkai-Notice header.
 *
 * Handing over: the message is streamed after the server's 354; its end — the final "." that makes the server
 * take it — waits for `beforeHandOver` (the notice recorded as being handed over). A worker killed before that
 * leaves the server nothing (it drops an unfinished DATA), so the notice is sent again; killed after it, the
 * notice is counted as sent and never sent twice.
 */
import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { parseConnectionUrl } from 'nodemailer/lib/shared';
import type { Mailer } from '../../core/ports.js';

/** The address of `"Name" <a@b>` or `a@b`. */
function addressOf(from: string): string {
  return /<([^>]+)>\s*$/.exec(from)?.[1] ?? from;
}

const call = <T>(fn: (cb: (err: Error | null | undefined, v?: T) => void) => void) =>
  new Promise<T>((res, rej) => fn((err, v) => (err ? rej(err) : res(v as T))));

export function smtpMailer(url: string, o: { tlsRejectUnauthorized?: boolean } = {}): Mailer {
  const base = parseConnectionUrl(url) as SMTPConnection.Options & { auth?: SMTPConnection.Credentials };
  const options: SMTPConnection.Options = {
    ...base,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    ...(o.tlsRejectUnauthorized === false ? { tls: { rejectUnauthorized: false } } : {}),
  };
  return {
    async send(m) {
      const raw = await new MailComposer({
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        messageId: `<${m.messageId.replace(/[^A-Za-z0-9._-]/g, '.')}@gongkai>`,
        headers: { 'X-Gongkai-Notice': m.messageId, ...m.headers },
      })
        .compile()
        .build();
      let step = 0;
      const body = new Readable({
        read() {
          if (step === 0) {
            step = 1;
            this.push(raw);
          } else if (step === 1) {
            step = 2;
            Promise.resolve(m.beforeHandOver?.()).then(
              () => this.push(null),
              (e: unknown) => this.destroy(e instanceof Error ? e : new Error(String(e))),
            );
          }
        },
      });
      const conn = new SMTPConnection(options);
      conn.on('error', () => {
        // reported through the callbacks below
      });
      try {
        await call<void>((cb) => conn.connect((e) => cb(e)));
        if (base.auth?.user) await call<void>((cb) => conn.login(base.auth!, (e) => cb(e)));
        const info = await call<SMTPConnection.SentMessageInfo>((cb) =>
          conn.send({ from: addressOf(m.from), to: [m.to] }, body, (e, i) => cb(e, i)),
        );
        conn.quit();
        return String(info.response ?? 'sent');
      } catch (e) {
        conn.close();
        throw e;
      }
    },
    async close() {},
  };
}

/**
 * The demo's outbox: accepts every message and keeps nothing but the notice itself (shown at /admin/outbox), so
 * a newcomer sees what the demo would send without a mail server.
 */
export function demoOutboxMailer(): Mailer {
  return {
    async send(m) {
      await m.beforeHandOver?.();
      return `demo-outbox:${m.messageId}`;
    },
    async close() {},
  };
}
