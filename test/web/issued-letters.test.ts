/**
 * Letters as records an organ can stand behind (条例第三十三条 答复与延期, 第三十条 补正, 第四十二条 收费): the letter an event
 * issues is frozen with the event and printed from that snapshot ever after; a wrong one is replaced by a new one
 * that names it; the head sees the exact letter before approving; the header counts what awaits the head; the
 * seal is the organ's uploaded 电子印章 or a blank place; the PDF keeps the closing with the last paragraph.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { Client, VALID_APPLICATION, testApp, type TestApp } from '../helpers/test-app.js';
import { submitApplication } from '../../src/app/cases/create-case.js';
import { loadCase, recordCaseEvent } from '../../src/app/cases/record-case-event.js';
import { editCalendar } from '../../src/app/admin/calendar.js';
import { updateOrgan } from '../../src/app/organs/update-organ.js';
import { REPLY_TEXT, buildLetters, type Letter } from '../../src/core/letters/build-letters.js';
import { renderLetterHtml } from '../../src/adapters/render/letter-renderers.js';
import { closePdfPrinter, printPdf } from '../../src/adapters/render/pdf-printer.js';
import type { StaffUser } from '../../src/core/entities.js';

after(closePdfPrinter);

const IP = '127.0.0.1';
const user = async (t: TestApp, name: string) => (await t.deps.store.users.findByUsername(name)) as StaffUser;
const ORGAN_FORM = {
  officeName: '田湖镇党政办公室',
  sealName: '田湖镇人民政府',
  address: '某县田湖镇政府街1号',
  postcode: '276000',
  phone: '0539-1234567',
  hours: '工作日 上午8:30-12:00，下午14:00-17:30',
  email: 'gk-tianhu@example.gov.cn',
};

/** Text as compared: NFKC (the radicals some fonts map to, full-width punctuation), 民 for ⺠, no whitespace. */
const norm = (s: string) => s.normalize('NFKC').replace(/⺠/g, '民').replace(/\s+/g, '');
/** PDF text per page. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: false });
  return (text as string[]).map(norm);
}
const docxText = async (bytes: Buffer) => (await mammoth.extractRawText({ buffer: bytes })).value;

/** HTML, the text of the PDF per page and the text of the DOCX of each letter, as the back office serves them. */
async function readLetters(cl: Client, caseId: string, ids: string[]) {
  const out: Record<string, { html: string; pdf: string[]; docx: string }> = {};
  for (const id of ids) {
    const base = `/admin/cases/${caseId}/letters/${id}`;
    const html = await cl.get(`${base}.html`);
    assert.equal(html.statusCode, 200, id);
    const pdf = await cl.get(`${base}.pdf`);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const docx = await cl.get(`${base}.docx`);
    out[id] = {
      html: html.body,
      pdf: await pdfPages(pdf.rawPayload),
      docx: await docxText(docx.rawPayload),
    };
  }
  return out;
}

