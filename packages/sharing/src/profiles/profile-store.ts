// Profiles in one JSON file in the config folder, shared by the desktop app, the CLI and the
// native host. Validated with core's parseProfile on every read and write; written atomically
// (temp file, fsync, rename) under a cross-process lock so two clients editing at once lose
// nothing. A file that cannot be read as profiles is reported with its path and what to do, and
// left exactly as it is: every write refuses to replace it, so it is never silently reset.
import { dirname, join } from 'node:path';
import { isSignetError, parseProfile, type Profile } from '@signet/core';
import { isSharingError, SharingError } from '../errors.js';
import { ensurePrivateDir, readFileNoFollow, withFileLock, writeFileAtomic } from '../fs/index.js';

const VERSION = 1;

interface ProfilesFile {
  version: typeof VERSION;
  defaultId?: string;
  profiles: Profile[];
}

export class ProfileStore {
  /** The profiles file (`profiles.json` in the config folder). */
  readonly file: string;
  private readonly lock: string;
  constructor(configDir: string) {
    this.file = join(configDir, 'profiles.json');
    this.lock = join(configDir, 'profiles.lock');
  }

  /** While frozen (freeze()): the profiles as first read, for a batch of links. */
  private frozen: { data?: Promise<ProfilesFile> } | undefined;

  /**
   * Reads the profiles once for a batch of links instead of once per link, until the returned
   * thaw is called. Writes through this store thaw it (the next read sees them).
   */
  freeze(): () => void {
    const mine = (this.frozen ??= {});
    return () => {
      if (this.frozen === mine) this.frozen = undefined;
    };
  }

  private read(): Promise<ProfilesFile> {
    if (!this.frozen) return this.readFile();
    const frozen = this.frozen;
    frozen.data ??= this.readFile().catch((e: unknown) => {
      frozen.data = undefined; // a failure is not remembered: the next link reads again
      throw e;
    });
    return frozen.data;
  }

  private async readFile(): Promise<ProfilesFile> {
    let text: string;
    try {
      // A folder others can write, or a symlinked file, could hold someone else's profiles.
      await ensurePrivateDir(dirname(this.file), { create: false, what: "Signet's config folder" });
      text = await readFileNoFollow(this.file);
    } catch (e) {
      if (isSharingError(e)) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { version: VERSION, profiles: [] };
      throw new SharingError(
        'CONFIG_CORRUPT',
        `Signet cannot read its profiles file ${this.file} (${code}). Check the file's owner and permissions; it has been left as it is.`,
        {
          cause: e,
          details: { file: this.file },
        },
      );
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw this.corrupt(text.trim() === '' ? 'it is empty' : 'it is not valid JSON');
    }
    if (!data || typeof data !== 'object' || !Array.isArray((data as ProfilesFile).profiles))
      throw this.corrupt('it has no "profiles" list');
    const raw = data as { version?: unknown; defaultId?: unknown; profiles: unknown[] };
    if (raw.version !== undefined && raw.version !== VERSION) {
      throw new SharingError(
        'CONFIG_CORRUPT',
        `Signet's profiles file ${this.file} has version ${JSON.stringify(raw.version)}, which this Signet does not know (a newer version wrote it?). It has been left untouched: update Signet.`,
        { details: { file: this.file } },
      );
    }
    const profiles: Profile[] = [];
    for (const p of raw.profiles) {
      try {
        profiles.push(parseProfile(p));
      } catch (e) {
        throw this.corrupt(isSignetError(e) ? e.message.replace(/\.$/, '') : 'a profile is malformed');
      }
    }
    const dup = profiles.find((p, i) => profiles.findIndex((q) => q.id === p.id) !== i);
    if (dup) throw this.corrupt(`the profile id "${dup.id}" appears twice`);
    return { version: VERSION, profiles, ...(typeof raw.defaultId === 'string' ? { defaultId: raw.defaultId } : {}) };
  }

