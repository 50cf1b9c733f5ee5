import { afterEach, describe, expect, it } from 'vitest';
import {
  AWS_PAGE_PATTERNS,
  expiryForMenuItem,
  installSelectionFilter,
  menuItems,
  pagePatterns,
  TARGET_URL_PATTERNS,
} from './menus.js';

/** A tiny WebExtension match-pattern matcher (scheme, `*.` host wildcard, path glob), as browsers match. */
function matches(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`not a match pattern: ${pattern}`);
  const u = new URL(url);
  const scheme = u.protocol.slice(0, -1);
  if (m[1] === '*' ? !['http', 'https'].includes(scheme) : m[1] !== scheme) return false;
  const host = m[2]!;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (u.hostname !== base && !u.hostname.endsWith(`.${base}`)) return false;
    } else if (u.hostname !== host) return false;
  }
  const path = new RegExp(`^${m[3]!.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return path.test(u.pathname + u.search);
}

const anyMatch = (patterns: string[], url: string) => patterns.some((p) => matches(p, url));

describe('menus', () => {
  const items = menuItems(['*://127.0.0.1/*', 'https://d111abc.cloudfront.net/*']);
  const byId = (id: string) => items.find((i) => i.id === id)!;

  it('has one top-level "Copy share link" per context family, with the expiries one level below', () => {
    const top = items.filter((i) => !i.parentId);
    expect(top.map((i) => [i.id, i.title, i.contexts])).toEqual([
      ['target/parent', 'Copy share link', ['link', 'image', 'video', 'audio']],
      ['page/parent', 'Copy share link', ['page']],
      ['selection/parent', 'Copy share link', ['selection']],
    ]);
    expect(items.filter((i) => i.parentId === 'page/parent').map((i) => i.title)).toEqual([
      'With the default expiry',
      'Expires in 15 minutes',
      'Expires in 1 hour',
      'Expires in 1 day',
      'Expires in 7 days',
    ]);
    // No item is a grandchild: the preset is two levels deep at most.
    const ids = new Set(top.map((i) => i.id));
    expect(items.every((i) => !i.parentId || ids.has(i.parentId))).toBe(true);
    expect(items.some((i) => i.contexts.includes('frame' as never))).toBe(false);
  });

  it('shows on http(s) links and media only: not mailto:, javascript:, data: or blob:', () => {
    const target = byId('target/parent').targetUrlPatterns!;
    expect(target).toEqual(TARGET_URL_PATTERNS);
    expect(anyMatch(target, 'https://bucket.s3.amazonaws.com/a.pdf')).toBe(true);
    expect(anyMatch(target, 'http://127.0.0.1:7480/b/k.txt')).toBe(true);
    for (const url of ['mailto:a@example.com', 'javascript:alert(1)', 'data:text/plain,x', 'ftp://host/file'])
      expect(anyMatch(target, url), url).toBe(false);
  });

  it('shows on pages only of S3, the S3 console, CloudFront and the profiles’ own servers', () => {
    const page = byId('page/parent').documentUrlPatterns!;
    for (const url of [
      'https://bucket.s3.eu-west-1.amazonaws.com/report.pdf',
      'https://s3.amazonaws.com/bucket/k',
      'https://bucket.s3.dualstack.us-east-1.amazonaws.com/k',
      'https://s3-eu-west-1.amazonaws.com/bucket/k',
      'https://eu-west-1.console.aws.amazon.com/s3/object/bucket?prefix=k.pdf',
      'https://console.aws.amazon.com/s3/buckets/bucket',
      'https://d2zzz.cloudfront.net/v.mp4',
      'http://127.0.0.1:7480/bucket/k.txt',
      'https://d111abc.cloudfront.net/x',
    ])
      expect(anyMatch(page, url), url).toBe(true);
    for (const url of [
      'https://example.com/',
      'https://github.com/org/repo',
      'https://console.aws.amazon.com/ec2/home',
      'http://localhost:7480/bucket/k.txt',
      'https://evil.example/?s3.amazonaws.com',
    ])
      expect(anyMatch(page, url), url).toBe(false);
    // Every child carries the same scope as its parent.
    expect(items.filter((i) => i.parentId === 'page/parent').every((i) => i.documentUrlPatterns === page)).toBe(true);
  });

  it('drops patterns from the bridge that are not plain host patterns', () => {
    expect(
      pagePatterns(['*://minio.example.org/*', '<all_urls>', '*://*/*', 'file:///*', 'https://a.b/path/*', 'x']),
    ).toEqual([...AWS_PAGE_PATTERNS, '*://minio.example.org/*']);
  });

  it('maps every item to its expiry', () => {
    expect(expiryForMenuItem('target/copy-link')).toBe('default');
    expect(expiryForMenuItem('selection/copy-link:15m')).toBe('15m');
    expect(expiryForMenuItem('page/copy-link:7d')).toBe('7d');
    expect(expiryForMenuItem('copy-link:1h')).toBe('1h');
    expect(expiryForMenuItem('page/parent')).toBeUndefined();
    expect(expiryForMenuItem('copy-link:3y')).toBeUndefined();
  });
});

describe('installSelectionFilter (Firefox menus.onShown)', () => {
  afterEach(() => {
    delete (globalThis as { browser?: unknown }).browser;
  });

  // A stand-in for Firefox's menus API (no browser in the unit tier); the e2e runs the real one.
  it('shows the selection item only for text with an S3 reference, then refreshes the open menu', async () => {
    const calls: string[] = [];
    let shown: ((info: { contexts: string[]; selectionText?: string }) => void) | undefined;
    // With the contextMenus permission Firefox has onShown on browser.contextMenus, not browser.menus.
    (globalThis as { browser?: unknown }).browser = {
      contextMenus: {
        onShown: { addListener: (fn: typeof shown) => (shown = fn) },
        update: (id: string, props: { visible: boolean }) => void calls.push(`${id}=${props.visible}`),
        refresh: () => void calls.push('refresh'),
      },
    };
    installSelectionFilter();
    shown!({ contexts: ['selection'], selectionText: 'lunch at noon?' });
    shown!({ contexts: ['selection'], selectionText: 'see s3://bucket/a.pdf' });
    shown!({ contexts: ['link'] });
    // No host permission for the page: Firefox does not say what is selected; the item stays.
    shown!({ contexts: ['selection'] });
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['selection/parent=false', 'selection/parent=true', 'refresh', 'refresh']);
  });

  it('shows the item again when the next menu does not say what is selected (another page)', async () => {
    // A page with host permission hid it for plain text; on the next page Firefox gives no text:
    // the item must not stay hidden there, where a click would have been the only way to sign.
    const calls: string[] = [];
    let shown: ((info: { contexts: string[]; selectionText?: string }) => void) | undefined;
    (globalThis as { browser?: unknown }).browser = {
      contextMenus: {
        onShown: { addListener: (fn: typeof shown) => (shown = fn) },
        update: (id: string, props: { visible: boolean }) => void calls.push(`${id}=${props.visible}`),
        refresh: () => void calls.push('refresh'),
      },
    };
    installSelectionFilter();
    shown!({ contexts: ['selection'], selectionText: 'lunch at noon?' });
    shown!({ contexts: ['selection'] });
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['selection/parent=false', 'selection/parent=true', 'refresh', 'refresh']);
  });

  it('does nothing in Chromium (no menus.onShown)', () => {
    expect(() => installSelectionFilter()).not.toThrow();
  });
});
