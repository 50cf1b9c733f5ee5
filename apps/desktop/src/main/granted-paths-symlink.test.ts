// Attack test for issue 11 item 16 (security audit): the person dropped a folder; a symlink inside
// it leads out (to ~/.ssh, say). A folder share skips that link (item 9), but a compromised
// renderer can ask main to share `<folder>/<link>/id_rsa` by name: the grant check compared
// paths as text, saw a path under the dropped folder, and `share` of an explicit path follows the
// link (the CLI does the same: `signet share dir/link/id_rsa` uploaded it). Real files and
// symlinks on disk, the real handlers; the sharing service is a recording stand-in.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApprovalStore, SharingService } from '@signet/sharing';
import { createDesktopHandlers } from './create-desktop-handlers.js';
import { GrantedPaths } from './granted-paths.js';

const TRUSTED = 'signet-app://renderer/index.html';

function world() {
  const root = mkdtempSync(join(tmpdir(), 'signet-granted-'));
  const dropped = join(root, 'photos');
  mkdirSync(join(root, 'ssh'));
  writeFileSync(join(root, 'ssh', 'id_rsa'), 'PRIVATE KEY');
  mkdirSync(join(dropped, 'album'), { recursive: true });
  writeFileSync(join(dropped, 'album', 'a.jpg'), 'jpg');
  symlinkSync(join(root, 'ssh'), join(dropped, 'dotfiles')); // leads out of the dropped folder
  symlinkSync(join(dropped, 'album'), join(dropped, 'best')); // stays inside
  const calls: string[] = [];
  const service = new Proxy({} as SharingService, {
    get:
      (_t, name: string) =>
      async (...args: unknown[]) => {
        calls.push(`${name}:${JSON.stringify(args[0])}`);
        return name === 'share' ? { links: [] } : undefined;
      },
  });
  const granted = new GrantedPaths();
  granted.add(dropped);
  const handlers = createDesktopHandlers({
    service,
    approvals: {} as ApprovalStore,
    isTrustedSender: (url: string) => url === TRUSTED,
    emitProgress: () => {},
    openExternal: async () => {},
    startAtLogin: { get: () => false, set: () => {} },
    nativeHostPath: '/opt/Signet/signet-native-host',
    grantedPaths: granted,
  });
  return { dropped, granted, handlers, calls };
}

describe('a path under a dropped folder that a symlink leads out of it', () => {
  it('is not granted, and share of it reads nothing', async () => {
    const { dropped, granted, handlers, calls } = world();
    const stolen = join(dropped, 'dotfiles', 'id_rsa');
    expect(granted.allows(stolen)).toBe(false);
    await expect(handlers.share({ url: TRUSTED }, ['s1', { paths: [stolen] }])).rejects.toMatchObject({
      code: 'NOT_GIVEN_BY_USER',
    });
    expect(calls).toEqual([]);
  });

  it('control: files inside the folder, also through a link that stays inside, are granted', () => {
    const { dropped, granted } = world();
    expect(granted.allows(dropped)).toBe(true);
    expect(granted.allows(join(dropped, 'album', 'a.jpg'))).toBe(true);
    expect(granted.allows(join(dropped, 'best', 'a.jpg'))).toBe(true);
  });
});
