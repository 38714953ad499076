/**
 * A real SMTP server for tests (smtp-server, STARTTLS with its built-in test certificate) that keeps every message
 * it accepts, parsed; and a real HTTP endpoint that keeps every SMS posted to it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface SinkMessage {
  to: string;
  from: string;
  subject: string;
  text: string;
  notice: string;
  messageId: string;
  secure: boolean;
}

export interface MailSink {
  url: string;
  messages: SinkMessage[];
  /** waits until `n` messages arrived (or fails after `ms`) */
  waitFor(n: number, ms?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startMailSink(
  o: { starttls?: boolean; answerAfterMs?: number } = {},
): Promise<MailSink> {
  const messages: SinkMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    disableReverseLookup: true,
    ...(o.starttls === false ? { hideSTARTTLS: true } : {}),
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((m) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: m.subject ?? '',
            text: m.text ?? '',
            notice: String(m.headers.get('x-gongkai-notice') ?? ''),
            messageId: m.messageId ?? '',
            secure: session.secure,
          });
          // the server has the message; its answer may take a while (a worker may die meanwhile)
          if (o.answerAfterMs) setTimeout(() => callback(), o.answerAfterMs);
          else callback();
        })
        .catch(callback);
    },
  });
  // a client killed mid-message resets its connection: the server goes on with the others
  server.on('error', () => {});
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: (n, ms = 15_000) =>
      waitUntil(
        () => messages.length >= n,
        ms,
        () => `${messages.length} of ${n} e-mails`,
      ),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export interface SmsSink {
  url: string;
  received: { body: Record<string, string>; key: string; signature: string }[];
  waitFor(n: number, ms?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startSmsSink(): Promise<SmsSink> {
  const received: SmsSink['received'] = [];
  let n = 0;
  const server: Server = createServer((req, res) => {
    let data = '';
    req.on('data', (d: Buffer) => (data += d.toString()));
    req.on('end', () => {
      received.push({
        body: JSON.parse(data) as Record<string, string>,
        key: String(req.headers['idempotency-key'] ?? ''),
        signature: String(req.headers['x-signature'] ?? ''),
      });
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ id: `sms-${++n}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/send`,
    received,
    waitFor: (k, ms = 15_000) =>
      waitUntil(
        () => received.length >= k,
        ms,
        () => `${received.length} of ${k} SMS`,
      ),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function waitUntil(
  ok: () => boolean | Promise<boolean>,
  ms: number,
  what: () => string,
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
