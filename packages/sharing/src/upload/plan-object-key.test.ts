import { describe, expect, it } from 'vitest';
import { alternativeKey, planObjectKey } from './plan-object-key.js';

const base = { user: 'ann', now: new Date('2026-03-04T05:06:07Z'), uuid: '0f0e0d0c-0000-4000-8000-000000000001' };

describe('planObjectKey', () => {
  it('renders the profile template for a single file, keeping spaces, unicode and reserved characters', () => {
    expect(
      planObjectKey({
        ...base,
        template: '{user}/{yyyy}/{mm}/{uuid}/{name}',
        relativePath: 'Q3 réport #1 (final)+50%?.pdf',
      }),
    ).toBe('ann/2026/03/0f0e0d0c-0000-4000-8000-000000000001/Q3 réport #1 (final)+50%?.pdf');
  });

  it('keeps the folder structure of a shared folder under one uuid', () => {
    expect(planObjectKey({ ...base, template: '{yyyy}/{uuid}/{name}', relativePath: 'photos/2024/été.jpg' })).toBe(
      '2026/0f0e0d0c-0000-4000-8000-000000000001/photos/2024/été.jpg',
    );
  });

  it('flattens the path for templates that do not end in {name}, so keys stay distinct', () => {
    expect(planObjectKey({ ...base, template: '{uuid}-{stem}.{ext}', relativePath: 'a/b/c.txt' })).toBe(
      '0f0e0d0c-0000-4000-8000-000000000001-a_b_c.txt',
    );
  });

  it('refuses a key S3 cannot hold', () => {
    expect(() => planObjectKey({ ...base, template: '{name}', relativePath: 'x'.repeat(1100) })).toThrow(
      /at most 1024/,
    );
  });
});

describe('alternativeKey', () => {
  it('numbers the last segment before its extension', () => {
    expect(alternativeKey('inbox/report.pdf', 2)).toBe('inbox/report (2).pdf');
    expect(alternativeKey('inbox/archive.tar.gz', 3)).toBe('inbox/archive (3).tar.gz');
    expect(alternativeKey('README', 2)).toBe('README (2)');
    expect(alternativeKey('a.b/.env', 2)).toBe('a.b/.env (2)');
  });
});
