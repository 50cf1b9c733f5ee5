// Issue 11 item 16: a compromised renderer gets no more than the user gave it. Each test plays
// an attacker who runs script in the Signet window (an XSS, a malicious dependency in the
// bundle) and calls the IPC handlers directly with what it likes. The handlers are the real
// ones; the sharing service is a recording stand-in (its real behaviour is driven in the e2e),
// so a refused call must leave no trace in it.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApprovalStore } from '@signet/sharing';
import { createDesktopHandlers } from './create-desktop-handlers.js';
import { GrantedPaths } from './granted-paths.js';
import { createPreloadHandlers } from './preload-handlers.js';
import { handlerDeps, recordingService } from './test-support/recording-service.js';

const TRUSTED = 'signet-app://renderer/index.html';
const me = { url: TRUSTED };
const MADE = 'https://bucket.s3.example.com/2026/report.pdf?X-Amz-Signature=abc';
const IN_HISTORY = 'https://bucket.s3.example.com/old/notes.txt?X-Amz-Signature=def';
const PENDING = `chrome-extension://${'b'.repeat(32)}/`;

function setup() {
  const { service, calls } = recordingService(
    (name) => {
      if (name === 'share')
        return {
          links: [
            {
              id: 'l1',
              url: MADE,
              kind: 's3',
              method: 'GET',
              profileId: 'p',
              bucket: 'bucket',
              key: '2026/report.pdf',
              expiresAt: '2026-12-02T00:00:00Z',
              effectiveExpiresAt: '2026-12-02T00:00:00Z',
              warnings: [],
            },
          ],
        };
      if (name === 'listLinks') return [{ id: 'old' }];
      if (name === 'getLinkUrl') return IN_HISTORY;
      if (name === 'checkLink') return { status: 'ok', ok: true, message: 'Works.' };
      if (name === 'importCloudFrontKey') return { keyType: 'rsa', message: 'Imported.' };
      return undefined;
    },
    (name, args) => `${name}:${JSON.stringify(args[0])}`,
  );
  const approved: string[] = [];
  const opened: string[] = [];
  const granted = new GrantedPaths();
  const deps = handlerDeps(service, TRUSTED, {
    approvals: {
      list: async () => [],
      pending: async () => [{ origin: PENDING, requestedAt: '2026-12-01T00:00:00Z' }],
      approve: async (o: string) => void approved.push(o),
      revoke: async () => true,
    } as unknown as ApprovalStore,
    openExternal: async (url: string) => void opened.push(url),
    grantedPaths: granted,
  });
  return {
    handlers: createDesktopHandlers(deps),
    preload: createPreloadHandlers(deps),
    calls,
    approved,
    opened,
    granted,
  };
}

