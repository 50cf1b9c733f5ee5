// The optional global shortcut: off by default (a system-wide key is the user's to give), and
// when on it opens Share files… from any app. The choice is kept in desktop-settings.json in the
// config folder and registered again at start-up.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface ShortcutRegistry {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export function createShortcutSetting(configDir: string, registry: ShortcutRegistry, onPress: () => void) {
  const file = join(configDir, 'desktop-settings.json');
  const read = (): { shortcut?: string } => {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as { shortcut?: string };
    } catch {
      return {};
    }
  };
  let current = read().shortcut;
  if (current && !registry.register(current, onPress)) current = undefined; // taken by another app now
  return {
    get: () => current,
    async set(accelerator: string | null) {
      if (accelerator && accelerator !== current && !registry.register(accelerator, onPress))
        throw new Error(`${accelerator} is taken by another app or the system. Pick another shortcut.`);
      if (current && current !== accelerator) registry.unregister(current);
      current = accelerator ?? undefined;
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, `${JSON.stringify({ ...read(), shortcut: current ?? null })}\n`, { mode: 0o600 });
    },
  };
}
