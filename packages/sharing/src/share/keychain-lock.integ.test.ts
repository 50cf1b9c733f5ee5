// Issue 11 item 8 for a long-running process that uploads (the desktop app): once the keychain
// is locked, neither a link nor an upload goes through with secrets cached before the lock. Runs
// the sharing service in a child with its own D-Bus session and gnome-keyring (locking the shared
// test keyring would disturb other tests), against the real S3 server (RGW).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { testS3, testS3Client, uniqueBucket } from '../../../../scripts/test-support/s3.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(here, '../../../..');

describe('a keychain locked while the service runs', () => {
  it('stops uploads and links that would use secrets read before the lock', async () => {
    const s3 = testS3();
    const bucket = uniqueBucket('lock');
    await testS3Client().send(new CreateBucketCommand({ Bucket: bucket }));
    const base = mkdtempSync(join(tmpdir(), 'signet-lock-'));
    try {
      for (const d of ['home', 'data', 'run']) mkdirSync(join(base, d), { mode: 0o700 });
      writeFileSync(join(base, 'home', 'report.txt'), 'quarterly');
      const script = join(base, 'child.mts');
      writeFileSync(
        script,
        `import { execFileSync } from 'node:child_process';
         import { createSharingService, resolveSignetPaths } from ${JSON.stringify(join(repoRoot, 'packages/sharing/src/index.ts'))};
         const out = (k: string, v: unknown) => console.log(k + '=' + JSON.stringify(v));
         const attempt = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? 'error');
         const service = createSharingService({ paths: resolveSignetPaths() });
         await service.saveProfile(
           { id: 'work', bucket: ${JSON.stringify(bucket)}, region: ${JSON.stringify(s3.region)}, endpoint: ${JSON.stringify(s3.endpoint)}, forcePathStyle: true, credentials: { source: 'keychain' } },
           { aws: { accessKeyId: ${JSON.stringify(s3.accessKeyId)}, secretAccessKey: ${JSON.stringify(s3.secretAccessKey)} } },
         );
         const share = () => service.share({ paths: [${JSON.stringify(join(base, 'home', 'report.txt'))}], profileId: 'work', source: 'desktop' });
         const link = () => service.link({ ref: 's3://${bucket}/x.txt', profileId: 'work', source: 'desktop' });
         out('share-before', await attempt(share()));
         out('link-before', await attempt(link()));
         execFileSync('gdbus', ['call', '--session', '--dest', 'org.freedesktop.secrets', '--object-path', '/org/freedesktop/secrets', '--method', 'org.freedesktop.Secret.Service.Lock', "['/org/freedesktop/secrets/collection/login']"]);
         await new Promise((r) => setTimeout(r, 1100));
         out('share-locked', await attempt(share()));
         out('link-locked', await attempt(link()));`,
      );
      const r = spawnSync(
        'dbus-run-session',
        [
          '--',
          'bash',
          '-c',
          `printf %s item8 | gnome-keyring-daemon --unlock --components=secrets --replace >/dev/null 2>&1; exec ${JSON.stringify(process.execPath)} --import tsx ${JSON.stringify(script)}`,
        ],
        {
          cwd: repoRoot,
          encoding: 'utf8',
          timeout: 60_000,
          env: {
            PATH: process.env.PATH,
            HOME: join(base, 'home'),
            SIGNET_HOME: join(base, 'home', 'signet'),
            XDG_DATA_HOME: join(base, 'data'),
            XDG_RUNTIME_DIR: join(base, 'run'),
            AWS_EC2_METADATA_DISABLED: 'true',
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          },
        },
      );
      const got = Object.fromEntries(
        r.stdout
          .split('\n')
          .filter((l) => l.includes('='))
          .map((l) => [l.slice(0, l.indexOf('=')), JSON.parse(l.slice(l.indexOf('=') + 1)) as unknown]),
      );
      expect(got, r.stderr).toEqual({
        'share-before': 'ok',
        'link-before': 'ok',
        'share-locked': 'KEYCHAIN_LOCKED',
        'link-locked': 'KEYCHAIN_LOCKED',
      });
      // Nothing was uploaded with the cached client after the lock: only the first share's object.
      const listed = await testS3Client().send(new ListObjectsV2Command({ Bucket: bucket }));
      expect(listed.KeyCount).toBe(1);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }, 90_000);
});