describe('a compromised renderer gets no more than the user gave it', () => {
  it.each(['/proc/self/environ', join(homedir(), '.ssh', 'id_rsa'), '/etc/shadow'])(
    'share of %s, which the user never dropped or picked, is refused and nothing is read',
    async (path) => {
      const { handlers, calls } = setup();
      const err = await handlers.share(me, ['s1', { paths: [path] }]).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'NOT_GIVEN_BY_USER' });
      expect((err as Error).message).toMatch(/only shares files you dropped, pasted or picked/);
      expect(calls).toEqual([]);
    },
  );

  it('one path the user did not give spoils the whole share, even next to one they did', async () => {
    const { handlers, preload, calls } = setup();
    await preload.registerDrop(me, ['/home/u/report.pdf']);
    const err = await handlers
      .share(me, ['s1', { paths: ['/home/u/report.pdf', '/home/u/.aws/credentials'] }])
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'NOT_GIVEN_BY_USER' });
    expect(calls).toEqual([]);
  });

  it('a path that climbs out of a dropped folder is not that folder', async () => {
    const { handlers, preload, calls } = setup();
    await preload.registerDrop(me, ['/home/u/photos']);
    for (const path of ['/home/u/photos/../.ssh/id_rsa', '/home/u/photos-private', '/home/u'])
      await expect(handlers.share(me, ['s1', { paths: [path] }])).rejects.toMatchObject({ code: 'NOT_GIVEN_BY_USER' });
    expect(calls).toEqual([]);
  });

  it('a dropped file (registered by the preload) is shared', async () => {
    const { handlers, preload, calls } = setup();
    await preload.registerDrop(me, ['/home/u/report.pdf']);
    await handlers.share(me, ['s1', { paths: ['/home/u/report.pdf'] }]);
    expect(calls[0]).toMatch(/^share:\{"paths":\["\/home\/u\/report.pdf"\]/);
  });

  it('registerDrop itself only listens to the Signet window, and only to absolute paths', async () => {
    const { preload, granted } = setup();
    await expect(preload.registerDrop({ url: 'https://evil.example/' }, ['/etc/passwd'])).rejects.toMatchObject({
      code: 'UNTRUSTED_SENDER',
    });
    await expect(preload.registerDrop(me, ['relative/x'])).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(granted.allows('/etc/passwd')).toBe(false);
  });

  it('a CloudFront key can only be imported from a file the user picked', async () => {
    const { handlers, preload, calls } = setup();
    await expect(handlers.importCloudFrontKey(me, ['cf', join(homedir(), '.ssh', 'id_rsa')])).rejects.toMatchObject({
      code: 'NOT_GIVEN_BY_USER',
    });
    await expect(
      handlers.saveProfile(me, [{ id: 'cf', bucket: 'b' }, { cloudFront: { pemPath: '/etc/ssl/private/k.pem' } }]),
    ).rejects.toMatchObject({ code: 'NOT_GIVEN_BY_USER' });
    expect(calls).toEqual([]);
    await preload.registerDrop(me, ['/home/u/cf.pem']);
    await handlers.importCloudFrontKey(me, ['cf', '/home/u/cf.pem']);
    expect(calls).toEqual(['importCloudFrontKey:"cf"']);
  });

  it.each(['https://evil.example.com/phish', 'https://bucket.s3.example.com/2026/report.pdf?X-Amz-Signature=forged'])(
    'openExternal of %s (a link Signet did not make) is refused',
    async (url) => {
      const { handlers, opened } = setup();
      await expect(handlers.openExternal(me, [url])).rejects.toMatchObject({ code: 'NOT_GIVEN_BY_USER' });
      expect(opened).toEqual([]);
    },
  );

  it('openExternal opens a link this window made and a link in the history, and nothing else', async () => {
    const { handlers, preload, opened } = setup();
    await preload.registerDrop(me, ['/home/u/report.pdf']);
    await handlers.share(me, ['s1', { paths: ['/home/u/report.pdf'] }]);
    await handlers.openExternal(me, [MADE]);
    await handlers.openExternal(me, [IN_HISTORY]);
    // No web page of "Signet's own" either: the window links to none, so a look-alike gains nothing.
    await expect(handlers.openExternal(me, ['https://github.com/signet-app/signet#readme'])).rejects.toMatchObject({
      code: 'NOT_GIVEN_BY_USER',
    });
    expect(opened).toEqual([MADE, IN_HISTORY]);
  });

  it.each(['http://169.254.169.254/latest/meta-data/iam/security-credentials/', 'http://127.0.0.1:9000/admin'])(
    'checkLink of %s (not in the history) is refused: main fetches nothing for the renderer',
    async (url) => {
      const { handlers, calls } = setup();
      await expect(handlers.checkLink(me, [url])).rejects.toMatchObject({ code: 'NOT_GIVEN_BY_USER' });
      expect(calls.filter((c) => c.startsWith('checkLink'))).toEqual([]);
    },
  );

  it('checkLink of a link in the history is checked', async () => {
    const { handlers, calls } = setup();
    expect(await handlers.checkLink(me, [IN_HISTORY])).toMatchObject({ ok: true });
    expect(calls).toContain(`checkLink:${JSON.stringify(IN_HISTORY)}`);
  });

  it('approveExtension of an origin that never asked is refused; a pending one is approved', async () => {
    const { handlers, approved } = setup();
    const rogue = `chrome-extension://${'z'.repeat(32)}/`.replace(/z/g, 'c');
    await expect(handlers.approveExtension(me, [rogue])).rejects.toMatchObject({ code: 'NOT_GIVEN_BY_USER' });
    expect(approved).toEqual([]);
    await handlers.approveExtension(me, [PENDING]);
    expect(approved).toEqual([PENDING]);
  });
});
