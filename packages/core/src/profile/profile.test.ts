import { describe, expect, it } from 'vitest';
import { isSignetError } from '../errors.js';
import { parseProfile } from './parse-profile.js';
import { renderKeyTemplate } from './render-key-template.js';

describe('parseProfile', () => {
  it('fills defaults for a minimal S3 profile', () => {
    expect(parseProfile({ id: 'work', bucket: 'reports-2026' })).toEqual({
      id: 'work',
      name: 'work',
      bucket: 'reports-2026',
      region: 'us-east-1',
      forcePathStyle: false,
      keyTemplate: '{yyyy}/{mm}/{uuid}/{name}',
      defaultExpiry: '1d',
      credentials: { source: 'keychain' },
      link: { kind: 's3' },
    });
  });

  it('accepts a CloudFront profile with an AWS profile as credential source', () => {
    const p = parseProfile({
      id: 'cdn',
      bucket: 'media',
      region: 'eu-west-1',
      credentials: { source: 'aws-profile', awsProfile: 'sso-dev' },
      link: { kind: 'cloudfront', domain: 'https://D111111abcdef8.cloudfront.net/', keyPairId: 'K2JCJMDEHXQW5F' },
    });
    expect(p.link).toEqual({
      kind: 'cloudfront',
      domain: 'd111111abcdef8.cloudfront.net',
      keyPairId: 'K2JCJMDEHXQW5F',
      hash: 'sha1',
    });
  });

  it.each([
    [{ id: 'Work!', bucket: 'ok-bucket' }, /id: use 1–40 lower-case/],
    [{ id: 'w', bucket: 'Bad_Bucket' }, /bucket: "Bad_Bucket" is not a valid S3 bucket name/],
    [{ id: 'w', bucket: 'ok-bucket', region: 'Mars' }, /region: "Mars" is not a region name/],
    [{ id: 'w', bucket: 'ok-bucket', endpoint: 'ftp://x' }, /endpoint: The endpoint must start with https/],
    [{ id: 'w', bucket: 'ok-bucket', defaultExpiry: 'forever' }, /defaultExpiry: use a duration/],
    [{ id: 'w', bucket: 'ok-bucket', keyTemplate: '{yyyy}/{foo}' }, /keyTemplate: .*\{foo\}/],
    [{ id: 'w', bucket: 'ok-bucket', secretAccessKey: 'x' }, /unknown field\(s\) secretAccessKey .*keychain/],
    [
      {
        id: 'w',
        bucket: 'ok-bucket',
        link: { kind: 'cloudfront', domain: 'not a domain', keyPairId: 'K2JCJMDEHXQW5F' },
      },
      /link.domain/,
    ],
    [{ id: 'w' }, /bucket: missing/],
  ])('refuses %j with a message naming the field', (input, message) => {
    let err: unknown;
    try {
      parseProfile(input);
    } catch (e) {
      err = e;
    }
    expect(isSignetError(err, 'PROFILE_INVALID')).toBe(true);
    expect((err as Error).message).toMatch(message);
  });
});

describe('renderKeyTemplate', () => {
  const vars = { name: 'Q3 report (final) #2.pdf', user: 'ana', now: new Date('2026-03-05T23:59:00Z'), uuid: '3f1c' };
  it('fills every placeholder and keeps the file name as is', () => {
    expect(renderKeyTemplate('{user}/{yyyy}/{mm}/{dd}/{uuid}/{name}', vars)).toBe(
      'ana/2026/03/05/3f1c/Q3 report (final) #2.pdf',
    );
    expect(renderKeyTemplate('{stem}-{uuid}.{ext}', vars)).toBe('Q3 report (final) #2-3f1c.pdf');
  });
  it('never lets a file name escape its folder', () => {
    expect(renderKeyTemplate('in/{name}', { ...vars, name: '../../etc/passwd' })).toBe('in/.._.._etc_passwd');
  });
  it('refuses templates that would give every upload the same key', () => {
    expect(() => renderKeyTemplate('{yyyy}/{mm}/file', vars)).toThrow(/neither \{name\} nor \{uuid\}/);
  });
});
