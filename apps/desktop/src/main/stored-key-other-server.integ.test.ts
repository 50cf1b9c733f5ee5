// Issue 11 item 16 (compromised renderer, server-side request forgery): the renderer sends a
// profile draft with an endpoint, bucket or region of its choosing and no key, hoping main signs
// requests there with the key stored for the saved profile. The handlers, the sharing service, the
// keychain (gnome-keyring via scripts/with-keyring.sh) and the S3 server (RGW) are all real; a local
// HTTP server stands for "any host the renderer names" and must receive no request at all.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { ApprovalStore, createSharingService, SecretStore, type SharingService } from '@signet/sharing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../../scripts/test-support/s3.js';
import { createDesktopHandlers, type DesktopHandlers } from './create-desktop-handlers.js';
import { GrantedPaths } from './granted-paths.js';
import { testProfileDraft } from './test-profile-draft.js';

const TRUSTED = 'signet-app://renderer/index.html';
const me = { url: TRUSTED };

describe('a renderer cannot point the stored key at another server', () => {
  const s3 = testS3();
  const bucket = uniqueBucket('keyguard');
  const home = mkdtempSync(join(tmpdir(), 'signet-keyguard-'));
  const secrets = new SecretStore({ service: `signet-keyguard-test-${randomBytes(4).toString('hex')}` });
  let service: SharingService;
  let h: DesktopHandlers;
  let evil: Server;
  let evilUrl: string;
  /** Every request "any host" received: must stay empty. */
  const hits: string[] = [];
  const saved = { id: 'work', name: 'Work', bucket, region: s3.region, endpoint: s3.endpoint, forcePathStyle: true };

  beforeAll(async () => {
    await testS3Client().send(new CreateBucketCommand({ Bucket: bucket }));
    evil = createServer((req, res) => {
      hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
      res.writeHead(200, { 'content-type': 'application/xml' }).end('<ListBucketResult/>');
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
    service = createSharingService({ paths: { configDir: home, dataDir: home }, secrets });
    h = createDesktopHandlers({
      service,
      approvals: new ApprovalStore(home),
      isTrustedSender: (url) => url === TRUSTED,
      emitProgress: () => {},
      openExternal: async () => {},
      startAtLogin: { get: () => false, set: () => {} },
      nativeHostPath: '/opt/Signet/signet-native-host',
      grantedPaths: new GrantedPaths(),
      // the real draft test, reading this test's keychain instead of the user's
      testDraft: (input, given) => testProfileDraft(input, given, secrets),
    });
    await service.saveProfile(saved, { aws: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } });
  });
  afterAll(async () => {
    await secrets.deleteProfileSecrets('work').catch(() => {});
    await new Promise((r) => evil.close(r));
  });

  const call = (method: 'saveProfile' | 'testProfileDraft', input: object) =>
    (h[method] as (s: typeof me, a: unknown[]) => Promise<unknown>)(me, [input]).catch((e: unknown) => e);

  it.each([
    ['endpoint', () => ({ ...saved, endpoint: evilUrl })],
    ['bucket', () => ({ ...saved, bucket: 'someone-elses-bucket' })],
    ['region', () => ({ ...saved, region: 'eu-west-3' })],
  ])('testProfileDraft with another %s and no key typed is refused; nothing is sent', async (_what, input) => {
    const err = await call('testProfileDraft', input());
    expect(err).toMatchObject({ code: 'NOT_GIVEN_BY_USER' });
    expect((err as Error).message).toMatch(/type the access key and secret again/);
    expect(JSON.stringify(err)).not.toContain('signet-connection-test.txt');
    expect(hits).toEqual([]);
  });

  it.each([
    ['endpoint', () => ({ ...saved, endpoint: evilUrl })],
    ['bucket', () => ({ ...saved, bucket: 'someone-elses-bucket' })],
  ])(
    'saveProfile with another %s and no key typed is refused; the saved profile is unchanged',
    async (_what, input) => {
      const err = await call('saveProfile', input());
      expect(err).toMatchObject({ code: 'NOT_GIVEN_BY_USER' });
      expect((await service.getProfile('work')).profile).toMatchObject({ endpoint: s3.endpoint, bucket });
      // the stored key still works against the real server and was never sent elsewhere
      expect(await h.testProfile(me, ['work'])).toMatchObject({ ok: true });
      expect(hits).toEqual([]);
    },
  );

  it('the same server with other settings (name, key template) still tests and saves with the stored key', async () => {
    const edit = { ...saved, name: 'Work files', keyTemplate: 'shared/{uuid}/{name}' };
    expect(await call('testProfileDraft', edit)).toMatchObject({
      ok: true,
      sampleUrl: expect.stringContaining(bucket),
    });
    expect(await call('saveProfile', edit)).toMatchObject({ name: 'Work files' });
  });

  it('another endpoint WITH a newly typed key is tested and saved (the user gave that key for it)', async () => {
    // the same RGW under another host name: for the handlers, another server
    const other = s3.endpoint.includes('127.0.0.1')
      ? s3.endpoint.replace('127.0.0.1', 'localhost')
      : s3.endpoint.replace('localhost', '127.0.0.1');
    const moved = { ...saved, endpoint: other };
    const key = { aws: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey } };
    const tried = await (h.testProfileDraft as (s: typeof me, a: unknown[]) => Promise<unknown>)(me, [moved, key]);
    expect(tried).toMatchObject({ ok: true });
    await (h.saveProfile as (s: typeof me, a: unknown[]) => Promise<unknown>)(me, [moved, key]);
    expect((await service.getProfile('work')).profile.endpoint).toBe(moved.endpoint);
    expect(hits).toEqual([]);
  });
});
