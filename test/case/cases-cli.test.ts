/**
 * `gongkai cases replay|stats` on the documented JSON form.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';

const FIXTURE = new URL('../fixtures/cases/tianhu-2024.json', import.meta.url).pathname;

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (s) => {
      out += s + '\n';
    },
    err: (s) => {
      err += s;
    },
    isTTY: false,
  });
  return { code, out, err };
}

test('cases replay: state, every clock with its article and explanation, the report row of the outcome', async () => {
  const r = await run(['cases', 'replay', FIXTURE, '--today', '2025-01-10']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /案件 TH-2024-001（田湖镇人民政府）：已送达/);
  assert.match(r.out, /办理结果：部分公开（条例第三十七条）；计入2024年度报告「（二）部分公开/);
  assert.match(r.out, /答复期限（条例第三十三条第二款（已延期））：2024-05-14/);
  assert.match(r.out, /征求第三方（某合作社）意见期间（2024年3月20日至2024年3月27日）不计算在内/);
  assert.match(r.out, /案件 TH-2024-002（田湖镇人民政府）：办理中/);
  // received 2024-12-20: 20 working days → 2025-01-20 (元旦 2025-01-01)
  assert.match(r.out, /答复期限：2025-01-20（2025年1月20日），截至2025-01-10尚余6个工作日/);
});

test('cases stats: Section 三 and 四 in the report JSON, balanced', async () => {
  const r = await run(['cases', 'stats', '--year', '2024', FIXTURE]);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.format, '2021');
  assert.equal(j.organ, '田湖镇人民政府');
  const v = (row: string, col: string) =>
    j.cells.find((c: { row: string; column: string }) => c.row === row && c.column === col).value;
  assert.equal(v('一、本年新收政府信息公开申请数量', '总计'), 2);
  assert.equal(v('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '自然人'), 1);
  assert.equal(v('四、结转下年度继续办理', '商业企业'), 1);
  assert.equal(v('行政复议', '结果维持'), 1);
  assert.deepEqual(
    j.findings.filter((f: { severity: string }) => f.severity === 'error'),
    [],
  );
});

test('a malformed case file is refused with the field named', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gk-'));
  const f = join(dir, 'bad.json');
  writeFileSync(
    f,
    JSON.stringify({
      id: 'X',
      events: [
        {
          kind: 'registered',
          on: '2024-02-30',
          submittedOn: '2024-02-01',
          facts: {
            applicant: { type: 'alien', name: '' },
            channel: 'online',
            description: 'x',
            requestedForm: 'paper',
            delivery: 'post',
          },
        },
      ],
    }),
  );
  const r = await run(['cases', 'replay', f]);
  assert.equal(r.code, 2);
  assert.match(r.err, /events\.0\.on：应为YYYY-MM-DD格式的真实日期/);
  assert.match(r.err, /events\.0\.facts\.applicant\.name：不能为空/);
  const refused = join(dir, 'refused.json');
  writeFileSync(
    refused,
    JSON.stringify({
      id: 'Y',
      events: [
        {
          kind: 'registered',
          on: '2024-02-01',
          submittedOn: '2024-02-01',
          facts: {
            applicant: { type: 'natural_person', name: '李四' },
            channel: 'online',
            description: 'x',
            requestedForm: 'paper',
            delivery: 'post',
          },
        },
        { kind: 'extended', on: '2024-02-05', days: 30, approvedBy: '王', reason: 'x' },
      ],
    }),
  );
  const r2 = await run(['cases', 'replay', refused]);
  assert.equal(r2.code, 1);
  assert.match(r2.out, /第2个事件被拒绝（extension_too_long）/);
});
