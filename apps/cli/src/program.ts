import { Command, CommanderError } from 'commander';
import { commandsFor } from './commands/index.js';
import { debugDetail, describeError } from './lib/describe-error.js';
import { EXIT_ERROR, EXIT_OK, EXIT_USAGE, isBadValueError } from './lib/exit-codes.js';
import { UsageError } from './lib/usage-error.js';

/** The `signet` program with the commands `argv` needs registered (all of them for help). */
async function buildProgram(argv: string[]): Promise<Command> {
  const program = new Command('signet')
    .description(
      'Time-limited share links to private S3 objects: S3 presigned URLs, CloudFront signed URLs and cookies.',
    )
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      outputError: (str, write) => write(str.startsWith('error:') ? `signet: ${str.slice(7)}` : str),
    });
  const wanted = commandsFor(argv);
  // -V/--version is an option of `signet` itself: needed only when no command is named.
  if (wanted.length > 1) program.version((await import('./lib/version.js')).SIGNET_VERSION, '-V, --version');
  for (const register of await Promise.all(wanted.map((c) => c.load()))) register(program);
  program.commands.forEach((c) => c.exitOverride().showHelpAfterError('(run with --help for usage)'));
  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 error, 2 usage. */
export async function runCli(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK;
  } catch (err) {
    if (err instanceof CommanderError) {
      // `--help`, `--version`, `signet help`: asked for, exit 0. Help shown because a command
      // is missing (`signet`, `signet profile`) comes with a non-zero exitCode: a usage error.
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT_OK;
      return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    process.stderr.write(`signet: ${describeError(err)}\n`);
    if (err instanceof UsageError || isBadValueError(err)) return EXIT_USAGE;
    const dbg = debugDetail(err);
    if (dbg) process.stderr.write(`${dbg}\n`);
    return EXIT_ERROR;
  }
}
