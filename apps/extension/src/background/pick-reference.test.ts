import { describe, expect, it } from 'vitest';
import { pickReference, referenceInText } from './pick-reference.js';

describe('pickReference', () => {
  it('prefers the link, then the media source, then the selection, then the page', () => {
    const page = 'https://example.com/docs';
    expect(pickReference({ linkUrl: 'https://b.s3.amazonaws.com/k', srcUrl: 'https://x/img.png', pageUrl: page })).toBe(
      'https://b.s3.amazonaws.com/k',
    );
    expect(pickReference({ srcUrl: 'https://d111.cloudfront.net/i.png', pageUrl: page })).toBe(
      'https://d111.cloudfront.net/i.png',
    );
    expect(pickReference({ selectionText: '  see s3://reports/q3.pdf, thanks ', pageUrl: page })).toBe(
      's3://reports/q3.pdf',
    );
    expect(pickReference({ pageUrl: 'https://eu-west-1.console.aws.amazon.com/s3/object/b?prefix=k.pdf' })).toBe(
      'https://eu-west-1.console.aws.amazon.com/s3/object/b?prefix=k.pdf',
    );
    expect(pickReference({}, 'https://tab.example/')).toBe('https://tab.example/');
    expect(pickReference({})).toBeUndefined();
  });
});

describe('referenceInText', () => {
  it('finds s3:// text, ARNs and URLs in a selection', () => {
    expect(referenceInText(' s3://bucket/a b.pdf\n')).toBe('s3://bucket/a b.pdf');
    expect(referenceInText('copy s3://bucket/a.pdf now')).toBe('s3://bucket/a.pdf');
    expect(referenceInText('(arn:aws:s3:::bucket/key.txt)')).toBe('arn:aws:s3:::bucket/key.txt');
    expect(referenceInText('"https://b.s3.eu-west-1.amazonaws.com/x?X-Amz-Signature=1".')).toBe(
      'https://b.s3.eu-west-1.amazonaws.com/x?X-Amz-Signature=1',
    );
    expect(referenceInText('bucket/key')).toBe('bucket/key');
    expect(referenceInText('   ')).toBeUndefined();
  });
});
