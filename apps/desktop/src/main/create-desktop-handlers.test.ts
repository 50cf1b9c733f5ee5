// Unit tests of the IPC boundary: who may call, and what payloads get through. The sharing
// service here is a recording stub: refused calls must never reach it (the real service is
// driven end to end in apps/desktop/e2e).
import { describe, expect, it } from 'vitest';
import { createDesktopHandlers } from './create-desktop-handlers.js';
import { GrantedPaths } from './granted-paths.js';
import { handlerDeps, recordingService } from './test-support/recording-service.js';

const TRUSTED = 'file:///opt/Signet/resources/app/dist/renderer/index.html';
/** A link the stub service says Signet made (getLinkUrl). */
const MADE = 'https://reports.s3.eu-west-1.amazonaws.com/q3.pdf?X-Amz-Signature=abc';

function setup() {
  const { service, calls } = recordingService((name) => {
    if (name === 'share') return { links: [] };
    if (name === 'listLinks' || name === 'listProfiles') return [];
    if (name === 'historyHealth') return { problems: [] };
    if (name === 'getLinkUrl') return MADE;
    return undefined;
  });
  const opened: string[] = [];
  const handlers = createDesktopHandlers(
    handlerDeps(service, TRUSTED, {
      openExternal: async (url) => void opened.push(url),
      // as if the user had dropped / picked these (renderer-attacks.test.ts covers the refusals)
      grantedPaths: Object.assign(new GrantedPaths(), {
        allows: (p: string) => ['/tmp/report.pdf', '/tmp/key.pem', '/tmp/k.pem'].includes(p),
      }),
    }),
  );
  return { handlers, calls, opened };
}

describe('desktop IPC handlers', () => {
  it.each([undefined, 'https://evil.example.com/', 'file:///tmp/other.html', 'devtools://devtools/bundled/x.html'])(
    'refuse a sender that is not the Signet window (%s)',
    async (url) => {
      const { handlers, calls } = setup();
      await expect(handlers.listProfiles({ url }, [])).rejects.toMatchObject({ code: 'UNTRUSTED_SENDER' });
      await expect(
        handlers.setAwsSecret({ url }, ['p', { accessKeyId: 'A', secretAccessKey: 'B' }]),
      ).rejects.toMatchObject({ code: 'UNTRUSTED_SENDER' });
      expect(calls).toEqual([]);
    },
  );

  it.each<[string, unknown[]]>([
    ['share', ['s1', { paths: ['relative/file.txt'] }]],
    ['share', ['s1', { paths: [] }]],
    ['share', ['s1', { paths: ['/tmp/a'], expires: 5 }]],
    ['share', ['s1', { paths: ['/tmp/a'], options: { evil: true } }]],
    ['setAwsSecret', ['p', { accessKeyId: 'A' }]],
    ['openExternal', ['http://example.com']],
    ['openExternal', ['javascript:alert(1)']],
    ['openExternal', ['file:///etc/passwd']],
    ['installNativeHost', ['netscape']],
    ['approveExtension', ['chrome-extension://ZZZ/']],
    ['revokeLink', ['id']],
    ['checkLink', ['ftp://x']],
    ['listLinks', [{ filter: 'everything' }]],
    ['saveProfile', [{ id: 'p', bucket: 'b' }, { aws: { accessKeyId: 'A' } }]],
    ['saveProfile', [{ id: 'p', bucket: 'b' }, { cloudFront: { pemPath: 'relative.pem' } }]],
    ['saveProfile', [{ id: 'p', bucket: 'b', hasAwsSecret: true }]],
  ])('reject a bad %s payload %j with a message, without calling the service', async (method, args) => {
    const { handlers, calls, opened } = setup();
    const err = await (handlers as Record<string, (s: { url: string }, a: unknown[]) => Promise<unknown>>)[method]!(
      { url: TRUSTED },
      args,
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
    expect((err as Error).message).toMatch(/^Signet could not use that input/);
    expect(calls).toEqual([]);
    expect(opened).toEqual([]);
  });

  it('passes valid calls through, with desktop as the source and no secret in the answer', async () => {
    const { handlers, calls, opened } = setup();
    await handlers.share({ url: TRUSTED }, [
      's1',
      { paths: ['/tmp/report.pdf'], expires: '1h', options: { inline: true } },
    ]);
    expect(calls[0]).toMatch(
      /^share:\[\{"paths":\["\/tmp\/report.pdf"\],"expires":"1h","options":\{"inline":true\},"check":false,"source":"desktop"/,
    );
    await handlers.getLinkUrl({ url: TRUSTED }, ['l1']);
    await handlers.openExternal({ url: TRUSTED }, [MADE]);
    expect(opened).toEqual([MADE]);
    const result = await handlers.setAwsSecret({ url: TRUSTED }, [
      'p',
      { accessKeyId: 'AKIA', secretAccessKey: 'topsecret' },
    ]);
    expect(result).toBeUndefined(); // secrets go main-ward only
  });

  it('opens in the browser only links Signet made: no other page, not even a look-alike of its own site', async () => {
    const { handlers, opened } = setup();
    for (const url of ['https://github.com/signet-app/signet#readme', 'https://evil.example.com/login']) {
      await expect(handlers.openExternal({ url: TRUSTED }, [url])).rejects.toMatchObject({ code: 'NOT_GIVEN_BY_USER' });
    }
    expect(opened).toEqual([]);
  });

  it('takes the CloudFront key import the renderer sends without a passphrase ([id, path, undefined])', async () => {
    const { handlers, calls } = setup();
    await handlers.importCloudFrontKey({ url: TRUSTED }, ['cf', '/tmp/key.pem', undefined]).catch(() => undefined);
    expect(calls).toEqual(['importCloudFrontKey:["cf","/tmp/key.pem",null]']);
  });

  it('saves a profile with its secrets in one call to the service (which stores them and rolls back)', async () => {
    const { handlers, calls } = setup();
    await handlers
      .saveProfile({ url: TRUSTED }, [
        { id: 'p', bucket: 'b' },
        { aws: { accessKeyId: 'AKIA', secretAccessKey: 'x' }, cloudFront: { pemPath: '/tmp/k.pem' } },
      ])
      .catch(() => undefined); // the stub service returns no summary
    expect(calls).toEqual([
      'saveProfile:[{"id":"p","bucket":"b"},{"aws":{"accessKeyId":"AKIA","secretAccessKey":"x"},"cloudFront":{"pemPath":"/tmp/k.pem"}}]',
    ]);
  });
});
