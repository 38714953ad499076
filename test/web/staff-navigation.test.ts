/**
 * The back office's header names the organ the staff member works for, and links only to pages their role may
 * open: every link in the header of every role opens (200), and a page a role may not open is not linked.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client, testApp } from '../helpers/test-app.js';

const navLinks = (html: string): string[] => {
  const nav = /<nav aria-label="后台导航">([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '';
  return [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
};

test('the staff header names the organ and links only to pages the role may open', async () => {
  const t = await testApp();
  try {
    const organs = await t.deps.store.organs.list();
    const seen = new Set<string>();
    for (const username of [
      'th-clerk',
      'th-head',
      'th-admin',
      'county-admin',
      'county-super',
      'county-clerk',
    ]) {
      const user = await t.deps.store.users.findByUsername(username);
      if (!user) continue;
      seen.add(username);
      const c = new Client(t.app);
      await c.login(username);
      const home = await c.get('/admin');
      assert.equal(home.statusCode, 200, `${username}: /admin`);
      const organ = organs.find((o) => o.id === user.organId)!;
      assert.match(home.body, new RegExp(`id="staff-organ">${organ.name}<`), `${username}: names the organ`);
      const links = navLinks(home.body);
      assert.ok(links.length >= 3, `${username}: has a navigation`);
      for (const href of links) {
        const r = await c.get(href);
        assert.equal(r.statusCode, 200, `${username} may open ${href} (${r.statusCode})`);
      }
      for (const href of [
        '/admin/staff',
        '/admin/approvals',
        '/admin/cases/new',
        '/admin/calendar',
        '/admin/audit',
        '/admin/jobs',
      ])
        if (!links.includes(href))
          assert.notEqual(
            (await c.get(href)).statusCode,
            200,
            `${username}: ${href} is not linked, so not open`,
          );
    }
    assert.ok(
      seen.has('th-clerk') && seen.has('th-head') && seen.has('th-admin') && seen.has('county-super'),
      [...seen].join(),
    );
  } finally {
    await t.close();
  }
});
