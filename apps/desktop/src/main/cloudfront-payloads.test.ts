// The payloads of the CloudFront deployment and key-rotation IPC calls: bad input is refused at
// the boundary with a message naming the method, and never reaches the sharing service (a
// recording stub here: what a valid call does is driven for real in e2e/cloudfront.spec.ts).
import { describe, expect, it } from 'vitest';
import { createDesktopHandlers } from './create-desktop-handlers.js';
import { handlerDeps, recordingService } from './test-support/recording-service.js';

const TRUSTED = 'file:///opt/Signet/resources/app/dist/renderer/index.html';

function setup() {
  const { service, calls } = recordingService((name) =>
    name === 'cloudFrontRetiringKeys'
      ? []
      : {
          profileId: 'cf',
          distributionId: 'E1',
          domain: 'd1.cloudfront.net',
          status: 'Deployed',
          deployed: true,
          newKeyId: 'KNEW',
          oldKeyId: 'KOLD',
          keyGroupId: 'G1',
          retired: [],
          waiting: [],
          linksKilled: 0,
          message: 'done',
        },
  );
  const handlers = createDesktopHandlers(handlerDeps(service, TRUSTED));
  const call = (method: string, args: unknown[]) =>
    (handlers as unknown as Record<string, (s: { url: string }, a: unknown[]) => Promise<unknown>>)[method]!(
      { url: TRUSTED },
      args,
    );
  return { call, calls };
}

describe('CloudFront deployment and key-rotation payloads', () => {
  it.each<[string, unknown[]]>([
    ['cloudFrontDeployment', []],
    ['cloudFrontDeployment', ['']],
    ['cloudFrontDeployment', [42]],
    ['cloudFrontDeployment', ['cf', 'extra']],
    ['rotateCloudFrontKey', ['cf']],
    ['rotateCloudFrontKey', ['cf', {}]],
    ['rotateCloudFrontKey', ['cf', { retire: 'tomorrow' }]],
    ['rotateCloudFrontKey', ['cf', { retire: 'later' }]],
    ['rotateCloudFrontKey', ['cf', { retire: 'later', days: 0 }]],
    ['rotateCloudFrontKey', ['cf', { retire: 'later', days: 1.5 }]],
    ['rotateCloudFrontKey', ['cf', { retire: 'later', days: 400 }]],
    ['rotateCloudFrontKey', ['cf', { retire: 'later', days: '7d' }]],
    ['rotateCloudFrontKey', ['cf', { retire: 'now', days: 7 }]],
    ['rotateCloudFrontKey', ['cf', { retire: 'now', keyType: 'dsa' }]],
    ['retireCloudFrontKey', ['cf']],
    ['retireCloudFrontKey', ['cf', '']],
    ['retireCloudFrontKey', ['cf', 'K1 --now']],
    ['retireCloudFrontKey', ['cf', 'k'.repeat(200)]],
    ['cloudFrontRetiringKeys', []],
    ['cloudFrontRetiringKeys', [{ id: 'cf' }]],
  ])('refuse %s %j with a message, without calling the service', async (method, args) => {
    const { call, calls } = setup();
    const err = await call(method, args).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
    expect((err as Error).message).toMatch(new RegExp(`^Signet could not use that input \\(${method}`));
    expect(calls).toEqual([]);
  });

  it('pass valid calls to the service as the CLI would make them (retire-after in days, retire by key id now), worded for the window', async () => {
    const { call, calls } = setup();
    await call('cloudFrontDeployment', ['cf']);
    await call('rotateCloudFrontKey', ['cf', { retire: 'later', days: 7 }]);
    await call('rotateCloudFrontKey', ['cf', { retire: 'now' }]);
    await call('retireCloudFrontKey', ['cf', 'K2JCJMDEHXQW5F']);
    await call('cloudFrontRetiringKeys', ['cf']);
    expect(calls).toEqual([
      'cloudFrontDeployment:["cf"]',
      'rotateCloudFrontKey:[{"profileId":"cf","retireAfter":"7d","for":"window"}]',
      'rotateCloudFrontKey:[{"profileId":"cf","retireNow":true,"for":"window"}]',
      'retireCloudFrontKey:[{"profileId":"cf","keyId":"K2JCJMDEHXQW5F","now":true,"for":"window"}]',
      'cloudFrontRetiringKeys:["cf"]',
    ]);
  });
});
