// Which browser extensions may ask this user's Signet for links. Persisted in the config dir so
// the desktop app, `signet serve` and `signet bridge approve|list|revoke` share one answer; the
// server re-reads it on every request, so an approval or a revocation from another process takes
// effect at once. An origin is approved only by a person (desktop dialog or CLI), never by the
// extension itself: first contact only makes it "pending".
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extensionOriginSchema } from '@signet/protocol';
import { z } from 'zod';

export const APPROVALS_FILE = 'bridge-approvals.json';

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

  constructor(
    private readonly configDir: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.filePath = join(configDir, APPROVALS_FILE);
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
    const data = await this.read();
    const existing = data.approved.find((a) => a.origin === origin);
    if (existing) return existing;
    const entry = { origin, approvedAt: this.now().toISOString() };
    await this.write({
      ...data,
      approved: [...data.approved, entry],
      pending: data.pending.filter((p) => p.origin !== origin),
    });
    return entry;
  }

  /** Revokes an approval or drops a pending request. Returns false when the origin was unknown. */
  async revoke(origin: string): Promise<boolean> {
    const data = await this.read();
    const approved = data.approved.filter((a) => a.origin !== origin);
    const pending = data.pending.filter((p) => p.origin !== origin);
    if (approved.length === data.approved.length && pending.length === data.pending.length) return false;
    await this.write({ ...data, approved, pending });
    return true;
  }

  /**
   * First contact from an origin that is not approved: remembers it as pending so the user can
   * approve it. Returns true when the origin was not pending before.
   */
  async request(origin: string): Promise<boolean> {
    assertOrigin(origin);
    const data = await this.read();
    if (data.approved.some((a) => a.origin === origin) || data.pending.some((p) => p.origin === origin)) return false;
    // Bounded: a flood of made-up origins must not grow the file without limit.
    const pending = [...data.pending, { origin, requestedAt: this.now().toISOString() }].slice(-20);
    await this.write({ ...data, pending });
    return true;
  }

  private async read(): Promise<ApprovalsFile> {
    let text: string;
    try {
      text = await readFile(this.filePath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, approved: [], pending: [] };
      throw err;
    }
    const parsed = fileSchema.safeParse(safeJson(text));
    // A damaged file approves nobody (fail closed); the next approval rewrites it.
    return parsed.success ? parsed.data : { version: 1, approved: [], pending: [] };
  }

  private async write(data: ApprovalsFile): Promise<void> {
    await mkdir(this.configDir, { recursive: true, mode: 0o700 });
    const tmp = `${this.filePath}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(tmp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
    await rename(tmp, this.filePath);
  }
}

function assertOrigin(origin: string): void {
  if (!extensionOriginSchema.safeParse(origin).success) {
    throw new Error(
      `"${origin}" is not an extension origin. Use chrome-extension://<id>/ for Chromium browsers or the add-on id (name@domain) for Firefox.`,
    );
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