  private corrupt(why: string): SharingError {
    return new SharingError(
      'CONFIG_CORRUPT',
      `Signet's profiles file ${this.file} is damaged: ${why}. It has been left untouched; fix it in a text editor, or move it aside to start over with no profiles.`,
      { details: { file: this.file } },
    );
  }

  /** Read-modify-write under the lock; a damaged file throws in read() before anything is written. */
  private async update<T>(change: (d: ProfilesFile) => T | Promise<T>): Promise<T> {
    await ensurePrivateDir(dirname(this.file), { what: "Signet's config folder" });
    return withFileLock(
      this.lock,
      async () => {
        const d = await this.readFile(); // under the lock: the file as it is now, never a frozen copy
        const out = await change(d);
        await writeFileAtomic(this.file, `${JSON.stringify(d, null, 2)}\n`);
        if (this.frozen) this.frozen.data = undefined;
        return out;
      },
      { what: 'The profiles file', code: 'CONFIG_LOCKED' },
    );
  }

  private notFound(id: string, d: ProfilesFile): SharingError {
    const known = d.profiles.map((x) => x.id);
    return new SharingError(
      'PROFILE_NOT_FOUND',
      `There is no profile "${id}". ${known.length ? `Profiles: ${known.join(', ')}.` : 'Create one with: signet profile add <name> --bucket <bucket>.'}`,
    );
  }

  /**
   * All profiles and the default one (the first profile when none was picked). A default that
   * names a profile no longer there (a hand edit) is not silently swapped for another one:
   * `missingDefault` says which, and there is no default unless only one profile is left.
   */
  async list(): Promise<{ profiles: Profile[]; defaultId?: string; missingDefault?: string }> {
    const d = await this.read();
    const missing = d.defaultId !== undefined && !d.profiles.some((p) => p.id === d.defaultId);
    const defaultId =
      !missing && d.defaultId ? d.defaultId : !missing || d.profiles.length === 1 ? d.profiles[0]?.id : undefined;
    return {
      profiles: d.profiles,
      ...(defaultId ? { defaultId } : {}),
      ...(missing ? { missingDefault: d.defaultId } : {}),
    };
  }

  async get(id: string): Promise<Profile> {
    const d = await this.read();
    const p = d.profiles.find((x) => x.id === id);
    if (!p) throw this.notFound(id, d);
    return p;
  }

  /** Creates or replaces a profile (validated first). The first profile becomes the default. */
  async save(profile: unknown): Promise<Profile> {
    const p = parseProfile(profile);
    return this.update((d) => {
      const i = d.profiles.findIndex((x) => x.id === p.id);
      if (i >= 0) d.profiles[i] = p;
      else d.profiles.push(p);
      d.defaultId ??= p.id;
      return p;
    });
  }

  /** Creates a profile; PROFILE_EXISTS when the id is taken (so nothing is replaced by accident). */
  async create(profile: unknown): Promise<Profile> {
    const p = parseProfile(profile);
    return this.update((d) => {
      if (d.profiles.some((x) => x.id === p.id)) {
        throw new SharingError(
          'PROFILE_EXISTS',
          `A profile "${p.id}" already exists. Pick another name, or edit that one.`,
        );
      }
      d.profiles.push(p);
      d.defaultId ??= p.id;
      return p;
    });
  }

  async remove(id: string): Promise<void> {
    await this.update((d) => {
      if (!d.profiles.some((x) => x.id === id)) throw this.notFound(id, d);
      d.profiles = d.profiles.filter((x) => x.id !== id);
      if (d.defaultId === id) {
        if (d.profiles[0]) d.defaultId = d.profiles[0].id;
        else delete d.defaultId;
      }
    });
  }

  async setDefault(id: string): Promise<void> {
    await this.update((d) => {
      if (!d.profiles.some((x) => x.id === id)) throw this.notFound(id, d);
      d.defaultId = id;
    });
  }
}
