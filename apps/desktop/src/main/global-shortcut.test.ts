import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createShortcutSetting } from './global-shortcut.js';

function registry(taken: string[] = []) {
  const on = new Map<string, () => void>();
  return {
    on,
    register: (a: string, cb: () => void) => (taken.includes(a) ? false : (on.set(a, cb), true)),
    unregister: (a: string) => void on.delete(a),
  };
}

describe('the global shortcut setting', () => {
  it('is off by default, turns on and off, survives a restart, and a taken key is refused in words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'signet-shortcut-'));
    let pressed = 0;
    const r = registry(['CommandOrControl+Shift+S']);
    const s = createShortcutSetting(dir, r, () => pressed++);
    expect(s.get()).toBeUndefined();
    await s.set('CommandOrControl+Shift+U');
    r.on.get('CommandOrControl+Shift+U')!();
    expect(pressed).toBe(1);
    await expect(s.set('CommandOrControl+Shift+S')).rejects.toThrow(/is taken by another app or the system/);
    expect(s.get()).toBe('CommandOrControl+Shift+U');
    const again = registry();
    expect(createShortcutSetting(dir, again, () => {}).get()).toBe('CommandOrControl+Shift+U');
    expect([...again.on.keys()]).toEqual(['CommandOrControl+Shift+U']);
    await s.set(null);
    expect(r.on.size).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'desktop-settings.json'), 'utf8'))).toEqual({ shortcut: null });
  });
});
