// `signet share <file|folder...>`: upload, sign, (check), record; one link per file on stdout.
import { statSync } from 'node:fs';
import { escapeForTerminal } from '@signet/core';
import type { LinkResult, SkippedEntry } from '@signet/sharing';
import { onCancelSignals, signalExitCode } from '../lib/cancel-signals.js';
import { describeError } from '../lib/describe-error.js';
import { createProgressBar } from '../lib/progress-bar.js';
import { sharing } from '../lib/sharing.js';
import { UsageError } from '../lib/usage-error.js';
import type { RegisterCommand } from './index.js';

interface ShareFlags {
  expires?: string;
  profile?: string;
  check?: boolean;
  json?: boolean;
  downloadName?: string;
  inline?: boolean;
}

export const registerShareCommand: RegisterCommand = (program) => {
  program
    .command('share')
    .description('upload files or folders and print a share link for each')
    .argument('<path...>', 'files and folders (folders are shared file by file)')
    .option('-e, --expires <when>', "duration or ISO-8601 date-time (default: the profile's default expiry)")
    .option('-p, --profile <id>', 'profile to upload with (default: the default profile)')
    .option('--download-name <name>', 'file name the browser saves the download as (single file)')
    .option('--inline', 'show in the browser instead of downloading')
    .option('--check', 'fetch each link once and report whether it works')
    .option('--json', 'one JSON object per link')
    .addHelpText(
      'after',
      '\nExamples:\n  signet share report.pdf --expires 2d\n  signet share ./build/ --profile client-a --check --json',
    )
    .action(async (paths: string[], f: ShareFlags) => {
      if (paths.some((p) => p.trim() === ''))
        throw new UsageError(
          'An empty path was given: name a file or folder to share (e.g. signet share report.pdf, or signet share . for the current folder).',
        );
      // One name for several files would give every download the same name: refused, as the
      // help says (single file).
      if (f.downloadName !== undefined && (paths.length > 1 || paths.some(isFolder)))
        throw new UsageError(
          '--download-name names one file, but several files (or a folder) are being shared. Share that file alone to give it a download name.',
        );
      const bar = createProgressBar();
      // Ctrl-C, `kill` and a closed terminal all cancel the same way: the upload is aborted on
      // the server (no orphaned multipart upload), then the exit code says which signal it was.
      const cancel = onCancelSignals(() => {
        bar.done();
        process.stderr.write('\nCancelling: aborting the upload on the server…\n');
      });
      try {
        const { links, skipped } = await sharing().share({
          paths,
          ...(f.profile ? { profileId: f.profile } : {}),
          ...(f.expires ? { expires: f.expires } : {}),
          options: {
            ...(f.downloadName ? { downloadName: f.downloadName } : {}),
            ...(f.inline ? { inline: true } : {}),
          },
          check: Boolean(f.check),
          source: 'cli',
          onProgress: (p) => bar.update(p),
          signal: cancel.signal,
        });
        bar.done();
        // Several links on a terminal: each under the name of its file (pipes get bare URLs).
        const label = !f.json && links.length > 1 && Boolean(process.stdout.isTTY);
        for (const l of links) printLink(l, Boolean(f.json), label, links.length > 1);
        printSkipped(skipped);
        if (links.some((l) => l.check && !l.check.ok)) process.exitCode = 1;
        if (cancel.received) process.exitCode = signalExitCode(cancel.received);
      } catch (e) {
        if (!cancel.received) throw e;
        process.stderr.write(`signet: ${describeError(e)}\n`);
        process.exitCode = signalExitCode(cancel.received);
      } finally {
        bar.done();
        cancel.dispose();
      }
    });
};

/** Prints one link; `several`: messages on stderr name the object they are about. */
export function printLink(l: LinkResult, json: boolean, label = false, several = false): void {
  if (label) process.stdout.write(`${escapeForTerminal(l.key)}\n  `);
  if (json) process.stdout.write(`${JSON.stringify(l)}\n`);
  else process.stdout.write(`${l.url}\n`);
  const about = several ? `${escapeForTerminal(l.key)}: ` : '';
  for (const w of l.warnings) process.stderr.write(`signet: ${about}warning: ${escapeForTerminal(w.message)}\n`);
  if (l.check && !json)
    process.stderr.write(`signet: ${about}check ${l.check.ok ? 'ok' : 'FAILED'}: ${l.check.message}\n`);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // the share itself reports a missing file
  }
}

/** Says what a folder share left out (on stderr, so stdout keeps only links). */
export function printSkipped(skipped: SkippedEntry[]): void {
  const show = (e: SkippedEntry) => escapeForTerminal(e.target ? `${e.path} -> ${e.target}` : e.path);
  const hidden = skipped.filter((e) => e.reason === 'hidden');
  const outside = skipped.filter((e) => e.reason === 'link-outside');
  if (hidden.length)
    process.stderr.write(
      `signet: left out ${hidden.length} hidden item(s) (share them by name to include them):\n${hidden.map((e) => `  ${show(e)}\n`).join('')}`,
    );
  if (outside.length)
    process.stderr.write(
      `signet: did not follow ${outside.length} symlink(s) leading out of the shared folder (share the target by name if you mean it):\n${outside.map((e) => `  ${show(e)}\n`).join('')}`,
    );
}
