// Which browser extensions may ask this user's Signet for links. Persisted in the config dir so
// the desktop app, `signet serve` and `signet bridge approve|list|revoke` share one answer; the
// server re-reads it on every request, so an approval or a revocation from another process takes
// effect at once. An origin is approved only by a person (desktop dialog or CLI), never by the
// extension itself: first contact only makes it "pending".
// Written like the other stores: read-modify-write under the cross-process lock, atomic write,
// owner-only file in a private folder, no symlinks followed. A damaged file approves nobody and
// is never reset: every call says where it is and what to do, and nothing overwrites it.
// The pending list is capped and keeps the oldest requests (a flood of made-up origins cannot
// push a real request out), except that Signet's own extension ids always find room.
import { dirname, join } from 'node:path';
import { extensionOriginSchema, findSignetExtension } from '@signet/protocol';
import { z } from 'zod';
import { isSharingError, SharingError } from '../errors.js';
import { ensurePrivateDir, readFileNoFollow, withFileLock, writeFileAtomic } from '../fs/index.js';

export const APPROVALS_FILE = 'bridge-approvals.json';

/** Requests waiting for a person at most; more are not recorded until some are decided. */
export const MAX_PENDING = 20;

const fileSchema = z.object({
  version: z.literal(1),
  approved: z.array(z.object({ origin: z.string(), approvedAt: z.string() })),
  pending: z.array(z.object({ origin: z.string(), requestedAt: z.string() })),
});

type ApprovalsFile = z.infer<typeof fileSchema>;

export interface ApprovedOrigin {
  origin: string;
  approvedAt: string;
}

export interface PendingOrigin {
  origin: string;
  requestedAt: string;
}

export class ApprovalStore {
  readonly filePath: string;
  private readonly lockPath: string;

  constructor(
    private readonly configDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.filePath = join(configDir, APPROVALS_FILE);
    this.lockPath = join(configDir, 'bridge-approvals.lock');
  }

  async list(): Promise<ApprovedOrigin[]> {
    return (await this.read()).approved;
  }

  async pending(): Promise<PendingOrigin[]> {
    return (await this.read()).pending;
  }

  async isApproved(origin: string): Promise<boolean> {
    return (await this.read()).approved.some((a) => a.origin === origin);
  }

  /** Approves an origin (a person decided); it leaves the pending list. */
  async approve(origin: string): Promise<ApprovedOrigin> {
    assertOrigin(origin);
    return this.update((data) => {
      const existing = data.approved.find((a) => a.origin === origin);
      if (existing) return existing;
      const entry = { origin, approvedAt: this.now().toISOString() };
      data.approved.push(entry);
      data.pending = data.pending.filter((p) => p.origin !== origin);
      return entry;
    });
  }

  /** Revokes an approval or drops a pending request. Returns false when the origin was unknown. */
  async revoke(origin: string): Promise<boolean> {
    return this.update((data) => {
      const approved = data.approved.filter((a) => a.origin !== origin);
      const pending = data.pending.filter((p) => p.origin !== origin);
      if (approved.length === data.approved.length && pending.length === data.pending.length) return false;
      data.approved = approved;
      data.pending = pending;
      return true;
    });
  }

  /**
   * First contact from an origin that is not approved: remembers it as pending so the user can
   * approve it. Returns true when it was added (false: already known, or the list is full).
   */
  async request(origin: string): Promise<boolean> {
    assertOrigin(origin);
    const seen = await this.read();
    if (seen.approved.some((a) => a.origin === origin) || seen.pending.some((p) => p.origin === origin)) return false;
    return this.update((data) => {
      if (data.approved.some((a) => a.origin === origin) || data.pending.some((p) => p.origin === origin)) return false;
      if (data.pending.length >= MAX_PENDING) {
        // Full: only Signet's own extension gets a place, taken from the newest unknown request.
        if (!findSignetExtension(origin)) return false;
        const newestUnknown = data.pending.findLastIndex((p) => !findSignetExtension(p.origin));
        if (newestUnknown < 0) return false;
        data.pending.splice(newestUnknown, 1);
      }
      data.pending.push({ origin, requestedAt: this.now().toISOString() });
      return true;
    });
  }

  private async read(): Promise<ApprovalsFile> {
    let text: string;
    try {
      await ensurePrivateDir(this.configDir, { create: false, what: "Signet's config folder" });
      text = await readFileNoFollow(this.filePath);
    } catch (err) {
      if (isSharingError(err)) throw err;
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return { version: 1, approved: [], pending: [] };
      throw new SharingError(
        'CONFIG_CORRUPT',
        `Signet cannot read its browser approvals file ${this.filePath} (${code}); no extension is approved until it can. Check the file's owner and permissions; it has been left as it is.`,
        { cause: err, details: { file: this.filePath } },
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw this.damaged(text.trim() === '' ? 'it is empty' : 'it is not valid JSON');
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) throw this.damaged('it does not list approved and pending extensions');
    return parsed.data;
  }

  private damaged(why: string): SharingError {
    return new SharingError(
      'CONFIG_CORRUPT',
      `Signet's browser approvals file ${this.filePath} is damaged: ${why}. No extension is approved until it is fixed. It has been left untouched: fix it in a text editor, or move it aside to start again with no approvals.`,
      { details: { file: this.filePath } },
    );
  }

  /** Read-modify-write under the lock; a damaged file throws in read() before anything is written. */
  private async update<T>(change: (data: ApprovalsFile) => T): Promise<T> {
    await ensurePrivateDir(dirname(this.filePath), { what: "Signet's config folder" });
    return withFileLock(
      this.lockPath,
      async () => {
        const data = await this.read();
        const before = JSON.stringify(data);
        const out = change(data);
        if (JSON.stringify(data) !== before)
          await writeFileAtomic(this.filePath, `${JSON.stringify(data, null, 2)}\n`, 0o600);
        return out;
      },
      { what: 'The browser approvals file', code: 'CONFIG_LOCKED' },
    );
  }
}

function assertOrigin(origin: string): void {
  if (!extensionOriginSchema.safeParse(origin).success) {
    throw new Error(
      `"${origin}" is not an extension origin. Use chrome-extension://<id>/ for Chromium browsers or the add-on id (name@domain) for Firefox.`,
    );
  }
}
