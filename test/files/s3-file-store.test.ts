/**
 * Object storage for attachments: the Signature V4 signer reproduces AWS's published examples (so a real S3,
 * MinIO or Ceph accepts it), and the file store round-trips bytes through an S3-compatible server over HTTP
 * (s3rver: MinIO itself cannot be installed from the registries this machine reaches).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { EMPTY_SHA256, signV4, uriEncode } from '../../src/adapters/files/s3-signer.js';
import { s3FileStore } from '../../src/adapters/files/s3-file-store.js';

const AWS = {
  region: 'us-east-1',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  now: new Date('2013-05-24T00:00:00Z'),
};

test("SigV4: AWS's published GET Object example (Range header, empty payload)", () => {
  const h = signV4({
    ...AWS,
    method: 'GET',
    url: 'https://examplebucket.s3.amazonaws.com/test.txt',
    headers: { Range: 'bytes=0-9' },
    payloadHash: EMPTY_SHA256,
  });
  assert.equal(
    h.authorization,
    'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  );
  assert.equal(h['x-amz-date'], '20130524T000000Z');
});

test("SigV4: AWS's published GET Bucket (list objects) example, query parameters sorted and encoded", () => {
  const h = signV4({
    ...AWS,
    method: 'GET',
    url: 'https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J',
    payloadHash: EMPTY_SHA256,
  });
  assert.match(
    h.authorization!,
    /SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7$/,
  );
});

test('SigV4: key encoding as S3 expects (space, CJK, reserved characters; slashes kept)', () => {
  assert.equal(
    uriEncode('cases/TH-2026-0001/附件 1(终).pdf', true),
    'cases/TH-2026-0001/%E9%99%84%E4%BB%B6%201%28%E7%BB%88%29.pdf',
  );
  assert.equal(uriEncode('a/b', false), 'a%2Fb');
});

test('object storage: put and get through an S3-compatible server, binary and CJK keys, a case attachment end to end; a missing key is an error', async () => {
  const { default: S3rver } = await import('s3rver');
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: mkdtempSync(join(tmpdir(), 'gk-s3-')),
    configureBuckets: [{ name: 'gongkai' }],
  });
  const { port } = await server.run();
  try {
    const store = s3FileStore({
      endpoint: `http://127.0.0.1:${port}`,
      bucket: 'gongkai',
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    });
    const bytes = new Uint8Array(randomBytes(3 * 1024 * 1024));
    await store.put('cases/TH-2026-0001/申请表 (1).pdf', bytes);
    assert.deepEqual(await store.get('cases/TH-2026-0001/申请表 (1).pdf'), bytes);
    await store.put('empty', new Uint8Array());
    assert.equal((await store.get('empty')).length, 0);
    await assert.rejects(store.get('cases/none'), /HTTP 404/);
    // the application with its attachments in object storage: upload through the use case, download as staff
    const { Client, VALID_APPLICATION, testApp } = await import('../helpers/test-app.js');
    const { submitApplication } = await import('../../src/app/cases/create-case.js');
    const { addAttachment } = await import('../../src/app/cases/attachments.js');
    const t = await testApp();
    try {
      t.deps.files = store;
      const c = await submitApplication(t.deps, 'tianhu', VALID_APPLICATION, '127.0.0.1');
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(5000)]);
      const a = await addAttachment(
        t.deps,
        c.caseId,
        'application',
        '身份证明.png',
        png,
        { userId: 'u-th-clerk', role: 'clerk', organId: 'tianhu' },
        '127.0.0.1',
      );
      const clerk = new Client(t.app);
      await clerk.login('th-clerk');
      const r = await clerk.get(`/admin/cases/${c.caseId}/attachments/${a.id}`);
      assert.equal(r.statusCode, 200);
      assert.deepEqual(new Uint8Array(r.rawPayload), png);
    } finally {
      await t.close();
    }
    const wrongBucket = s3FileStore({
      endpoint: `http://127.0.0.1:${port}`,
      bucket: 'nope',
      region: 'us-east-1',
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
    });
    await assert.rejects(wrongBucket.put('x', new Uint8Array([1])), /HTTP 404/);
  } finally {
    await server.close();
  }
});
