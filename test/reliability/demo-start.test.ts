/**
 * The README's demo command: `gongkai demo` seeds the demo organs and prints the staff logins and, for a newcomer
 * to try the applicant's side, open cases with query codes that work on the status page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

test('the demo prints staff logins and open cases whose printed query codes open the applicant’s status page', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-demo-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/main.ts', '--demo'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dir, PORT: '0', LOG: 'false', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`demo did not start: ${out} ${err}`)), 120_000);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('按 Ctrl+C 停止')) {
          clearTimeout(timer);
          res();
        }
      });
      child.on('exit', (code) => rej(new Error(`demo exited (${code}): ${err}`)));
    });
    const base = /已启动：(http:\/\/\S+)/.exec(out)![1]!;
    assert.match(out, /th-clerk\s+\S+\s+经办人/);
    const cases = [...out.matchAll(/^\s+(TH-\d{4}-\d{4})\s+([2-9A-HJ-NP-Z]{8})\s+(\S+)$/gm)];
    assert.ok(cases.length >= 3, `open cases printed:\n${out}`);
    for (const [, caseId, code] of cases.slice(0, 3)) {
      const form = await fetch(`${base}/status`);
      const cookie = (form.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
      const r = await fetch(`${base}/status`, {
        method: 'POST',
        body: new URLSearchParams({ caseId: caseId!, code: code!, _csrf: csrf }),
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        redirect: 'manual',
      });
      assert.equal(r.status, 303, `${caseId} ${code} opens its status page`);
      assert.equal(r.headers.get('location'), `/status/${caseId}`);
    }
    const wrong = await fetch(`${base}/status`);
    const cookie = (wrong.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await wrong.text())![1]!;
    const refused = await fetch(`${base}/status`, {
      method: 'POST',
      body: new URLSearchParams({ caseId: cases[0]![1]!, code: 'ZZZZZZZZ', _csrf: csrf }),
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      redirect: 'manual',
    });
    assert.notEqual(refused.status, 303, 'a wrong code opens nothing');

    // the demo has no mail server: the notices it would send are listed in the outbox
    const jar = new Map<string, string>();
    const go = async (path: string, form?: Record<string, string>) => {
      const r = await fetch(`${base}${path}`, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        ...(form ? { body: new URLSearchParams(form) } : {}),
      });
      for (const c of r.headers.getSetCookie?.() ?? []) {
        const [kv] = c.split(';');
        const i = kv!.indexOf('=');
        jar.set(kv!.slice(0, i), kv!.slice(i + 1));
      }
      const body = await r.text();
      return { status: r.status, body, csrf: /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '' };
    };
    const form = await go('/apply/tianhu');
    const idem = /name="idem" value="([^"]+)"/.exec(form.body)![1]!;
    const applied = await go('/apply/tianhu', {
      _csrf: form.csrf,
      idem,
      applicantType: 'natural_person',
      name: '演示申请人',
      idNumber: '11010519491231002X',
      phone: '13800138000',
      email: 'demo@example.com',
      description: '2025年本镇农村危房改造补助发放名单',
      requestedForm: 'electronic',
      delivery: 'email',
      notifyEmail: 'yes',
    });
    assert.equal(applied.status, 303, applied.body.slice(0, 300));
    const password = /th-admin\s+(\S+)/.exec(out)![1]!;
    const login = await go('/admin/login');
    assert.equal(
      (await go('/admin/login', { _csrf: login.csrf, username: 'th-admin', password })).status,
      303,
    );
    let outbox = '';
    for (let i = 0; i < 50 && !/已发送/.test(outbox); i++) {
      outbox = (await go('/admin/outbox')).body;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.match(outbox, /演示环境没有连接邮件服务器/);
    assert.match(outbox, /已登记/);
    assert.match(outbox, /已发送/, 'the demo outbox took the receipt notice');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    rmSync(dir, { recursive: true, force: true });
  }
});
