// `signet native-host install|uninstall|status`: registers the native-messaging host (the relay the
// extension talks to) with each browser: a manifest in the browser's folder on Linux and macOS,
// plus an HKCU registry value on Windows.
import { access, constants } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Option } from 'commander';
import {
  BROWSERS,
  describeExtension,
  installNativeHost,
  nativeHostStatus,
  resolveManifestLocation,
  uninstallNativeHost,
  type BrowserId,
} from '@signet/sharing';
import type { RegisterCommand } from './index.js';

interface Opts {
  browser?: BrowserId;
  dev?: boolean;
  extensionId?: string[];
  hostPath?: string;
  json?: boolean;
}

const browserOption = () =>
  new Option('--browser <browser>', 'only this browser (default: every browser found)').choices([...BROWSERS]);

export const registerNativeHostCommand: RegisterCommand = (program) => {
  const nh = program
    .command('native-host')
    .description('connect browsers to Signet (native-messaging host registration)');

  nh.command('install')
    .description('register the host with a browser')
    .addOption(browserOption())
    .option(
      '--extension-id <id...>',
      'exactly these extension id(s) may use the host (default: the released Signet extension)',
    )
    .option('--dev', 'allow the Signet development build (pinned id) instead of the released one')
    .option('--host-path <path>', 'absolute path of the host launcher (default: the built one next to Signet)')
    .action(async (opts: Opts) => {
      const hostPath = opts.hostPath ?? (await findHostLauncher());
      for (const browser of await targetBrowsers(opts.browser)) {
        const plan = await installNativeHost({
          browser,
          hostPath,
          ...(opts.extensionId ? { extensionIds: opts.extensionId } : {}),
          ...(opts.dev ? { dev: true } : {}),
        });
        const allowed =
          'allowed_origins' in plan.manifest ? plan.manifest.allowed_origins : plan.manifest.allowed_extensions;
        process.stdout.write(
          `${browser}: ${plan.manifestPath}${plan.registry ? ` (registry ${plan.registry.key})` : ''}\n  host ${hostPath}\n  allows ${allowed.map(nameOf).join(', ')}\n`,
        );
        for (const o of allowed) {
          const who = describeExtension(o);
          if (!who.known) process.stderr.write(`  WARNING for ${o}: ${who.warning}\n`);
        }
      }
    });

  nh.command('uninstall')
    .description('remove the registration')
    .addOption(browserOption())
    .action(async (opts: Opts) => {
      for (const browser of opts.browser ? [opts.browser] : BROWSERS) {
        const r = await uninstallNativeHost({ browser });
        if (r.removed || opts.browser)
          process.stdout.write(`${browser}: ${r.removed ? 'removed' : 'was not installed'} (${r.manifestPath})\n`);
      }
    });

  nh.command('status')
    .description('what is registered, per browser')
    .addOption(browserOption())
    .option('--json', 'machine-readable output')
    .action(async (opts: Opts) => {
      const status = await nativeHostStatus(opts.browser ? { browser: opts.browser } : {});
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        return;
      }
      for (const s of status) {
        const line = s.installed
          ? `installed → ${s.hostPath ?? '?'}; allows ${(s.allowed ?? []).map(nameOf).join(', ') || 'nothing'}`
          : 'not installed';
        process.stdout.write(`${s.browser.padEnd(9)} ${line}${s.problem ? `\n          problem: ${s.problem}` : ''}\n`);
      }
    });
};

/** Browsers to install for: the one asked for, else every browser whose profile folder exists. */
async function targetBrowsers(browser: BrowserId | undefined): Promise<BrowserId[]> {
  if (browser) return [browser];
  const found: BrowserId[] = [];
  for (const b of BROWSERS) {
    const { manifestPath, registry } = resolveManifestLocation({
      browser: b,
      platform: process.platform,
      homeDir: homedir(),
    });
    if (registry || (await exists(dirname(dirname(manifestPath))))) found.push(b);
  }
  if (found.length === 0)
    throw new Error(`No supported browser profile found. Name one: --browser ${BROWSERS.join('|')}`);
  return found;
}

/** The built launcher (apps/desktop/dist) relative to this CLI, from source or from its bundle. */
async function findHostLauncher(): Promise<string> {
  const name = process.platform === 'win32' ? 'signet-native-host.exe' : 'signet-native-host';
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env.SIGNET_NATIVE_HOST,
    join(here, '..', '..', '..', 'desktop', 'dist', name),
    join(here, '..', '..', 'desktop', 'dist', name),
  ].filter((p): p is string => !!p);
  for (const c of candidates) if (await exists(c)) return c;
  throw new Error(
    'The native host is not built. Run `pnpm --filter @signet/desktop build:native-host`, or pass --host-path.',
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

/** An allowed origin with the name of the Signet build it belongs to, if any. */
function nameOf(origin: string): string {
  const who = describeExtension(origin);
  return who.known ? `${origin} (${who.known.name})` : `${origin} (not a Signet extension)`;
}
