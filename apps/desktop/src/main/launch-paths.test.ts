import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathsFromArgv } from './launch-paths.js';

describe('pathsFromArgv', () => {
  it('keeps existing files and folders (relative ones from the caller’s folder), drops flags and the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'signet-argv-'));
    writeFileSync(join(dir, 'a.txt'), 'a');
    const argv = ['/opt/Signet/signet', '--no-sandbox', 'a.txt', dir, '/nonexistent/x', '', '--inspect=9229'];
    expect(pathsFromArgv(argv, dir)).toEqual([join(dir, 'a.txt'), dir]);
  });
});
