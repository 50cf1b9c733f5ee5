// Which file a path names, as far as the upload needs to know: the same device and inode (not a
// different file renamed over the path — a same-size swap passes a size and mtime check) with
// the same size and modification time (not changed in place).

export interface FileIdentity {
  size: number;
  mtimeMs: number;
  dev: number;
  ino: number;
}

/** True when `a` and `b` are the same file in the same state. */
export function isSameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
