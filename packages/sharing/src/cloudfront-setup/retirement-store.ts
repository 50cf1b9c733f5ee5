// Keys waiting to be retired after a rotation: which key replaced which, and from when the old
// one may leave its key group. One small JSON file in the config folder
// (cloudfront-retirements.json), shared by the CLI and the desktop app; written atomically
// under a lock. Ids and dates only — no key material.
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { SharingError } from '../errors.js';
import { ensurePrivateDir, readFileNoFollow, withFileLock, writeFileAtomic } from '../fs/index.js';

const entrySchema = z.object({
  profileId: z.string(),
  keyId: z.string(),
  replacedBy: z.string(),
  retireAfter: z.iso.datetime({ offset: true }),
});
const fileSchema = z.object({ version: z.literal(1), pending: z.array(entrySchema) });
export type PendingRetirement = z.infer<typeof entrySchema>;

export class RetirementStore {
  readonly file: string;
  private readonly lock: string;
  constructor(configDir: string) {
    this.file = join(configDir, 'cloudfront-retirements.json');
    this.lock = join(configDir, 'cloudfront-retirements.lock');
  }

  private async read(): Promise<PendingRetirement[]> {
    let text: string;
    try {
      // Like every store in the config folder: a folder others can write, or a symlink, is refused.
      await ensurePrivateDir(dirname(this.file), { create: false, what: "Signet's config folder" });
      text = await readFileNoFollow(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    try {
      return fileSchema.parse(JSON.parse(text)).pending;
    } catch {
      throw new SharingError(
        'CONFIG_CORRUPT',
        `${this.file} is damaged. It only lists keys waiting to be retired: move it aside, and retire old keys by id (signet cloudfront retire-key --profile <id> --key <key id> --now).`,
      );
    }
  }

  async list(profileId: string): Promise<PendingRetirement[]> {
    return (await this.read()).filter((p) => p.profileId === profileId);
  }

  /** Applies `edit` to the whole list under the lock. */
  async update(edit: (all: PendingRetirement[]) => PendingRetirement[]): Promise<void> {
    await ensurePrivateDir(dirname(this.file), { what: "Signet's config folder" });
    await withFileLock(
      this.lock,
      async () => {
        const next = edit(await this.read());
        await writeFileAtomic(this.file, `${JSON.stringify({ version: 1, pending: next }, null, 2)}\n`);
      },
      { what: 'The list of CloudFront keys to retire' },
    );
  }
}
