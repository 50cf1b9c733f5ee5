// Files handed to Signet from outside the window: "Open with Signet", a drop on the dock or
// taskbar icon, or a second `signet-desktop file…` while Signet already runs (Electron passes
// the second instance's argv). Only existing absolute paths count; flags and the app's own
// path are not files to share.
import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/** The file arguments of a command line (argv of the second instance, or of this one). */
export function pathsFromArgv(argv: readonly string[], cwd: string, skip = 1): string[] {
  const out: string[] = [];
  for (const arg of argv.slice(skip)) {
    if (!arg || arg.startsWith('-')) continue;
    const p = isAbsolute(arg) ? arg : resolve(cwd, arg);
    try {
      const s = statSync(p);
      if (s.isFile() || s.isDirectory()) out.push(p);
    } catch {
      // not a file: an argument Electron or the OS added
    }
  }
  return out;
}
