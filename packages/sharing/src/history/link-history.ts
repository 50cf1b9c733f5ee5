// The local link history: every link any client made. An append-only JSON-lines journal
// (one event per line: a new link, or a revocation), written under a cross-process lock and
// fsynced, so the desktop app and the CLI can write at the same time and a crash mid-write
// can at most leave one torn last line. Damaged lines are reported and kept in the file, never
// silently dropped. URLs carrying a session token go to the keychain, not into this file.
import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LinkRecord, ListLinksQuery } from '../api.js';
import { SharingError } from '../errors.js';
import { withFileLock } from './file-lock.js';

type HistoryEvent =
  | { op: 'add'; record: LinkRecord; url?: string; urlInKeychain?: boolean }
  | { op: 'revoke'; id: string; at: string; revocation: string }
  | { op: 'prune'; ids: string[]; at: string };

/** Where a history entry's URL is kept when it is not in the file. */
export interface LinkUrlVault {
  setLinkSecret(id: string, url: string): Promise<void>;
  getLinkSecret(id: string): Promise<string | null>;
  deleteLinkSecret(id: string): Promise<void>;
}

export interface HistoryState {
  records: LinkRecord[];
  /** Lines that could not be read (a crash mid-write, manual edits): kept in the file as they are. */
  damagedLines: number[];
}

const hasToken = (url: string) => /[?&]X-Amz-Security-Token=/i.test(url);

export class LinkHistory {
  readonly file: string;
  private readonly lock: string;
  constructor(
    dataDir: string,
    private readonly vault?: LinkUrlVault,
  ) {
    this.file = join(dataDir, 'history.jsonl');
    this.lock = join(dataDir, 'history.lock');
  }

  private async appendEvent(event: HistoryEvent): Promise<void> {
    await mkdir(join(this.file, '..'), { recursive: true, mode: 0o700 });
    await withFileLock(this.lock, async () => {
      // After a crash the file may end in a torn line: start on a fresh line so it stays alone.
      const fh = await open(this.file, 'a+', 0o600);
      try {
        const { size } = await fh.stat();
        let prefix = '';
        if (size > 0) {
          const last = Buffer.alloc(1);
          await fh.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) prefix = '\n';
        }
        await appendFile(fh, `${prefix}${JSON.stringify(event)}\n`, 'utf8');
        await fh.sync();
      } finally {
        await fh.close();
      }
    });
  }

  /** Records a link. A URL with a session token is stored in the keychain instead of the file. */
  async append(record: LinkRecord, url: string): Promise<void> {
    if (hasToken(url) && this.vault) {
      await this.vault.setLinkSecret(record.id, url);
      await this.appendEvent({ op: 'add', record, urlInKeychain: true });
    } else if (hasToken(url)) {
      await this.appendEvent({ op: 'add', record });
    } else {
      await this.appendEvent({ op: 'add', record, url });
    }
  }

  /** Reads the whole journal. Damaged lines are counted, not fatal. */
  async read(): Promise<HistoryState & { urls: Map<string, { url?: string; inKeychain: boolean }> }> {
    let text = '';
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new SharingError('HISTORY_CORRUPT', `Signet cannot read its link history ${this.file} (${(e as NodeJS.ErrnoException).code}). Check its permissions.`);
      }
    }
    const byId = new Map<string, LinkRecord>();
    const urls = new Map<string, { url?: string; inKeychain: boolean }>();
    const damagedLines: number[] = [];
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      let ev: HistoryEvent;
      try {
        ev = JSON.parse(line) as HistoryEvent;
      } catch {
        damagedLines.push(i + 1);
        return;
      }
      if (ev.op === 'add' && ev.record?.id) {
        byId.set(ev.record.id, ev.record);
        urls.set(ev.record.id, { ...(ev.url ? { url: ev.url } : {}), inKeychain: Boolean(ev.urlInKeychain) });
      } else if (ev.op === 'revoke' && byId.has(ev.id)) {
        byId.set(ev.id, { ...byId.get(ev.id)!, revokedAt: ev.at, revocation: ev.revocation });
      } else if (ev.op === 'prune') {
        for (const id of ev.ids) byId.delete(id);
      } else {
        damagedLines.push(i + 1);
      }
    });
    return { records: [...byId.values()], damagedLines, urls };
  }

  async list(query: ListLinksQuery = {}, now: Date = new Date()): Promise<LinkRecord[]> {
    const { records } = await this.read();
    const filter = query.filter ?? 'all';
    const q = query.search?.trim().toLowerCase();
    const out = records
      .filter((r) => {
        const expired = Boolean(r.revokedAt) || new Date(r.effectiveExpiresAt).getTime() <= now.getTime();
        if (filter === 'active' && expired) return false;
        if (filter === 'expired' && !expired) return false;
        if (q && ![r.key, r.bucket, r.profileId, r.file?.name ?? '', r.id].some((s) => s.toLowerCase().includes(q))) return false;
        return true;
      })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return query.limit ? out.slice(0, query.limit) : out;
  }

  async get(id: string): Promise<LinkRecord> {
    const { records } = await this.read();
    const r = records.find((x) => x.id === id || (id.length >= 6 && x.id.startsWith(id)));
    if (!r) throw new SharingError('LINK_NOT_FOUND', `There is no link "${id}" in the history. List them with: signet links --all`);
    return r;
  }

  async getUrl(id: string): Promise<string> {
    const r = await this.get(id);
    const { urls } = await this.read();
    const u = urls.get(r.id);
    if (u?.url) return u.url;
    if (u?.inKeychain && this.vault) {
      const url = await this.vault.getLinkSecret(r.id);
      if (url) return url;
    }
    throw new SharingError('LINK_NOT_FOUND', `The URL of link ${r.id} is no longer stored (it carried temporary credentials). Renew it to get a fresh one: signet links renew ${r.id}`);
  }

  async markRevoked(id: string, revocation: string, at: Date = new Date()): Promise<LinkRecord> {
    const r = await this.get(id);
    await this.appendEvent({ op: 'revoke', id: r.id, at: at.toISOString(), revocation });
    if (this.vault) await this.vault.deleteLinkSecret(r.id);
    return { ...r, revokedAt: at.toISOString(), revocation };
  }

  /** Forgets links that expired (or were revoked) before `now`. Returns how many. */
  async prune(now: Date = new Date()): Promise<number> {
    const dead = (await this.list({ filter: 'expired' }, now)).map((r) => r.id);
    if (dead.length === 0) return 0;
    await this.appendEvent({ op: 'prune', ids: dead, at: now.toISOString() });
    if (this.vault) for (const id of dead) await this.vault.deleteLinkSecret(id);
    return dead.length;
  }
}
