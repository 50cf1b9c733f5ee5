import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeOf } from '../../../../scripts/test-support/code-of.js';
import { isSignetError } from '../errors.js';
import { parseProfile } from './parse-profile.js';
import { checkKeyTemplate, renderKeyTemplate } from './render-key-template.js';

const vars = {
  name: 'Quarterly Report.final.pdf',
  user: 'ada',
  now: new Date('2026-03-05T23:30:00Z'),
  uuid: '0b9f6c1e-2d4a-4c8e-9f1a-3b5d7e9f1a2c',
};

describe('key templates: edges', () => {
  it('fills {stem} and {ext} around the last dot, dates in UTC', () => {
    expect(renderKeyTemplate('{user}/{yyyy}/{mm}/{dd}/{stem}-{uuid}.{ext}', vars)).toBe(
      'ada/2026/03/05/Quarterly Report.final-0b9f6c1e-2d4a-4c8e-9f1a-3b5d7e9f1a2c.pdf',
    );
  });

  it.each(['{name', 'a}/{name}', 'x/{ext}', '{date}/{name}', '/{name}'])('rejects the template %j', (template) => {
    expect(codeOf(() => checkKeyTemplate(template))).toBe('TEMPLATE_INVALID');
  });

  it.each([
    ['a dot-dot file name', { name: '..' }],
    ['an empty uuid', { uuid: '' }],
  ])('never renders a key with an empty, "." or ".." folder (%s)', (_what, patch) => {
    expect(codeOf(() => renderKeyTemplate('{uuid}/{name}', { ...vars, ...patch }))).toBe('TEMPLATE_INVALID');
  });

  it('drops control characters and keeps names inside their folder', () => {
    expect(renderKeyTemplate('{user}/{name}', { ...vars, user: 'dom\\ada', name: 'a\nb\t.txt' })).toBe(
      'dom_ada/ab.txt',
    );
  });

  it('any file name renders to a key under the template folders, or a clear TEMPLATE_INVALID/KEY_INVALID', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), (name) => {
        try {
          const key = renderKeyTemplate('{user}/{uuid}/{name}', { ...vars, name });
          expect(key.split('/')).toHaveLength(3);
          expect(key.startsWith('ada/0b9f6c1e-2d4a-4c8e-9f1a-3b5d7e9f1a2c/')).toBe(true);
        } catch (err) {
          expect(isSignetError(err, 'TEMPLATE_INVALID') || isSignetError(err, 'KEY_INVALID')).toBe(true);
        }
      }),
    );
  });
});

describe('parseProfile: edges', () => {
  it('refuses an S3 default expiry over 7 days, allows it for CloudFront', () => {
    const base = { id: 'work', bucket: 'my-bucket', region: 'eu-west-1', defaultExpiry: '30d' };
    expect(() => parseProfile(base)).toThrow(/defaultExpiry: S3 links live at most 7 days/);
    expect(
      parseProfile({ ...base, link: { kind: 'cloudfront', domain: 'd1.cloudfront.net', keyPairId: 'K2JCJMDEHXQW5F' } })
        .defaultExpiry,
    ).toBe('30d');
  });

  it('says what a profile must look like when given something else', () => {
    expect(() => parseProfile(null)).toThrow(/profile: expected an object with at least id, bucket and region\.$/);
  });
});
