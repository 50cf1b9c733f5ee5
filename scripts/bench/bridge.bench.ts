// `pnpm bench bridge`: right-click → link on the clipboard, with Signet serving the bridge.
// Real Chromium with the built extension and native host, the bridge server, the sharing service
// and RGW. Timed inside the extension's service worker (no Playwright round trip in the numbers):
//   subject  — the context-menu handler: link request → host → bridge → service signs → the
//              bridge fetches the link once (1-byte range GET on RGW: the object exists) → reply →
//              offscreen clipboard copy → badge/title
//              (click → clipboard is the handler's own mark when the copy resolved; the full
//              handler time, with the badge and title, is reported next to it)
//   sentence — the same for a selected sentence with a key that has spaces: three readings, each
//              probed, the one that exists signed and recorded
//   detail   — the `link` request alone (no clipboard, no badge)
//   baseline — a `hello` round trip on the same open port (host + bridge, no signing, no clipboard)
// 200 requests each; median and p95; goal: click p95 < 50 ms.
import { buildArtifacts, launchBrowser } from '../../apps/extension/e2e/support/launch-browser.js';
import { createSignetFixture } from '../../apps/extension/e2e/support/signet-fixture.js';
import { startRgw } from '../test-support/rgw.js';

const N = 200;
const GOAL_P95_MS = 50;

function stats(samples: number[]): { median: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]! };
}

export async function run(): Promise<{ missed: number }> {
  const rgw = await startRgw();
  const f = await createSignetFixture(rgw, { 'bench.txt': 'bench', 'été 2026.txt': 'bench' });
  // The bench measures latency, not the abuse limit: the token bucket is opened wide.
  await f.startBridge({ rateLimit: { capacity: 10_000, refillPerSecond: 10_000 } });
  const browser = await launchBrowser({ ...(await buildArtifacts()), signetHome: f.home, links: [] });
  try {
    await f.approvals.approve(browser.origin);
    // No named inner functions: tsx would wrap them in a `__name` helper that does not exist in
    // the service worker.
    const samples = await browser.sw.evaluate(
      async ({ n, ref, sentence }) => {
        const g = globalThis as unknown as {
          handleMenuClick: (i: unknown, t: unknown) => Promise<{ ok: boolean; message: string; clipboardMs?: number }>;
          signetClient: { request: (type: string, params: unknown) => Promise<{ ok: boolean }> };
        };
        const out: { click: number[]; feedback: number[]; sentence: number[]; link: number[]; port: number[] } = {
          click: [],
          feedback: [],
          sentence: [],
          link: [],
          port: [],
        };
        for (const phase of ['click', 'sentence', 'link', 'port'] as const) {
          for (let i = 0; i < n + 10; i++) {
            const t0 = performance.now();
            const r =
              phase === 'click' || phase === 'sentence'
                ? await g.handleMenuClick(
                    {
                      menuItemId: 'selection/copy-link:1h',
                      selectionText: phase === 'click' ? ref : sentence,
                      frameId: 0,
                      editable: false,
                    },
                    undefined,
                  )
                : phase === 'link'
                  ? await g.signetClient.request('link', { ref, expires: '1h' })
                  : await g.signetClient.request('hello', { versions: [1] });
            const dt = performance.now() - t0;
            if (!r.ok) throw new Error(`request failed: ${JSON.stringify(r)}`);
            if (i < 10) continue; // first 10: warm-up (port start, offscreen document)
            if (phase === 'click') {
              // The handler's own mark: click → link on the clipboard; then the badge/title too.
              out.click.push((r as { clipboardMs?: number }).clipboardMs ?? dt);
              out.feedback.push(dt);
            } else if (phase === 'sentence') out.sentence.push((r as { clipboardMs?: number }).clipboardMs ?? dt);
            else out[phase].push(dt);
          }
        }
        return out;
      },
      { n: N, ref: `s3://${f.bucket}/bench.txt`, sentence: `see s3://${f.bucket}/été 2026.txt today` },
    );
    const click = stats(samples.click);
    const feedback = stats(samples.feedback);
    const sentence = stats(samples.sentence);
    const link = stats(samples.link);
    const port = stats(samples.port);
    const pass = click.p95 < GOAL_P95_MS;
    console.log(`\n## Bridge: right-click → link on the clipboard (${N} requests, timed in the service worker)`);
    console.log(
      `${pass ? 'PASS' : 'MISS'}  click→clipboard: median ${click.median.toFixed(2)} ms, p95 ${click.p95.toFixed(2)} ms  vs  port round trip (hello): median ${port.median.toFixed(2)} ms, p95 ${port.p95.toFixed(2)} ms  → ratio median ${(click.median / port.median).toFixed(2)}, p95 ${(click.p95 / port.p95).toFixed(2)}  (goal: click p95 < ${GOAL_P95_MS} ms)`,
    );
    console.log(
      `      click → clipboard + badge and title set: median ${feedback.median.toFixed(2)} ms, p95 ${feedback.p95.toFixed(2)} ms`,
    );
    console.log(
      `      a selected sentence (3 readings probed, 1 signed): median ${sentence.median.toFixed(2)} ms, p95 ${sentence.p95.toFixed(2)} ms`,
    );
    console.log(
      `      of which the link request alone (sign + check + history, no clipboard): median ${link.median.toFixed(2)} ms, p95 ${link.p95.toFixed(2)} ms → ratio to port median ${(link.median / port.median).toFixed(2)}`,
    );
    return { missed: pass ? 0 : 1 };
  } finally {
    await browser.close();
    await f.dispose();
    await rgw.stop();
  }
}
