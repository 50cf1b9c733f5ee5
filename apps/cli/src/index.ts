// `signet` entry point: silences the AWS SDK's Node-version notice, runs the program, exits
// with its code (0 ok, 1 error, 2 usage). Commands live in commands/, one file each.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { runCli } = await import('./program.js');
process.exitCode = await runCli(process.argv);

export {};
