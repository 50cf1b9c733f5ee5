// `signet doctor [--profile id]`: reads the profile's real configuration (AWS credentials,
// clock, bucket, Block Public Access, bucket policy; for CloudFront the distribution, key
// groups against the keychain key, origin access, query strings, methods, protocol) and
// prints each check as ok or a problem with its fix. Read-only. Exit code 1 when a problem
// was found, so scripts can use it.
import { formatDoctorReport } from '@signet/sharing';
import { sharing } from '../lib/sharing.js';
import type { RegisterCommand } from './index.js';

export const registerDoctorCommand: RegisterCommand = (program) => {
  program
    .command('doctor')
    .description('check a profile’s real configuration and say how to fix each problem')
    .option('-p, --profile <id>', 'the profile to check (default: every profile)')
    .option('--uploads', 'the profile makes upload links through CloudFront: PUT must be allowed')
    .option('--json', 'print the report(s) as JSON on stdout')
    .action(async (f: { profile?: string; uploads?: boolean; json?: boolean }) => {
      const ids = f.profile ? [f.profile] : (await sharing().listProfiles()).map((p) => p.profile.id);
      if (ids.length === 0) {
        process.stderr.write(
          'There are no profiles to check. Add one: signet profile add, or signet cloudfront setup.\n',
        );
        process.exitCode = 1;
        return;
      }
      const reports = [];
      for (const id of ids) reports.push(await sharing().doctor(id, f.uploads ? { uploads: true } : {}));
      if (f.json) process.stdout.write(`${JSON.stringify(f.profile ? reports[0] : reports, null, 2)}\n`);
      else process.stdout.write(`${reports.map(formatDoctorReport).join('\n\n')}\n`);
      if (reports.some((r) => !r.ok)) process.exitCode = 1;
    });
};
