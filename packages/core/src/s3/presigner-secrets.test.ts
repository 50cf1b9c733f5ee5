// The secret key signs and goes nowhere else: not into links, errors, warnings, or anything a
// presigner exposes. (The session token must be in the URL: S3 needs it to check the link.)
import { describe, expect, it } from 'vitest';
import { createS3Presigner } from './create-s3-presigner.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const credentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: SECRET,
  sessionToken: 'session-token-value',
  expiration: new Date('2026-11-22T13:00:00Z'),
};
const NOW = new Date('2026-11-22T12:00:00Z');

describe('presigner and secrets', () => {
  it('never puts the secret key in a link, a warning or the presigner object', () => {
    const p = createS3Presigner({ credentials, region: 'eu-west-1' });
    const link = p.presignSync({
      bucket: 'bkt',
      key: 'k',
      expiresAt: new Date(NOW.getTime() + 7 * 86_400_000),
      now: NOW,
      downloadName: 'x.pdf',
    });
    const everything = JSON.stringify({ link, p, keys: Object.keys(p) });
    expect(everything).not.toContain(SECRET);
    expect(everything).not.toContain(encodeURIComponent(SECRET));
    expect(new URL(link.url).searchParams.get('X-Amz-Security-Token')).toBe('session-token-value');
    expect(link.warnings.map((w) => w.message).join(' ')).not.toContain('session-token-value');
  });

  it('never puts the secret key or the session token in an error', () => {
    const p = createS3Presigner({ credentials, region: 'eu-west-1' });
    const attempts: (() => unknown)[] = [
      () => p.presignSync({ bucket: 'Bad', key: 'k', expiresAt: new Date(NOW.getTime() + 60_000), now: NOW }),
      () => p.presignSync({ bucket: 'bkt', key: '', expiresAt: new Date(NOW.getTime() + 60_000), now: NOW }),
      () => p.presignSync({ bucket: 'bkt', key: 'k', expiresAt: new Date(NOW.getTime() + 30 * 86_400_000), now: NOW }),
      () =>
        p.presignSync({
          bucket: 'bkt',
          key: 'k',
          expiresAt: new Date(NOW.getTime() + 60_000),
          now: new Date('2026-11-23T00:00:00Z'),
        }),
      () => createS3Presigner({ credentials, region: 'Nowhere Land' }),
      () => createS3Presigner({ credentials: { ...credentials, accessKeyId: 'AKIA WITH SPACE' }, region: 'eu-west-1' }),
    ];
    for (const attempt of attempts) {
      let err: unknown;
      try {
        attempt();
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(Error);
      const text = `${(err as Error).message} ${JSON.stringify(err)} ${String((err as Error).stack)}`;
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('session-token-value');
    }
  });
});