test("a letter's bytes (HTML and the text of its PDF and DOCX) are unchanged after the calendar, the organ's data and the outcome texts change (条例第三十三条第二款)", async () => {
  const t = await testApp({ lettersPerMinute: 1000 });
  const disclosed = REPLY_TEXT.disclosed!;
  try {
    const c = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, IP);
    const head = await user(t, 'th-head');
    const extended = {
      kind: 'extended',
      on: '2024-03-04',
      days: 15,
      approvedBy: '王主任',
      reason: '需要调取档案',
    };
    await recordCaseEvent(t.deps, { user: head }, c.caseId, extended as never, IP);
    await recordCaseEvent(
      t.deps,
      { user: head },
      c.caseId,
      { kind: 'decided', on: '2024-03-04', outcome: 'disclosed' },
      IP,
    );
    const cl = new Client(t.app);
    await cl.login('th-clerk');
    const ids = ['registered-1', 'extended-2', 'decided-3'];
    const before = await readLetters(cl, c.caseId, ids);
    assert.match(before['extended-2']!.html, /本机关将于2024年4月23日前作出答复/);
    assert.match(before['extended-2']!.pdf.join(''), /本机关将于2024年4月23日前作出答复/);
    assert.match(before['extended-2']!.docx, /本机关将于2024年4月23日前作出答复/);
    assert.match(before['registered-1']!.html, /某县田湖镇政府街1号/);

    // the calendar: a local rest day before the promised date would move it
    await editCalendar(
      t.deps,
      await user(t, 'county-admin'),
      { date: '2024-03-20', kind: 'rest', name: '地方假日', source: '县人民政府通知' },
      false,
      IP,
    );
    // the organ's address, phone and 机关代字
    await updateOrgan(
      t.deps,
      await user(t, 'th-admin'),
      { ...ORGAN_FORM, address: '某县田湖镇新区大道8号', phone: '0539-7654321', docCode: '田政' },
      IP,
    );
    // the outcome texts (a new release of the software)
    REPLY_TEXT.disclosed = '经审查，（修订后的文字）。';

    // rebuilt from today's data, the letters would say something else …
    const { snapshot } = await loadCase(t.deps.store, t.deps, c.caseId);
    const rebuilt = buildLetters(snapshot, {
      organ: (await t.deps.store.organs.find('tianhu'))!,
      reviewOrgan: '某县人民政府',
      caseId: c.caseId,
      calendar: t.deps.calendar,
      rules: t.deps.rules,
    });
    assert.match(rebuilt[1]!.paragraphs.join(''), /2024年4月24日前/);
    assert.match(rebuilt[2]!.paragraphs.join(''), /修订后的文字/);
    assert.equal(rebuilt[2]!.number, '田政依申复〔2024〕1号');
    // … but what was issued is printed as it was issued
    const afterwards = await readLetters(cl, c.caseId, ids);
    for (const id of ids) {
      assert.equal(afterwards[id]!.html, before[id]!.html, `${id}.html`);
      assert.deepEqual(afterwards[id]!.pdf, before[id]!.pdf, `${id}.pdf`);
      assert.equal(afterwards[id]!.docx, before[id]!.docx, `${id}.docx`);
    }
    assert.match(afterwards['decided-3']!.html, /TH依申复〔2024〕1号/);
    // the applicant's copy is the same snapshot
    const stored = await t.deps.store.letters.listForCase(c.caseId);
    assert.deepEqual(
      stored.map((l) => [l.seq, l.kind, l.issuedByEventSeq, l.number]),
      [
        [1, 'receipt', 1, 'TH依申回〔2024〕1号'],
        [2, 'extension', 2, 'TH依申延〔2024〕1号'],
        [3, 'reply', 3, 'TH依申复〔2024〕1号'],
      ],
    );
  } finally {
    REPLY_TEXT.disclosed = disclosed;
    await t.close();
  }
});

