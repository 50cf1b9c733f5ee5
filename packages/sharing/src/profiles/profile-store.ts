// Profiles in one JSON file in the config folder, shared by the desktop app, the CLI and the
// native host. Validated on every read and write; written atomically. A file that cannot be
// read as profiles is reported with its path and left exactly as it is: never reset.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isSignetError, parseProfile, type Profile } from '@signet/core';
import { SharingError } from '../errors.js';
import { writeFileAtomic } from '../fs/write-file-atomic.js';

interface ProfilesFile {
  version: 1;
  defaultId?: string;
  profiles: Profile[];
}

export class ProfileStore {
  readonly file: string;
  constructor(configDir: string) {
    this.file = join(configDir, 'profiles.json');
  }

  private async read(): Promise<ProfilesFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, profiles: [] };
      throw new SharingError('CONFIG_CORRUPT', `Signet cannot read its profiles file ${this.file} (${(e as NodeJS.ErrnoException).code}). Check its permissions.`);
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      throw this.corrupt('it is not valid JSON');
    }
    if (!data || typeof data !== 'object' || !Array.isArray((data as ProfilesFile).profiles)) throw this.corrupt('it has no "profiles" list');
    const raw = data as ProfilesFile;
    const profiles: Profile[] = [];
    for (const p of raw.profiles) {
      try {
        profiles.push(parseProfile(p));
      } catch (e) {
        throw this.corrupt(isSignetError(e) ? e.message : 'a profile is malformed');
      }
    }
    return { version: 1, profiles, ...(typeof raw.defaultId === 'string' ? { defaultId: raw.defaultId } : {}) };
  }

  private corrupt(why: string): SharingError {
    return new SharingError(
      'CONFIG_CORRUPT',
      `Signet's profiles file ${this.file} is damaged: ${why}. It has been left untouched; fix it in a text editor, or move it aside to start over.`,
      { details: { file: this.file } },
    );
  }

  private async write(data: ProfilesFile): Promise<void> {
    await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
  }

  async list(): Promise<{ profiles: Profile[]; defaultId?: string }> {
    const d = await this.read();
    const defaultId = d.defaultId && d.profiles.some((p) => p.id === d.defaultId) ? d.defaultId : d.profiles[0]?.id;
    return { profiles: d.profiles, ...(defaultId ? { defaultId } : {}) };
  }

  async get(id: string): Promise<Profile> {
    const d = await this.read();
    const p = d.profiles.find((x) => x.id === id);
    if (!p) {
      const known = d.profiles.map((x) => x.id);
      throw new SharingError('PROFILE_NOT_FOUND', `There is no profile "${id}". ${known.length ? `Profiles: ${known.join(', ')}.` : 'Create one with: signet profile add <name> --bucket <bucket>.'}`);
    }
    return p;
  }

  /** Creates or replaces a profile (validated first). */
  async save(profile: unknown): Promise<Profile> {
    const p = parseProfile(profile);
    const d = await this.read();
    const i = d.profiles.findIndex((x) => x.id === p.id);
    if (i >= 0) d.profiles[i] = p;
    else d.profiles.push(p);
    d.defaultId ??= p.id;
    await this.write(d);
    return p;
  }

  async remove(id: string): Promise<void> {
    const d = await this.read();
    if (!d.profiles.some((x) => x.id === id)) await this.get(id);
    d.profiles = d.profiles.filter((x) => x.id !== id);
    if (d.defaultId === id) {
      if (d.profiles[0]) d.defaultId = d.profiles[0].id;
      else delete d.defaultId;
    }
    await this.write(d);
  }

  async setDefault(id: string): Promise<void> {
    const d = await this.read();
    await this.get(id);
    d.defaultId = id;
    await this.write(d);
  }
}
