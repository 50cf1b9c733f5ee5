// The doctor's report as text: one line per check, the fix under each problem.
import type { DoctorReport } from './doctor-types.js';

const MARK = { ok: 'ok     ', problem: 'PROBLEM', skipped: 'skipped' } as const;

export function formatDoctorReport(r: DoctorReport): string {
  const lines = [`Profile "${r.profileId}" (${r.kind === 'cloudfront' ? 'CloudFront links' : 'S3 links'}):`];
  for (const c of r.checks) {
    lines.push(`  ${MARK[c.status]}  ${c.title}: ${c.detail}`);
    if (c.fix) lines.push(`           fix: ${c.fix}`);
  }
  const problems = r.checks.filter((c) => c.status === 'problem').length;
  lines.push(problems === 0 ? 'No problems found.' : `${problems} problem(s) found.`);
  return lines.join('\n');
}
