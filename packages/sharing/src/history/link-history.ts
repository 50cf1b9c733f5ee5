// The local link history: every link any client made. An append-only JSON-lines journal
// (one event per line: a new link, a revocation, a prune), each line written with one write
// under a cross-process lock and fsynced, so the desktop app and the CLI can write at the same
// time and a crash mid-write leaves at most one torn last line. Damaged lines are reported
// (inspect) and kept — in the file, or moved to history.damaged.jsonl when prune compacts it —
// never silently dropped. A file with nothing readable in it is refused, not reset. URLs that
// carry a session token go to the keychain (the vault), never into this file.
import { rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { HistoryHealth, LinkRecord, ListLinksQuery, Revocation } from '../api.js';
import { isSharingError, SharingError } from '../errors.js';
import { ensurePrivateDir, openNoFollow, readFileNoFollow, withFileLock, writeFileAtomic } from '../fs/index.js';
import { legacyRevokedBy, parseHistoryLine, type HistoryEvent } from './history-events.js';

/** Where a history entry's URL is kept when it is not in the file (the keychain's SecretStore). */
export interface LinkUrlVault {
  setLinkSecret(id: string, url: string): Promise<void>;
  getLinkSecret(id: string): Promise<string | null>;
  deleteLinkSecret(id: string): Promise<void>;
}

export interface HistoryState {
  records: LinkRecord[];
  /** 1-based numbers of lines that could not be read (a crash mid-write, manual edits): kept as they are. */
  damagedLines: number[];
}

interface Loaded {
  records: Map<string, LinkRecord>;
  urls: Map<string, { url?: string; inKeychain: boolean }>;
  damaged: { line: number; text: string }[];
  notes: Extract<HistoryEvent, { op: 'note' }>[];
  events: number;
  /** The file does not end in a newline: its last line was cut by a crash. */
  tornTail: boolean;
}

const hasToken = (url: string) => /[?&]X-Amz-Security-Token=/i.test(url);
const isOver = (r: LinkRecord, now: Date) => Boolean(r.revokedAt) || Date.parse(r.effectiveExpiresAt) <= now.getTime();

export type { HistoryHealth };

export class LinkHistory {
  readonly file: string;
  /** Where prune moves damaged lines to. */
  readonly damagedFile: string;
  private readonly lock: string;
  private readonly dir: string;
  /** A file (inode) already seen readable: appends cannot make it unreadable, so skip re-reading it. */
  private readable?: { ino: number; size: number };
  constructor(
    dataDir: string,
    private readonly vault?: LinkUrlVault,
  ) {
    this.dir = dataDir;
    this.file = join(dataDir, 'history.jsonl');
    this.damagedFile = join(dataDir, 'history.damaged.jsonl');
    this.lock = join(dataDir, 'history.lock');
  }

  /** Creates the data folder (0700) or refuses one that others can write (CONFIG_UNSAFE). */
  private ensureDir(): Promise<boolean> {
    return ensurePrivateDir(this.dir, { what: "Signet's data folder" });
  }

  private locked<T>(fn: () => Promise<T>): Promise<T> {
    return withFileLock(this.lock, fn, { what: 'The link history' });
  }

  private async load(): Promise<Loaded> {
    let text = '';
    try {
      // A folder others can write, or a symlinked file, could send the signed links elsewhere.
      await ensurePrivateDir(this.dir, { create: false, what: "Signet's data folder" });
      text = await readFileNoFollow(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw this.cannotRead(e);
    }
    const out: Loaded = {
      records: new Map(),
      urls: new Map(),
      damaged: [],
      notes: [],
      events: 0,
      tornTail: text.length > 0 && !text.endsWith('\n'),
    };
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      const ev = parseHistoryLine(line);
      if (!ev) {
        out.damaged.push({ line: i + 1, text: line });
        return;
      }
      out.events++;
      if (ev.op === 'add') {
        out.records.set(ev.record.id, ev.record);
        out.urls.set(ev.record.id, { ...(ev.url ? { url: ev.url } : {}), inKeychain: Boolean(ev.urlInKeychain) });
      } else if (ev.op === 'revoke') {
        const r = out.records.get(ev.id);
        const revokedBy = ev.revokedBy ?? legacyRevokedBy(ev.revocation);
        if (r) out.records.set(ev.id, { ...r, revokedAt: ev.at, revokedBy, revocation: ev.revocation });
      } else if (ev.op === 'prune') {
        for (const id of ev.ids) {
          out.records.delete(id);
          out.urls.delete(id);
        }
      } else {
        out.notes.push(ev);
      }
    });
    return out;
  }

  /** Nothing readable at all (one torn line from a first write that crashed is not that). */
  private static unreadable(l: Loaded): boolean {
    return l.events === 0 && l.damaged.length > 0 && !(l.damaged.length === 1 && l.tornTail);
  }

  /** A failure to open or read the file, for people (Signet's own errors pass as they are). */
  private cannotRead(e: unknown): unknown {
    if (isSharingError(e)) return e;
    return new SharingError(
      'HISTORY_CORRUPT',
      `Signet cannot read its link history ${this.file} (${(e as NodeJS.ErrnoException).code}). Check the file's permissions; it has been left as it is.`,
      { cause: e, details: { file: this.file } },
    );
  }

  private corruptError(): SharingError {
    return new SharingError(
      'HISTORY_CORRUPT',
      `Signet's link history ${this.file} is damaged: no line in it is a Signet history entry. It has been left untouched. Restore it from a backup, or move it aside (Signet then starts a new history).`,
      { details: { file: this.file } },
    );
  }

  /** Loads the history for reading; an unreadable file is refused, never treated as empty. */
  private async usable(): Promise<Loaded> {
    const l = await this.load();
    if (LinkHistory.unreadable(l)) throw this.corruptError();
    return l;
  }

  /** Appends events as whole lines (one write each), fsynced. Call with the lock held. */
  private async write(events: HistoryEvent[]): Promise<void> {
    const fh = await openNoFollow(this.file, 'a+');
    try {
      const { size } = await fh.stat();
      let prefix = '';
      if (size > 0) {
        // After a crash the file may end in a torn line: start on a fresh line so it stays alone.
        const last = Buffer.alloc(1);
        await fh.read(last, 0, 1, size - 1);
        if (last[0] !== 0x0a) prefix = '\n';
      }
      const data = Buffer.from(prefix + events.map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8');
      try {
        for (let off = 0; off < data.length;) off += (await fh.write(data, off, data.length - off)).bytesWritten;
        await fh.sync();
      } catch (e) {
        // A full disk can take part of a line: cut the file back, so it stays as it was.
        await fh.truncate(size).catch(() => undefined);
        throw e;
      }
    } finally {
      await fh.close();
    }
  }

  /** Events recorded while held (hold()), written together on release. */
  private queued: HistoryEvent[] | undefined;

  /**
   * Holds appends in memory until the returned release is called, which writes them all under one
   * lock, in one write and one fsync: a bulk run records thousands of links without paying a
   * lock, a write and an fsync each. The caller releases before it shows the links, so no link
   * is handed out unrecorded. Releasing twice writes nothing twice.
   */
  hold(): () => Promise<void> {
    const queue: HistoryEvent[] = (this.queued ??= []);
    return async () => {
      if (this.queued !== queue) return;
      this.queued = undefined;
      if (queue.length) await this.appendEvents(queue);
    };
  }

  private async appendEvents(events: HistoryEvent[]): Promise<void> {
    if (this.queued) {
      this.queued.push(...events);
      return;
    }
    await this.ensureDir();
    await this.locked(async () => {
      const before = await stat(this.file).catch(() => null);
      const known = before && this.readable?.ino === before.ino && before.size >= this.readable.size;
      if (!known && before && (await this.unreadableFile())) {
        // Keep the damaged file exactly as it is, next to a new history, and say so.
        const aside = `${this.file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        await rename(this.file, aside);
        const message = `Signet's link history could not be read and was moved, untouched, to ${aside}; a new history was started. Restore it from a backup if you need the old entries.`;
        events = [{ op: 'note', at: new Date().toISOString(), file: aside, message }, ...events];
      }
      await this.writeKnown(events);
    });
  }

  /**
   * Whether the file holds no history entry at all (so an append must not go into it), as
   * LinkHistory.unreadable says of a loaded file, but reading only until the first entry: a
   * healthy history answers on its first line, so an append does not parse the whole file.
   */
  private async unreadableFile(): Promise<boolean> {
    let fh;
    try {
      fh = await openNoFollow(this.file, 'r');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw this.cannotRead(e);
    }
    try {
      const decoder = new StringDecoder('utf8');
      const chunk = Buffer.alloc(64 * 1024);
      let rest = '';
      let damaged = 0;
      for (;;) {
        const { bytesRead } = await fh.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        const lines = (rest + decoder.write(chunk.subarray(0, bytesRead))).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.trim()) continue;
          if (parseHistoryLine(line)) return false;
          damaged++;
        }
      }
      rest += decoder.end();
      if (rest.trim() && parseHistoryLine(rest)) return false;
      // Only a torn last line (a crash during the very first write) is not a damaged history.
      return damaged > 0;
    } finally {
      await fh.close();
    }
  }

  /** Appends under the lock (held by the caller) and remembers the file as readable up to its new end. */
  private async writeKnown(events: HistoryEvent[]): Promise<void> {
    await this.write(events);
    const after = await stat(this.file);
    this.readable = { ino: after.ino, size: after.size };
  }

  /** Records a link. A URL with a session token is stored in the keychain instead of the file. */
  async append(record: LinkRecord, url: string): Promise<void> {
    if (!hasToken(url)) return this.appendEvents([{ op: 'add', record, url }]);
    // Without a keychain the URL is not kept at all: "copy again" then says to renew.
    if (this.vault) await this.vault.setLinkSecret(record.id, url);
    await this.appendEvents([{ op: 'add', record, ...(this.vault ? { urlInKeychain: true } : {}) }]);
  }

  /** The whole journal as it is, damaged lines included (counted, not fatal). */
  async read(): Promise<HistoryState> {
    const l = await this.load();
    return { records: [...l.records.values()], damagedLines: l.damaged.map((d) => d.line) };
  }

  /** Reports what is wrong with the history file, in words, for clients to show. */
  async inspect(now: Date = new Date()): Promise<HistoryHealth> {
    const l = await this.load();
    const problems: string[] = [];
    const lines = l.damaged.map((d) => d.line);
    if (LinkHistory.unreadable(l)) problems.push(this.corruptError().message);
    else if (lines.length > 0) {
      const which = lines.length > 5 ? `${lines.slice(0, 5).join(', ')}…` : lines.join(', ');
      problems.push(
        `${lines.length} line(s) of the link history ${this.file} cannot be read (line ${which})${l.tornTail ? ', the last one probably cut off by a crash while writing' : ''}. They are kept as they are and skipped; the other links are fine. Remove expired links (signet links prune) moves them to ${this.damagedFile}.`,
      );
    }
    // Notes are reported for a while, then only kept in the file: a day for damaged lines that a
    // prune (which the user asked for) moved aside, a month for a whole file moved aside on its own.
    for (const n of l.notes) {
      const days = n.file === this.damagedFile ? 1 : 30;
      if (now.getTime() - Date.parse(n.at) < days * 86_400_000) problems.push(n.message);
    }
    return { file: this.file, entries: l.records.size, damagedLines: lines, problems };
  }

  async list(query: ListLinksQuery = {}, now: Date = new Date()): Promise<LinkRecord[]> {
    const l = await this.usable();
    const filter = query.filter ?? 'all';
    const q = query.search?.trim().toLowerCase();
    const out = [...l.records.values()]
      .filter((r) => {
        const over = isOver(r, now);
        if (filter === 'active' && over) return false;
        if (filter === 'expired' && !over) return false;
        if (q && ![r.key, r.bucket, r.profileId, r.file?.name ?? '', r.id].some((s) => s.toLowerCase().includes(q)))
          return false;
        return true;
      })
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return query.limit ? out.slice(0, query.limit) : out;
  }

  private find(l: Loaded, id: string): LinkRecord {
    const exact = l.records.get(id);
    if (exact) return exact;
    // A unique prefix of 6+ characters works too (what `signet links` prints).
    const hits = id.length >= 6 ? [...l.records.values()].filter((x) => x.id.startsWith(id)) : [];
    if (hits.length === 1) return hits[0]!;
    if (hits.length > 1)
      throw new SharingError(
        'LINK_NOT_FOUND',
        `"${id}" matches ${hits.length} links in the history. Give more of the id.`,
      );
    throw new SharingError('LINK_NOT_FOUND', `There is no link "${id}" in the history. List them with: signet links`);
  }

  async get(id: string): Promise<LinkRecord> {
    return this.find(await this.usable(), id);
  }

  /**
   * Removes from the keychain the URLs of this profile's links that carry a session token
   * (`link:<id>` items), when the profile itself is removed: they would keep working credentials
   * of a profile that no longer exists. Returns how many were removed and how many could not be.
   */
  async deleteKeychainUrlsOf(profileId: string): Promise<{ removed: number; left: number }> {
    if (!this.vault) return { removed: 0, left: 0 };
    const l = await this.usable();
    let removed = 0;
    let left = 0;
    for (const r of l.records.values()) {
      if (r.profileId !== profileId || !l.urls.get(r.id)?.inKeychain) continue;
      try {
        await this.vault.deleteLinkSecret(r.id);
        removed++;
      } catch {
        left++;
      }
    }
    return { removed, left };
  }

  /** The URL again ("copy again"), from the file or, for session-token links, the keychain. */
  async getUrl(id: string): Promise<string> {
    const l = await this.usable();
    const r = this.find(l, id);
    const u = l.urls.get(r.id);
    if (u?.url) return u.url;
    if (u?.inKeychain && this.vault) {
      const url = await this.vault.getLinkSecret(r.id);
      if (url) return url;
    }
    throw new SharingError(
      'LINK_NOT_FOUND',
      `The URL of link ${r.id} is not stored (it carried temporary credentials and is no longer in the keychain). Renew it to get a fresh one: signet links renew ${r.id}`,
    );
  }

  async markRevoked(id: string, revocation: Revocation, at: Date = new Date()): Promise<LinkRecord> {
    const r = this.find(await this.usable(), id); // LINK_NOT_FOUND, with the ids there are
    const [marked] = await this.markRevokedWhere((x) => (x.id === r.id ? revocation : undefined), at);
    // Pruned by another process meanwhile: nothing left to mark.
    return marked ?? { ...r, revokedAt: at.toISOString(), revokedBy: revocation.by, revocation: revocation.text };
  }

  /**
   * Marks revoked every entry `revocationOf` gives a revocation for (undefined: left as it is), with
   * one write under the lock: the entries are chosen under the lock too, so a link another
   * process records meanwhile is either seen here or recorded after. Returns the entries marked.
   */
  async markRevokedWhere(
    revocationOf: (r: LinkRecord) => Revocation | undefined,
    at: Date = new Date(),
  ): Promise<LinkRecord[]> {
    await this.ensureDir();
    const { revoked, inKeychain } = await this.locked(async () => {
      const l = await this.usable();
      const revoked: LinkRecord[] = [];
      const events: HistoryEvent[] = [];
      for (const r of l.records.values()) {
        const revocation = revocationOf(r);
        if (revocation === undefined) continue;
        const done = { revokedAt: at.toISOString(), revokedBy: revocation.by, revocation: revocation.text };
        revoked.push({ ...r, ...done });
        events.push({
          op: 'revoke',
          id: r.id,
          at: done.revokedAt,
          revokedBy: revocation.by,
          revocation: revocation.text,
        });
      }
      if (events.length > 0) await this.writeKnown(events);
      return { revoked, inKeychain: revoked.filter((r) => l.urls.get(r.id)?.inKeychain).map((r) => r.id) };
    });
    if (this.vault) for (const id of inKeychain) await this.vault.deleteLinkSecret(id);
    return revoked;
  }

  /**
   * A CloudFront key left its key group: marks revoked every link still alive that it signed
   * (the URL's Key-Pair-Id), with `revocation` as the reason. Returns the entries marked.
   */
  async markSignedWithRetiredKey(keyPairId: string, revocation: string, at: Date = new Date()): Promise<LinkRecord[]> {
    const l = await this.usable();
    const signed = new Set<string>();
    for (const [id, u] of l.urls) {
      try {
        if (u.url && new URL(u.url).searchParams.get('Key-Pair-Id') === keyPairId) signed.add(id);
      } catch {
        // not a URL: not a CloudFront link
      }
    }
    return this.markRevokedWhere(
      (r) =>
        signed.has(r.id) && r.kind === 'cloudfront' && !r.revokedAt && Date.parse(r.effectiveExpiresAt) > at.getTime()
          ? { by: 'key-retired', text: revocation }
          : undefined,
      at,
    );
  }

  /**
   * Forgets links that expired or were revoked before `now` and compacts the file (their URLs
   * leave the disk). Damaged lines are moved to `damagedFile` first, not dropped. Returns how many.
   */
  async prune(now: Date = new Date()): Promise<number> {
    await this.ensureDir();
    return this.locked(async () => {
      const l = await this.usable();
      const dead = [...l.records.values()].filter((r) => isOver(r, now));
      if (dead.length === 0 && l.damaged.length === 0) return 0;
      // Keychain first: if it is locked, nothing has changed yet and the user is told.
      if (this.vault) for (const r of dead) if (l.urls.get(r.id)?.inKeychain) await this.vault.deleteLinkSecret(r.id);
      const events: HistoryEvent[] = [...l.notes];
      if (l.damaged.length > 0) {
        const header = `# ${now.toISOString()}: damaged lines moved from ${this.file} (line numbers: ${l.damaged.map((d) => d.line).join(', ')})\n`;
        const fh = await openNoFollow(this.damagedFile, 'a');
        await fh
          .writeFile(header + l.damaged.map((d) => `${d.text}\n`).join(''), 'utf8')
          .then(() => fh.sync())
          .finally(() => fh.close());
        events.push({
          op: 'note',
          at: now.toISOString(),
          file: this.damagedFile,
          message: `${l.damaged.length} damaged line(s) of the link history were moved to ${this.damagedFile} on ${now.toISOString()}.`,
        });
      }
      const deadIds = new Set(dead.map((r) => r.id));
      for (const r of l.records.values()) {
        if (deadIds.has(r.id)) continue;
        const u = l.urls.get(r.id);
        events.push({
          op: 'add',
          record: r,
          ...(u?.url ? { url: u.url } : {}),
          ...(u?.inKeychain ? { urlInKeychain: true } : {}),
        });
      }
      await writeFileAtomic(this.file, events.map((e) => `${JSON.stringify(e)}\n`).join(''));
      return dead.length;
    });
  }
}
