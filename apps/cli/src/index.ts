#!/usr/bin/env node
// `signet` entry point: silences the AWS SDK's Node-version notice, runs the program, exits
// with its code (0 ok, 1 error, 2 usage). Commands live in commands/, one file each.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// SIGNET_DEBUG=1 stacks go into bug reports: map them to the TypeScript sources through the
// chunks' linked source maps. Set before the program's chunks load (source maps are read at
// load time); off otherwise, since mapping costs start-up time.
if (process.env.SIGNET_DEBUG === '1') process.setSourceMapsEnabled(true);

// `signet links --json | head -1` closes stdout early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const { runCli } = await import('./program.js');
process.exitCode = await runCli(process.argv);

export {};
