// `signet links`: the history of links made by any client (desktop, extension, CLI), and
// renew / revoke / url / prune on its entries.
import { createInterface } from 'node:readline/promises';
import { escapeForTerminal, formatTimeLeft } from '@signet/core';
import type { Command } from 'commander';
import { sharing } from '../lib/sharing.js';
import { UsageError } from '../lib/usage-error.js';
import type { RegisterCommand } from './index.js';
import { printLink } from './share.js';

export const registerLinksCommand: RegisterCommand = (program) => {
  const links = program
    .command('links')
    .description('list the links you made (from any Signet client); renew, revoke, url, prune')
    .option('--active', 'only links that still work')
    .option('--expired', 'only expired or revoked links')
    .option('--all', 'every link (default)')
    .option('-s, --search <text>', 'match key, bucket, file name or profile')
    .option('--json', 'one JSON object per link')
    .action(async (f: { active?: boolean; expired?: boolean; search?: string; json?: boolean }) => {
      if (f.active && f.expired) throw new UsageError('Pick one of --active and --expired.');
      const list = await sharing().listLinks({
        filter: f.active ? 'active' : f.expired ? 'expired' : 'all',
        ...(f.search ? { search: f.search } : {}),
      });
      // Damaged lines are skipped by the list: say so (on stderr, so --json stays clean).
      for (const problem of (await sharing().historyHealth()).problems)
        process.stderr.write(`signet: warning: ${problem}\n`);
      if (f.json) {
        for (const r of list) process.stdout.write(`${JSON.stringify(r)}\n`);
        return;
      }
      if (list.length === 0) {
        process.stderr.write(`${emptyListMessage(f)}\n`);
        return;
      }
      // Columns as wide as their widest value; a header row on a terminal only (pipes get rows).
      const rows = list.map((r) => [
        r.id.slice(0, 8),
        formatTimeLeft(r.effectiveExpiresAt, Date.now(), r.revokedAt),
        r.source,
        r.profileId,
        // Keys can come from a web page (a ref sent through the extension): shown escaped.
        escapeForTerminal(`s3://${r.bucket}/${r.key}`),
      ]);
      if (process.stdout.isTTY) rows.unshift(['ID', 'TIME LEFT', 'FROM', 'PROFILE', 'OBJECT']);
      const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c]!.length)));
      for (const row of rows)
        process.stdout.write(`${row.map((cell, c) => (c < 4 ? cell.padEnd(widths[c]!) : cell)).join('  ')}\n`);
    });

  links
    .command('url')
    .alias('copy')
    .description('print the URL of a link again')
    .argument('<id>', 'link id (or its first 8 characters)')
    .action(async (id: string) => {
      process.stdout.write(`${await sharing().getLinkUrl(checkLinkId(id))}\n`);
    });

  links
    .command('renew')
    .description('make a fresh link for the same object and options')
    .argument('<id>', 'link id')
    .option('-e, --expires <when>', "new expiry (default: the profile's default)")
    .option('--json', 'print the link as JSON')
    .action(async (id: string, f: { expires?: string; json?: boolean }, cmd: Command) => {
      // `links` has a --json of its own, and commander gives `links renew <id> --json` to it.
      const json = Boolean(f.json ?? cmd.parent?.opts<{ json?: boolean }>().json);
      printLink(await sharing().renewLink(checkLinkId(id), f.expires, 'cli'), json);
    });

  links
    .command('revoke')
    .description('stop a link: explains what is possible, then deletes the object after confirmation')
    .argument('<id>', 'link id')
    .option('--delete-object', 'delete the object (every link to it stops working)')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(async (id: string, f: { deleteObject?: boolean; yes?: boolean }) => {
      const s = sharing();
      const { message } = await s.describeRevocation(checkLinkId(id));
      process.stderr.write(`${message}\n`);
      if (!f.deleteObject) {
        process.stderr.write('Nothing was deleted. Run again with --delete-object to delete the object.\n');
        return;
      }
      if (!f.yes) {
        if (!process.stdin.isTTY) throw new UsageError('Deleting the object needs confirmation: add --yes.');
        const rl = createInterface({ input: process.stdin, output: process.stderr });
        const answer = await rl.question('Delete the object now? [y/N] ');
        rl.close();
        if (!/^y(es)?$/i.test(answer.trim())) {
          process.stderr.write('Cancelled; nothing was deleted.\n');
          return;
        }
      }
      const r = await s.revokeLink(id, { deleteObject: true });
      process.stderr.write(`Revoked: ${r.revocation}\n`);
    });

  links
    .command('prune')
    .description('forget expired and revoked links')
    .action(async () => {
      const n = await sharing().pruneExpired();
      process.stderr.write(`${n} expired or revoked link(s) removed from the history.\n`);
      for (const problem of (await sharing().historyHealth()).problems) process.stderr.write(`signet: ${problem}\n`);
    });
};

/** Ids are matched by a unique prefix of 6+ characters (`signet links` prints 8): say so. */
const MIN_ID_PREFIX = 6;
function checkLinkId(id: string): string {
  const t = id.trim();
  if (t.length < MIN_ID_PREFIX)
    throw new UsageError(
      `"${id}" is too short for a link id: give at least ${MIN_ID_PREFIX} characters of it (signet links shows the first 8).`,
    );
  return t;
}

/** What an empty list means: no links at all, or none that match the filter. */
function emptyListMessage(f: { active?: boolean; expired?: boolean; search?: string }): string {
  const matching = f.search ? ` matching "${f.search}"` : '';
  if (f.active) return `No active links${matching}.`;
  if (f.expired) return `No expired or revoked links${matching}.`;
  if (f.search) return `No links${matching}.`;
  return 'No links yet. Make one with: signet share <file> or signet link s3://bucket/key';
}
