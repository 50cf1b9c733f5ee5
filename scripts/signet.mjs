// `pnpm -s signet …` from anywhere in the repository: pnpm runs root scripts in the repository
// root, so relative paths (`share ./report.pdf`, `--private-key cf.pem`) would be read from
// there. INIT_CWD is where the user stood: run the CLI bundle from there.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
await import('../apps/cli/dist/signet.mjs');