test('a corrected letter names what it replaces ("本告知书替代……号"), the old one stays readable and is marked 已被替代; the head only, with a reason', async () => {
  const t = await testApp({ lettersPerMinute: 1000 });
  try {
    const c = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, IP);
    const head = await user(t, 'th-head');
    const ext = {
      kind: 'extended',
      on: '2024-03-04',
      days: 15,
      approvedBy: '王主任',
      reason: '需要调取档案',
    };
    await recordCaseEvent(t.deps, { user: head }, c.caseId, ext as never, IP);
    const url = `/admin/cases/${c.caseId}/letters/extended-2/correct`;
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    await clerk.get(`/admin/cases/${c.caseId}`);
    assert.equal(
      (await clerk.post(url, { reason: '期限有误' })).statusCode,
      403,
      'the head corrects letters',
    );
    const hc = new Client(t.app);
    await hc.login('th-head');
    const page = await hc.get(`/admin/cases/${c.caseId}`);
    assert.match(page.body, /出具替代文书/);
    const bad = await hc.post(url, { reason: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /请写明更正原因/);

    // the calendar was wrong: a rest day was missing; the organ now numbers with its 机关代字
    await editCalendar(
      t.deps,
      await user(t, 'county-admin'),
      { date: '2024-03-20', kind: 'rest', name: '地方假日', source: '县人民政府通知' },
      false,
      IP,
    );
    await updateOrgan(t.deps, await user(t, 'th-admin'), { ...ORGAN_FORM, docCode: '田政' }, IP);
    const ok = await hc.post(url, { reason: '漏计地方假日，答复期限有误' });
    assert.equal(ok.statusCode, 303);

    const fresh = await hc.get(`/admin/cases/${c.caseId}/letters/corrected-3.html`);
    assert.equal(fresh.statusCode, 200);
    assert.match(fresh.body, /田政依申延〔2024〕1-2号/);
    assert.match(
      fresh.body,
      /本告知书替代本机关于2024年3月4日出具的《延期答复告知书》（TH依申延〔2024〕1号），原告知书不再使用。更正原因：漏计地方假日，答复期限有误。/,
    );
    assert.match(fresh.body, /本机关将于2024年4月24日前作出答复/);
    const old = await hc.get(`/admin/cases/${c.caseId}/letters/extended-2.html`);
    assert.equal(old.statusCode, 200, 'the old letter stays readable');
    assert.match(old.body, /已被替代：本文书已被田政依申延〔2024〕1-2号替代/);
    assert.match(old.body, /TH依申延〔2024〕1号/);
    assert.match(old.body, /本机关将于2024年4月23日前作出答复/);
    const list = await hc.get(`/admin/cases/${c.caseId}`);
    assert.match(list.body, /已被替代（田政依申延〔2024〕1-2号）/);
    assert.match(list.body, /替代TH依申延〔2024〕1号/);
    assert.equal(
      (await hc.post(url, { reason: '再次更正' })).statusCode,
      409,
      'only the current letter is corrected',
    );
    const rows = await t.deps.store.letters.listForCase(c.caseId);
    assert.deepEqual(
      rows.map((l) => [l.seq, l.number, l.issuedByEventSeq, l.replacesId]),
      [
        [1, 'TH依申回〔2024〕1号', 1, null],
        [2, 'TH依申延〔2024〕1号', 2, null],
        [3, '田政依申延〔2024〕1-2号', null, `${c.caseId}/2`],
      ],
    );
    const audit = await t.deps.store.audit.list(['tianhu'], 50);
    assert.ok(audit.some((a) => a.action === 'letter.correct'));
  } finally {
    await t.close();
  }
});

/** The letter's HTML without the note printed above a draft. */
const withoutDraftMark = (html: string) => html.replace(/<p class="mark" role="note">预览：[^<]*<\/p>\n/, '');

