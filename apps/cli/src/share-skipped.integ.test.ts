// Issue 11 item 9, as a user sees it: `signet share <folder>` with the built CLI against RGW. The
// folder holds a hidden file and symlinks out of it (to ~/.ssh, to a credentials file under a
// plain name): stdout has links only for what is in the folder, and stderr names every entry
// left out and why, so nothing is left out silently.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { uniqueBucket } from '../../../scripts/test-support/s3.js';
import { addRgwProfile, cliWithBucket, runSignet } from '../../../scripts/test-support/signet-cli.js';

describe('signet share <folder>: what was left out is said', () => {
  const bucket = uniqueBucket('skipped');
  const home = mkdtempSync(join(tmpdir(), 'signet-skipped-'));
  let env: NodeJS.ProcessEnv;
  const signet = (args: string[]) => runSignet(env, args, { cwd: home });

  beforeAll(async () => {
    env = await cliWithBucket(home, bucket, { endpoint: false });
    addRgwProfile(signet, 'rgw', bucket, ['--key-template', '{uuid}/{name}']);
  });

  it('links for the folder only; hidden entries and links out listed on stderr', () => {
    mkdirSync(join(home, '.ssh'));
    writeFileSync(join(home, '.ssh', 'id_ed25519'), 'PRIVATE KEY');
    writeFileSync(join(home, 'credentials'), 'aws_secret_access_key = x');
    const proj = join(home, 'project');
    mkdirSync(proj);
    writeFileSync(join(proj, 'README.md'), '# hi');
    writeFileSync(join(proj, '.env'), 'TOKEN=1');
    symlinkSync(join(home, '.ssh'), join(proj, 'keys'));
    symlinkSync(join(home, 'credentials'), join(proj, 'notes.txt'));
    const r = signet(['share', proj, '--expires', '1h']);
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim().split('\n')).toHaveLength(1); // README.md only
    expect(r.out).toContain('/project/README.md');
    expect(r.err).toContain(
      `signet: left out 1 hidden item(s) (share them by name to include them):\n  ${join(proj, '.env')}\n`,
    );
    expect(r.err).toContain(
      `signet: did not follow 2 symlink(s) leading out of the shared folder (share the target by name if you mean it):\n  ${join(proj, 'keys')} -> ${join(home, '.ssh')}\n  ${join(proj, 'notes.txt')} -> ${join(home, 'credentials')}\n`,
    );
  });
});
