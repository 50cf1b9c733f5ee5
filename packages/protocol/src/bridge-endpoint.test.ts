import { describe, expect, it } from 'vitest';
import { resolveBridgeEndpoint } from './bridge-endpoint.js';

const base = { uid: 1000, userName: 'ana', tmpDir: '/tmp', homeDir: '/home/ana' };

describe('resolveBridgeEndpoint', () => {
  it('follows the documented order', () => {
    expect(
      resolveBridgeEndpoint({
        ...base,
        platform: 'linux',
        env: { SIGNET_BRIDGE_SOCKET: '/x/s.sock', SIGNET_HOME: '/h' },
      }),
    ).toBe('/x/s.sock');
    expect(resolveBridgeEndpoint({ ...base, platform: 'win32', env: { SIGNET_HOME: 'C:\\h' } })).toBe(
      '\\\\.\\pipe\\signet-bridge-ana',
    );
    expect(resolveBridgeEndpoint({ ...base, platform: 'win32', userName: undefined, env: { USERNAME: 'A B' } })).toBe(
      '\\\\.\\pipe\\signet-bridge-A_B',
    );
    expect(
      resolveBridgeEndpoint({
        ...base,
        platform: 'linux',
        env: { SIGNET_HOME: '/h/', XDG_RUNTIME_DIR: '/run/user/1000' },
      }),
    ).toBe('/h/run/bridge.sock');
    expect(resolveBridgeEndpoint({ ...base, platform: 'linux', env: { XDG_RUNTIME_DIR: '/run/user/1000' } })).toBe(
      '/run/user/1000/signet/bridge.sock',
    );
    expect(resolveBridgeEndpoint({ ...base, platform: 'darwin', env: {} })).toBe(
      '/home/ana/Library/Application Support/Signet/run/bridge.sock',
    );
    expect(resolveBridgeEndpoint({ ...base, platform: 'linux', env: {} })).toBe('/tmp/signet-1000/bridge.sock');
  });
});
