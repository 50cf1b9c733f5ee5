import { describe, expect, it } from 'vitest';
import { pickReference, readingsOfText, selectionHasReference } from './pick-reference.js';

describe('pickReference', () => {
  it('prefers the link, then the media source, then the selection, then the page', () => {
    const page = 'https://example.com/docs';
    const one = (ref: string) => ({ ok: true, ref, candidates: [] });
    expect(
      pickReference({ linkUrl: 'https://b.s3.amazonaws.com/k', srcUrl: 'https://x/img.png', pageUrl: page }),
    ).toEqual(one('https://b.s3.amazonaws.com/k'));
    expect(pickReference({ srcUrl: 'https://d111.cloudfront.net/i.png', pageUrl: page })).toEqual(
      one('https://d111.cloudfront.net/i.png'),
    );
    expect(pickReference({ selectionText: '  see s3://reports/q3.pdf, thanks ', pageUrl: page })).toEqual({
      ok: true,
      ref: 's3://reports/q3.pdf',
      candidates: ['s3://reports/q3.pdf, thanks'],
    });
    expect(pickReference({ pageUrl: 'https://eu-west-1.console.aws.amazon.com/s3/object/b?prefix=k.pdf' })).toEqual(
      one('https://eu-west-1.console.aws.amazon.com/s3/object/b?prefix=k.pdf'),
    );
    expect(pickReference({}, 'https://tab.example/')).toEqual(one('https://tab.example/'));
    expect(pickReference({})).toBeUndefined();
  });
});

describe('readingsOfText', () => {
  it('sends every reading of a key with spaces inside a sentence, the one cut at the first space first', () => {
    // The bug of issue 13: this became s3://bucket/dossiers/été and a dead link was "copied".
    expect(readingsOfText('Le fichier s3://bucket/dossiers/été 2026.txt est prêt.')).toEqual({
      ok: true,
      ref: 's3://bucket/dossiers/été',
      candidates: [
        's3://bucket/dossiers/été 2026.txt',
        's3://bucket/dossiers/été 2026.txt est',
        's3://bucket/dossiers/été 2026.txt est prêt',
      ],
    });
  });

  it('takes a selection that is exactly one reference whole, with the shorter readings as candidates', () => {
    expect(readingsOfText(' s3://bucket/a b.pdf\n')).toEqual({
      ok: true,
      ref: 's3://bucket/a b.pdf',
      candidates: ['s3://bucket/a'],
    });
    expect(readingsOfText('(arn:aws:s3:::bucket/key.txt)')).toEqual({
      ok: true,
      ref: 'arn:aws:s3:::bucket/key.txt',
      candidates: [],
    });
  });

  it('ends URLs at the first space and drops sentence punctuation', () => {
    expect(readingsOfText('"https://b.s3.eu-west-1.amazonaws.com/x?X-Amz-Signature=1".')).toEqual({
      ok: true,
      ref: 'https://b.s3.eu-west-1.amazonaws.com/x?X-Amz-Signature=1',
      candidates: [],
    });
  });

  it('refuses, in words, a selection with two references or none, and one without an object name', () => {
    expect(readingsOfText('s3://a/x.txt and s3://b/y.txt')).toEqual({
      ok: false,
      message: 'The selection holds 2 S3 addresses. Select only the one you want to share.',
    });
    expect(readingsOfText('bucket/key')).toMatchObject({ ok: false, message: expect.stringMatching(/no S3 address/) });
    expect(readingsOfText('s3://bucket')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no object name/),
    });
  });

  it('reads no further than an S3 key can be long', () => {
    const picked = readingsOfText(`s3://b/${'x'.repeat(5000)} tail`);
    expect(picked.ok && picked.ref.length).toBe(1200);
    expect(picked.ok && picked.candidates).toEqual([]);
  });

  it('keeps at most 12 readings of a long sentence', () => {
    const picked = readingsOfText(`s3://b/k ${'word '.repeat(40)}`);
    expect(picked.ok && picked.candidates.length).toBe(11);
  });
});

describe('selectionHasReference (the selection menu shows only then)', () => {
  it.each([
    ['see s3://bucket/a.pdf', true],
    ['arn:aws:s3:::bucket/key', true],
    ['https://bucket.s3.eu-west-1.amazonaws.com/k.pdf', true],
    ['https://d111.cloudfront.net/v.mp4', true],
    ['just some words', false],
    ['https://example.com/page', false],
    ['s3://', false],
  ])('%s → %s', (text, expected) => {
    expect(selectionHasReference(text)).toBe(expected);
  });
});
