// The files and folders the user gave Signet since the app started: dropped or pasted into the
// window (the preload reports each File's path), picked in a native dialog, opened with Signet
// (argv, open-file). share and the CloudFront key import accept only these, so script running in
// a compromised renderer cannot make main upload /proc/self/environ or ~/.ssh/id_rsa.
//
// Residual risk, honestly: the preload learns a path with webUtils.getPathForFile(file), which
// only answers for Files backed by disk (a drop, a paste, an <input type=file>); page script
// cannot forge one. But a renderer compromised below JavaScript (a memory-corruption exploit in
// the sandboxed renderer process) can send the preload's IPC message itself and register any
// path. Main cannot tell that message from a real drop; what limits the damage then is the
// sandbox, the sender check and that every share lands in the user's own bucket under a new key.
// Closing it fully would need main to see the drop itself (a native drag target), which Electron
// does not offer.
import { realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';

export class GrantedPaths {
  private readonly paths = new Set<string>();

  /** Records a path the user gave (normalised: `..` and trailing separators are resolved away). */
  add(path: string): void {
    this.paths.add(resolve(path));
  }

  /**
   * Whether the user gave this path, or a folder that contains it (a folder share uploads
   * the files inside; its files are reported with their own paths).
   */
  allows(path: string): boolean {
    const p = resolve(path);
    if (this.paths.has(p)) return true;
    for (const g of this.paths) if (within(p, g) && staysInside(p, g)) return true;
    return false;
  }
}

function within(p: string, folder: string): boolean {
  return p.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/**
 * A path under a given folder must also lead to something inside it: a symlink in the folder
 * that points out (`photos/dotfiles -> ~/.ssh`) would otherwise grant `photos/dotfiles/id_rsa`,
 * and a share of an explicit path follows links. A path that does not exist reads nothing.
 */
function staysInside(p: string, folder: string): boolean {
  let real: string;
  try {
    real = realpathSync.native(p);
  } catch {
    return true;
  }
  try {
    const realFolder = realpathSync.native(folder);
    return real === realFolder || within(real, realFolder);
  } catch {
    return false;
  }
}
