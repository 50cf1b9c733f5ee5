// `signet bridge approve|list|revoke`: which browser extensions may ask this user's Signet for
// links (the same list the desktop app's Browser integration settings show).
import { ApprovalStore, resolveSignetPaths } from '@signet/sharing';
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
      process.stdout.write(`Approved ${entry.origin}\n`);
    });

  bridge
    .command('list')
    .description('approved extensions and those waiting for approval')
    .option('--json', 'machine-readable output')
    .action(async (opts: { json?: boolean }) => {
      const s = store();
      const [approved, pending] = [await s.list(), await s.pending()];
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ approved, pending }, null, 2)}\n`);
        return;
      }
      if (approved.length === 0 && pending.length === 0) process.stdout.write('No extension has asked yet.\n');
      for (const a of approved) process.stdout.write(`approved  ${a.origin}  (since ${a.approvedAt})\n`);
      for (const p of pending)
        process.stdout.write(
          `pending   ${p.origin}  (asked ${p.requestedAt}; approve with: signet bridge approve ${p.origin})\n`,
        );
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
