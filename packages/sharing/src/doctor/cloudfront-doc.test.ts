// docs/cloudfront.md shows the JSON that `signet cloudfront setup --json` and `signet doctor
// --json` print: its examples must stay true to the types (check ids, statuses, fields).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CloudFrontSetupResult } from '../cloudfront-setup/index.js';
import { DOCTOR_CHECK_TITLES, type DoctorReport } from './index.js';

const doc = readFileSync(fileURLToPath(new URL('../../../../docs/cloudfront.md', import.meta.url)), 'utf8');
const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as unknown);

describe('docs/cloudfront.md examples', () => {
  it('the set-up result has every field of CloudFrontSetupResult', () => {
    const r = blocks[0] as CloudFrontSetupResult;
    const fields: (keyof CloudFrontSetupResult)[] = [
      'profileId',
      'plan',
      'steps',
      'unchanged',
      'warnings',
      'dryRun',
      'ok',
      'left',
      'message',
    ];
    for (const f of fields) expect(r).toHaveProperty(f);
    for (const s of r.steps) expect(Object.keys(s).sort()).toEqual(['calls', 'description', 'done', 'id']);
  });
  it('the doctor report uses real check ids, titles and statuses; every problem has a fix', () => {
    const r = blocks[1] as DoctorReport;
    expect(r.kind).toBe('cloudfront');
    for (const c of r.checks) {
      expect(DOCTOR_CHECK_TITLES[c.id]).toBe(c.title);
      expect(['ok', 'problem', 'skipped']).toContain(c.status);
      if (c.status === 'problem') expect(c.fix).toBeTruthy();
    }
    expect(r.ok).toBe(r.checks.every((c) => c.status !== 'problem'));
  });
  it('the table lists every check id', () => {
    for (const id of Object.keys(DOCTOR_CHECK_TITLES)) expect(doc).toContain(`\`${id}\``);
  });
});