test("the head's preview equals the letter issued after approval (条例第三十三条第二款 延期 with the head's consent; the head signs the 答复书)", async () => {
  const t = await testApp({ lettersPerMinute: 1000 });
  try {
    const c = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, IP);
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const hc = new Client(t.app);
    await hc.login('th-head');
    for (const [kind, form, letterId, title] of [
      ['extended', { days: '10', reason: '需要调取档案' }, 'extended-2', '延期答复告知书'],
      [
        'decided',
        { outcome: 'disclosed', reasons: '所需信息见附件。' },
        'decided-3',
        '政府信息公开申请答复书',
      ],
    ] as const) {
      await clerk.get(`/admin/cases/${c.caseId}`);
      assert.equal((await clerk.post(`/admin/cases/${c.caseId}/approvals/${kind}`, form)).statusCode, 303);
      const [a] = await t.deps.store.approvals.listPending(['tianhu']);
      const list = await hc.get('/admin/approvals');
      assert.match(list.body, new RegExp(`同意后将出具的${title}（TH依申(延|复)〔2024〕1号，预览）`));
      const onCase = await hc.get(`/admin/cases/${c.caseId}`);
      assert.match(onCase.body, new RegExp(`同意后将出具的${title}`));
      const preview = await hc.get(`/admin/approvals/${a!.id}/letter/preview.html`);
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /预览：负责人同意后将出具此文书，现在尚未出具。/);
      assert.equal((await hc.get(`/admin/approvals/${a!.id}/letter/preview.pdf`)).statusCode, 200);
      assert.equal(
        (await t.deps.store.letters.listForCase(c.caseId)).length,
        kind === 'extended' ? 1 : 2,
        'a preview issues nothing',
      );
      await hc.get('/admin/approvals');
      const approved = await hc.post(`/admin/approvals/${a!.id}`, {
        decision: 'approve',
        back: '/admin/approvals',
      });
      assert.equal(approved.statusCode, 303);
      const issued = await hc.get(`/admin/cases/${c.caseId}/letters/${letterId}.html`);
      assert.equal(issued.statusCode, 200);
      assert.equal(withoutDraftMark(preview.body), issued.body, `${title}: the preview is the letter`);
      assert.equal((await hc.get(`/admin/approvals/${a!.id}/letter/preview.html`)).statusCode, 404);
    }
  } finally {
    await t.close();
  }
});

test('the staff header shows the head how many approvals await them: 待我审批（n）, counted with one query', async () => {
  const t = await testApp();
  try {
    const a = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, IP);
    const b = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, IP);
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const hc = new Client(t.app);
    await hc.login('th-head');
    assert.match((await hc.get('/admin')).body, />待我审批<\/a>/, 'none waiting: no number');
    await clerk.get(`/admin/cases/${a.caseId}`);
    await clerk.post(`/admin/cases/${a.caseId}/approvals/extended`, { days: '10', reason: '需要调取档案' });
    await clerk.post(`/admin/cases/${b.caseId}/approvals/decided`, { outcome: 'disclosed' });
    assert.match((await hc.get('/admin')).body, /待我审批（2）/);
    const [first] = await t.deps.store.approvals.listPending(['tianhu']);
    await hc.get('/admin/approvals');
    await hc.post(`/admin/approvals/${first!.id}`, { decision: 'reject', comment: '理由不足' });
    assert.match((await hc.get('/admin/approvals')).body, /待我审批（1）/);
    assert.ok(!(await clerk.get('/admin')).body.includes('待我审批'), 'only the head is asked');
    const zrj = new Client(t.app);
    await zrj.login('zrj-head');
    assert.match((await zrj.get('/admin')).body, />待我审批<\/a>/, "another organ's head is not counted in");
    assert.equal(await t.deps.store.approvals.countPending(['tianhu']), 1);
    assert.equal(await t.deps.store.approvals.countPending([]), 0);
  } finally {
    await t.close();
  }
});

