// One Vitest run, three tiers (architecture.md, convention 7):
//   unit  — *.test.ts next to the code, no servers
//   integ — *.integ.test.ts, against a real S3 server (Ceph RGW started by the global setup)
//           and the real OS keychain (scripts/with-keyring.sh provides a private Secret Service)
//   e2e   — apps/*/e2e/*.spec.ts, a real Chromium driven by playwright-core, plus RGW
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The AWS SDK warns about Node 20 on every process; the product silences it too.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = fileURLToPath(new URL('..', import.meta.url));
const rgwSetup = fileURLToPath(new URL('./test-support/rgw-global-setup.ts', import.meta.url));

export default defineConfig({
  test: {
    root,
    projects: [
      {
        test: {
          name: 'unit',
          root,
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.integ.test.ts'],
        },
      },
      {
        test: {
          name: 'integ',
          root,
          include: ['packages/*/src/**/*.integ.test.ts', 'apps/*/src/**/*.integ.test.ts', 'scripts/**/*.integ.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: [rgwSetup],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          root,
          include: ['apps/*/e2e/**/*.spec.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: [rgwSetup],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
