// The popup's state from the bridge's replies. The native client is a stand-in here (a real one
// needs a browser: the e2e tier drives it); `ext` reads the browser API from globalThis, so the
// two calls popup-state makes (manifest version, session storage) are given a minimal stand-in.
import type { ProtocolError, RequestType } from '@signet/protocol';
import { describe, expect, it, vi } from 'vitest';
import { retryDelayMs } from '../shared/popup-messages.js';
import type { NativeClient } from './native-client.js';
import { loadPopupState } from './popup-state.js';

// Hoisted above the imports: `ext` is read from globalThis when browser-api.ts loads.
vi.hoisted(() => {
  const g = globalThis as { chrome?: unknown };
  g.chrome ??= {
    runtime: { getManifest: () => ({ version: '1.0.0' }) },
    storage: { session: { get: () => Promise.resolve({}) } },
  };
});

const now = new Date('2026-12-01T10:00:00Z');
const record = {
  id: 'l1',
  createdAt: '2026-12-01T09:00:00.000Z',
  source: 'extension',
  profileId: 'work',
  kind: 's3-presigned',
  bucket: 'reports',
  key: '2026/q3.pdf',
  expiresAt: '2026-12-02T09:00:00.000Z',
  effectiveExpiresAt: '2026-12-02T09:00:00.000Z',
  url: 'https://example.com/x',
};

function client(recent: { ok: true } | { ok: false; error: ProtocolError }): NativeClient {
  const replies: Record<RequestType, unknown> = {
    hello: {
      ok: true,
      result: {
        protocolVersion: 1,
        origin: 'chrome-extension://abc/',
        approval: 'approved',
        app: { name: 'Signet', version: '1' },
      },
    },
    status: { ok: true, result: { profiles: [{ id: 'work', name: 'Work', isDefault: true }], pagePatterns: [] } },
    recentLinks: recent.ok ? { ok: true, result: { links: [record] } } : recent,
    link: { ok: false, error: { code: 'INTERNAL', message: 'not used' } },
  };
  return { request: (type: RequestType) => Promise.resolve(replies[type]) } as unknown as NativeClient;
}

describe('loadPopupState', () => {
  it('lists the recent links when the bridge answers', async () => {
    const state = await loadPopupState({ client: client({ ok: true }), now });
    expect(state.connection.state).toBe('connected');
    expect(state.links.map((l) => l.name)).toEqual(['q3.pdf']);
    expect(state.linksError).toBeUndefined();
  });

  it('says why the recent links are missing instead of showing an empty history, and when it asks again', async () => {
    const state = await loadPopupState({
      client: client({
        ok: false,
        error: { code: 'RATE_LIMITED', message: 'Too many requests from this extension.', retryAfterMs: 1800 },
      }),
      now,
    });
    expect(state.connection.state).toBe('connected');
    expect(state.links).toEqual([]);
    expect(state.linksError).toEqual({
      message: 'Signet is busy with other requests from this browser. Asking again in a moment…',
      retryAfterMs: 1800,
    });
  });

  it('quotes any other failure, so the person knows the history was not read', async () => {
    const state = await loadPopupState({
      client: client({ ok: false, error: { code: 'DESKTOP_ERROR', message: 'The history file cannot be read.' } }),
      now,
    });
    expect(state.linksError?.message).toBe('Recent links could not be loaded: The history file cannot be read.');
  });
});

describe('retryDelayMs', () => {
  it('waits at least as long as the bridge asked, doubling per failed try, never over 15 s', () => {
    expect(retryDelayMs(0)).toBe(1000);
    expect(retryDelayMs(0, 2500)).toBe(2500);
    expect(retryDelayMs(1)).toBe(2000);
    expect(retryDelayMs(2, 100)).toBe(4000);
    expect(retryDelayMs(10)).toBe(15_000);
    expect(retryDelayMs(0, 60_000)).toBe(15_000);
  });
});
