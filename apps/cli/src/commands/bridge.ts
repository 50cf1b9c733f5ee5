// `signet bridge approve|list|revoke`: which browser extensions may ask this user's Signet for
// links (the same list the desktop app's Browser integration settings show). Signet's own
// extension ids are named; any other id gets a loud warning with where it differs from the Signet
// id it resembles (docs/security.md: a copied or look-alike extension asking for links).
import { ApprovalStore, describeExtension, resolveSignetPaths } from '@signet/sharing';
import type { RegisterCommand } from './index.js';

/** Accepts a full origin, a bare Chromium extension id, or a Firefox add-on id. */
function toOrigin(input: string): string {
  return /^[a-p]{32}$/.test(input) ? `chrome-extension://${input}/` : input;
}

export const registerBridgeCommand: RegisterCommand = (program) => {
  const bridge = program
    .command('bridge')
    .description('approve, list and revoke browser extensions that may ask for links');
  const store = () => new ApprovalStore(resolveSignetPaths().configDir);

  bridge
    .command('approve <origin>')
    .description('allow an extension (chrome-extension://<id>/, a bare id, or a Firefox add-on id)')
    .action(async (input: string) => {
      const entry = await store().approve(toOrigin(input));
      const who = describeExtension(entry.origin);
      process.stdout.write(`Approved ${entry.origin}${who.known ? `: ${who.known.name}` : ''}\n`);
      if (!who.known)
        process.stderr.write(`WARNING: ${who.warning}\n  Undo with: signet bridge revoke ${entry.origin}\n`);
    });

  bridge
    .command('list')
    .description('approved extensions and those waiting for approval')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const s = store();
      const [approved, pending] = [await s.list(), await s.pending()];
      const withIdentity = <T extends { origin: string }>(e: T) => ({ ...e, ...describeExtension(e.origin) });
      if (opts.json) {
        const out = { approved: approved.map(withIdentity), pending: pending.map(withIdentity) };
        process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return;
      }
      if (approved.length === 0 && pending.length === 0) process.stdout.write('No extension has asked yet.\n');
      const show = (state: string, origin: string, when: string, hint = ''): void => {
        const who = describeExtension(origin);
        if (who.known) {
          process.stdout.write(`${state}  ${origin}  ${who.known.name}, ${when}${hint}\n`);
          return;
        }
        process.stdout.write(
          `${state}  ${origin}  UNKNOWN EXTENSION, ${when}${hint}\n          id ${who.grouped}\n          WARNING: ${who.warning}\n`,
        );
      };
      for (const a of approved) show('approved', a.origin, `since ${a.approvedAt}`);
      for (const p of pending)
        show('pending ', p.origin, `asked ${p.requestedAt}`, `; approve with: signet bridge approve ${p.origin}`);
    });

  bridge
    .command('revoke <origin>')
    .description('withdraw an approval (or drop a pending request)')
    .action(async (input: string) => {
      const origin = toOrigin(input);
      if (!(await store().revoke(origin)))
        throw new Error(`${origin} is neither approved nor pending. See: signet bridge list`);
      process.stdout.write(`Revoked ${origin}\n`);
    });
};