/** A 2 × 2 red PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

test('no drawn seal on a letter nobody sealed; an uploaded 电子印章 (PNG/JPG ≤ 1 MB) is printed on letters issued after, letters issued before stay blank', async () => {
  const t = await testApp({ lettersPerMinute: 1000 });
  try {
    const before = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, IP);
    const clerk = new Client(t.app);
    await clerk.login('th-clerk');
    const receipt = (id: string, f = 'html') => clerk.get(`/admin/cases/${id}/letters/registered-1.${f}`);
    const blank = (await receipt(before.caseId)).body;
    assert.ok(!/<img/.test(blank), 'no seal image');
    assert.ok(!/border-radius:50%|rotate\(|aria-label="印章"/.test(blank), 'nothing drawn in its place');
    assert.match(
      blank,
      /<div class="sign"><p class="organ">田湖镇人民政府<\/p><p class="date">2024年3月4日<\/p><\/div>/,
    );

    const admin = new Client(t.app);
    await admin.login('th-admin');
    await admin.get('/admin/organ');
    const gif = await admin.postFile(
      '/admin/organ/seal',
      {},
      { name: 'seal.gif', bytes: Buffer.from('GIF89a....') },
    );
    assert.equal(gif.statusCode, 400);
    assert.match(gif.body, /印章图片只能是PNG或JPG格式/);
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
    const tooBig = await admin.postFile('/admin/organ/seal', {}, { name: 'seal.png', bytes: big });
    assert.equal(tooBig.statusCode, 400);
    assert.match(tooBig.body, /印章图片不能超过1MB/);
    const up = await admin.postFile('/admin/organ/seal', {}, { name: 'seal.png', bytes: PNG });
    assert.equal(up.statusCode, 200);
    assert.match(up.body, /已上传电子印章/);
    assert.equal((await t.deps.store.organs.find('tianhu'))!.sealImage!.mime, 'image/png');

    const sealed = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, IP);
    const html = (await receipt(sealed.caseId)).body;
    assert.ok(
      html.includes(
        `<img class="seal" src="data:image/png;base64,${PNG.toString('base64')}" alt="印章：田湖镇人民政府">`,
      ),
    );
    const zip = await JSZip.loadAsync((await receipt(sealed.caseId, 'docx')).rawPayload);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    assert.equal(media.length, 1);
    assert.deepEqual(Buffer.from(await zip.file(media[0]!)!.async('uint8array')), PNG);
    assert.equal((await receipt(sealed.caseId, 'pdf')).statusCode, 200);
    // issued before the upload: still no seal
    assert.equal((await receipt(before.caseId)).body, blank);
    const plain = await JSZip.loadAsync((await receipt(before.caseId, 'docx')).rawPayload);
    assert.ok(!Object.keys(plain.files).some((f) => f.startsWith('word/media/')));

    // removed: letters from now on leave the place blank, the sealed one keeps its seal
    await admin.get('/admin/organ');
    assert.equal((await admin.post('/admin/organ/seal', { remove: '1' })).statusCode, 200);
    const later = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, IP);
    assert.ok(!/<img/.test((await receipt(later.caseId)).body));
    assert.equal((await receipt(sealed.caseId)).body, html);
  } finally {
    await t.close();
  }
});

test('a PDF letter keeps its closing block (organ, date) on the page where its last paragraph ends, however long it runs (GB/T 9704)', async () => {
  const para = '经审查，您申请获取的政府信息属于公开范围，现依照条例的规定予以提供，请按您选择的方式查收。';
  const letter = (n: number): Letter => ({
    kind: 'reply',
    id: 'decided-2',
    title: '政府信息公开申请答复书',
    number: '田政依申复〔2024〕1号',
    recipient: '张三',
    paragraphs: Array.from({ length: n }, (_, i) => `第${i + 1}段。${para}`),
    basis: '《中华人民共和国政府信息公开条例》第三十六条第（二）项',
    rights:
      '如对本答复不服，可以自收到本答复之日起六十日内向某县人民政府申请行政复议，或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。',
    organName: '田湖镇人民政府',
    sealName: '田湖镇人民政府',
    date: '2024年3月4日',
    forApplicant: true,
    contact: { address: '某县田湖镇政府街1号', postcode: '276000', phone: '0539-1234567' },
  });
  const lastEnd = '依法向人民法院提起行政诉讼。';
  /** Whether the closing (organ, date, 附注) is on the page where the last paragraph ends (after it). */
  const together = (pages: string[]) => {
    const p = pages.findIndex((x) => x.includes(norm(lastEnd)));
    if (p < 0) return false;
    const rest = pages[p]!.slice(pages[p]!.indexOf(norm(lastEnd)));
    return ['田湖镇人民政府', '2024年3月4日', '联系电话：0539-1234567'].every((x) => rest.includes(norm(x)));
  };
  let twoPages = 0;
  let splitWithout = 0;
  // 3 paragraphs fit one page; from 4 on the rights notice and the closing run onto the second
  for (let n = 3; n <= 8; n++) {
    const html = renderLetterHtml(letter(n));
    const pages = await pdfPages(await printPdf(html));
    assert.ok(together(pages), `${n} paragraphs: the closing left its last paragraph`);
    if (pages.length > 1) twoPages++;
    // the check sees a parted closing: the same letter without the wrapper's break-inside: avoid parts
    if (!splitWithout && pages.length > 1) {
      const loose = html.replace('.closing{break-inside:avoid;page-break-inside:avoid}', '');
      if (!together(await pdfPages(await printPdf(loose)))) splitWithout = n;
    }
  }
  assert.ok(twoPages >= 3, 'letters long enough to run onto a second page');
  assert.ok(splitWithout > 0, 'without the wrapper some closing would be parted from its paragraph');
});

