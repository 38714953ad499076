/** Sending pages and files. */
import type { FastifyReply } from 'fastify';

/** An HTML page that no cache may keep (personal or per-user pages; public pages are cached by the server). */
export function sendHtml(reply: FastifyReply, html: string, status = 200) {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

/** A file download under its Chinese name, never sniffed into something else by the browser. */
export function sendDownload(reply: FastifyReply, mime: string, filename: string, bytes: Uint8Array) {
  return reply
    .type(mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(bytes));
}
