// `signet serve`: hosts the browser bridge without the desktop window, so the extension works on
// machines without the app (and in the end-to-end tests). Prints where it listens; approval
// requests go to stderr with the command that approves them; Ctrl-C stops it cleanly.
import {
  ApprovalStore,
  createBridgeServer,
  createSharingService,
  describeExtension,
  resolveSignetPaths,
  SIGNET_VERSION,
} from '@signet/sharing';
import type { RegisterCommand } from './index.js';

export const registerServeCommand: RegisterCommand = (program) => {
  program
    .command('serve')
    .description('serve the browser extension without the desktop app (Ctrl-C stops)')
    .option('--socket <path>', 'listen on this socket / pipe instead of the per-user default')
    .action(async (opts: { socket?: string }) => {
      process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
      const paths = resolveSignetPaths();
      const approvals = new ApprovalStore(paths.configDir);
      const server = createBridgeServer({
        service: createSharingService({ paths }),
        approvals,
        ...(opts.socket ? { socketPath: opts.socket } : {}),
        app: { name: 'signet serve', version: SIGNET_VERSION },
        onApprovalRequest: (origin, { more }) =>
          process.stderr.write(
            `Approval requested by ${origin}${describeExtension(origin).known ? '' : ' (NOT a Signet extension id)'}\n  approve it with: signet bridge approve ${origin}\n${more > 0 ? `  ${more} more extension${more === 1 ? '' : 's'} asked meanwhile: see signet bridge list\n` : ''}`,
          ),
      });
      await server.listen(); // BridgeInUseError says which Signet already serves and what to do
      process.stdout.write(`Signet is serving the browser extension on ${server.socketPath}\nPress Ctrl-C to stop.\n`);
      for (const p of await approvals.pending()) {
        process.stderr.write(
          `Waiting for approval: ${p.origin}${describeExtension(p.origin).known ? '' : ' (NOT a Signet extension id)'}\n  approve it with: signet bridge approve ${p.origin}\n`,
        );
      }
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await server.close();
      process.stderr.write('Stopped.\n');
    });
};
