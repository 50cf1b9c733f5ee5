import { describe, expect, it } from 'vitest';
import { resolveSignetPaths } from './paths.js';

describe('resolveSignetPaths', () => {
  it('SIGNET_HOME overrides everything, made absolute', () => {
    expect(resolveSignetPaths({ SIGNET_HOME: '/tmp/s', HOME: '/home/u' }, 'linux')).toEqual({
      configDir: '/tmp/s',
      dataDir: '/tmp/s',
    });
    expect(resolveSignetPaths({ SIGNET_HOME: 'rel' }, 'darwin').configDir).toBe(`${process.cwd()}/rel`);
  });

  it('Linux follows XDG, with the spec defaults and relative values ignored', () => {
    expect(resolveSignetPaths({ HOME: '/home/u' }, 'linux')).toEqual({
      configDir: '/home/u/.config/signet',
      dataDir: '/home/u/.local/share/signet',
    });
    expect(resolveSignetPaths({ HOME: '/home/u', XDG_CONFIG_HOME: '/c', XDG_DATA_HOME: '/d' }, 'linux')).toEqual({
      configDir: '/c/signet',
      dataDir: '/d/signet',
    });
    expect(resolveSignetPaths({ HOME: '/home/u', XDG_CONFIG_HOME: 'relative' }, 'freebsd').configDir).toBe(
      '/home/u/.config/signet',
    );
  });

  it('macOS: Application Support; Windows: %APPDATA%', () => {
    const mac = '/Users/u/Library/Application Support/Signet';
    expect(resolveSignetPaths({ HOME: '/Users/u' }, 'darwin')).toEqual({ configDir: mac, dataDir: mac });
    expect(
      resolveSignetPaths({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming', USERPROFILE: 'C:\\Users\\u' }, 'win32').configDir,
    ).toBe('C:\\Users\\u\\AppData\\Roaming\\Signet');
    expect(resolveSignetPaths({ USERPROFILE: 'C:\\Users\\u' }, 'win32').dataDir).toBe(
      'C:\\Users\\u\\AppData\\Roaming\\Signet',
    );
  });
});