test('cases recorded before letters were kept have their letters frozen once, on first read, from their history', async () => {
  const t = await testApp({ cases: true, lettersPerMinute: 1000 });
  try {
    const rows = await t.deps.store.cases.list({ organIds: ['tianhu'], limit: 500 });
    let legacy: string | undefined;
    for (const r of rows)
      if ((await t.deps.store.cases.events(r.id)).some((e) => e.event.kind === 'decided')) legacy = r.id;
    assert.ok(legacy, 'a demo case with a reply');
    assert.equal((await t.deps.store.letters.listForCase(legacy!)).length, 0);
    const cl = new Client(t.app);
    await cl.login('th-clerk');
    const page = await cl.get(`/admin/cases/${legacy}`);
    assert.equal(page.statusCode, 200);
    const frozen = await t.deps.store.letters.listForCase(legacy!);
    const { snapshot } = await loadCase(t.deps.store, t.deps, legacy!);
    assert.equal(
      frozen.length,
      buildLetters(snapshot, {
        organ: (await t.deps.store.organs.find('tianhu'))!,
        reviewOrgan: '',
        caseId: legacy!,
        calendar: t.deps.calendar,
        rules: t.deps.rules,
      }).length,
    );
    const ext = frozen.find((l) => l.kind === 'reply')!;
    assert.equal(
      ext.issuedByEventSeq,
      (await t.deps.store.cases.events(legacy!)).findIndex((e) => e.event.kind === 'decided') + 1,
    );
    const html = (await cl.get(`/admin/cases/${legacy}/letters/${ext.content.id}.html`)).body;
    // once: later reads (another day, another calendar) neither add rows nor change them
    t.clock.now = new Date('2024-03-05T02:00:00.000Z');
    await editCalendar(
      t.deps,
      await user(t, 'county-admin'),
      { date: '2023-06-01', kind: 'rest', name: '地方假日', source: '县人民政府通知' },
      false,
      IP,
    );
    await cl.login('th-clerk');
    await cl.get(`/admin/cases/${legacy}`);
    assert.deepEqual(await t.deps.store.letters.listForCase(legacy!), frozen);
    assert.equal((await cl.get(`/admin/cases/${legacy}/letters/${ext.content.id}.html`)).body, html);
    // an open legacy case: its next event freezes the earlier letters first, then its own, numbered on
    const open = rows.find((r) => r.state === 'registered')!;
    assert.equal((await t.deps.store.letters.listForCase(open.id)).length, 0);
    const head = await user(t, 'th-head');
    const before = (await t.deps.store.cases.events(open.id)).length;
    await recordCaseEvent(
      t.deps,
      { user: head },
      open.id,
      { kind: 'decided', on: '2024-03-05', outcome: 'disclosed' },
      IP,
    );
    const letters = await t.deps.store.letters.listForCase(open.id);
    assert.equal(letters[0]!.kind, 'receipt');
    assert.deepEqual(
      [letters.at(-1)!.kind, letters.at(-1)!.issuedByEventSeq, letters.at(-1)!.seq],
      ['reply', before + 1, letters.length],
    );
  } finally {
    await t.close();
  }
});
