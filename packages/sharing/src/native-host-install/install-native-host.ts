// Installs, removes and inspects the native-messaging host registration for one browser.
// Linux/macOS: a manifest file in the browser's per-user folder. Windows: the manifest file plus a
// HKCU registry value run through `reg.exe` (execFile, no shell).
import { execFile } from 'node:child_process';
import { access, constants, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { BROWSERS, type BrowserId } from './browsers.js';
import {
  planNativeHostInstall,
  resolveManifestLocation,
  type NativeHostInstallOptions,
  type NativeHostPlan,
  type NativeHostTarget,
} from './plan-native-host-install.js';

/** Runs `reg.exe` with these arguments; injectable because it exists on Windows only. */
export type RunRegistryCommand = (args: string[]) => Promise<{ ok: boolean; stdout: string }>;

const runReg: RunRegistryCommand = (args) =>
  new Promise((resolve) => {
    execFile('reg', args, { windowsHide: true }, (err, stdout) => resolve({ ok: !err, stdout: String(stdout) }));
  });

function withDefaults<T extends NativeHostTarget>(o: T): T & { homeDir: string; platform: NodeJS.Platform } {
  return { ...o, homeDir: o.homeDir ?? homedir(), platform: o.platform ?? process.platform };
}

export async function installNativeHost(
  options: NativeHostInstallOptions & { runRegistry?: RunRegistryCommand },
): Promise<NativeHostPlan> {
  const plan = planNativeHostInstall(withDefaults(options));
  await mkdir(dirname(plan.manifestPath), { recursive: true });
  await writeFile(plan.manifestPath, `${JSON.stringify(plan.manifest, null, 2)}\n`, { mode: 0o644 });
  if (plan.registry && !options.manifestDir) {
    const res = await (options.runRegistry ?? runReg)(plan.registry.add);
    if (!res.ok)
      throw new Error(
        `Could not register the native host for ${options.browser} (reg ${plan.registry.add.join(' ')}).`,
      );
  }
  return plan;
}

export async function uninstallNativeHost(
  options: NativeHostTarget & { runRegistry?: RunRegistryCommand },
): Promise<{ browser: BrowserId; manifestPath: string; removed: boolean }> {
  const o = withDefaults(options);
  const { manifestPath, registry } = resolveManifestLocation(o);
  const existed = await exists(manifestPath);
  await rm(manifestPath, { force: true });
  let removedKey = false;
  if (registry && !o.manifestDir) removedKey = (await (options.runRegistry ?? runReg)(registry.remove)).ok;
  return { browser: o.browser, manifestPath, removed: existed || removedKey };
}

export interface NativeHostStatus {
  browser: BrowserId;
  manifestPath: string;
  installed: boolean;
  /** The host the manifest points at, and whether that file is executable. */
  hostPath?: string;
  hostExecutable?: boolean;
  /** Origins (Chromium) or add-on ids (Firefox) the manifest allows. */
  allowed?: string[];
  /** What is wrong, in words, when installed but unusable. */
  problem?: string;
}

/** Status for one browser, or for every browser when `browser` is omitted. */
export async function nativeHostStatus(
  options: Omit<NativeHostTarget, 'browser'> & { browser?: BrowserId; runRegistry?: RunRegistryCommand } = {},
): Promise<NativeHostStatus[]> {
  const browsers = options.browser ? [options.browser] : [...BROWSERS];
  return Promise.all(browsers.map((browser) => statusFor(withDefaults({ ...options, browser }), options.runRegistry)));
}

async function statusFor(
  o: NativeHostTarget & { homeDir: string; platform: NodeJS.Platform },
  run?: RunRegistryCommand,
): Promise<NativeHostStatus> {
  const { manifestPath, registry } = resolveManifestLocation(o);
  const base = { browser: o.browser, manifestPath };
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch {
    return { ...base, installed: false };
  }
  if (registry && !o.manifestDir && !(await (run ?? runReg)(registry.query)).ok) {
    return {
      ...base,
      installed: false,
      problem: `The manifest exists but the registry key ${registry.key} is missing: run the install again.`,
    };
  }
  let manifest: { path?: unknown; allowed_origins?: unknown; allowed_extensions?: unknown };
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch {
    return { ...base, installed: true, problem: 'The manifest is not valid JSON: run the install again.' };
  }
  const hostPath = typeof manifest.path === 'string' ? manifest.path : undefined;
  const allowed = (
    Array.isArray(manifest.allowed_origins)
      ? manifest.allowed_origins
      : Array.isArray(manifest.allowed_extensions)
        ? manifest.allowed_extensions
        : []
  ).filter((x): x is string => typeof x === 'string');
  const hostExecutable = hostPath
    ? await exists(hostPath, o.platform === 'win32' ? constants.F_OK : constants.X_OK)
    : false;
  return {
    ...base,
    installed: true,
    ...(hostPath ? { hostPath } : {}),
    hostExecutable,
    allowed,
    ...(hostExecutable
      ? {}
      : {
          problem: `The host program ${hostPath ?? '(none)'} is missing or not executable: rebuild Signet or run the install again.`,
        }),
  };
}

async function exists(path: string, mode: number = constants.F_OK): Promise<boolean> {
  try {
    await access(path, mode);
    return true;
  } catch {
    return false;
  }
}
