import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEV_CHROMIUM_EXTENSION_ID } from '@signet/protocol';
import { ApprovalStore, MAX_PENDING } from './approval-store.js';

const A = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
const F = 'signet@signet.app';
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'signet-approvals-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ApprovalStore', () => {
  it('starts empty, records first contact as pending, approves, lists and revokes', async () => {
    const store = new ApprovalStore(dir, () => new Date('2026-11-22T10:00:00Z'));
    expect(await store.list()).toEqual([]);
    expect(await store.request(A)).toBe(true);
    expect(await store.request(A)).toBe(false);
    expect(await store.pending()).toEqual([{ origin: A, requestedAt: '2026-11-22T10:00:00.000Z' }]);
    expect(await store.isApproved(A)).toBe(false);
    await store.approve(A);
    await store.approve(F);
    expect(await store.isApproved(A)).toBe(true);
    expect(await store.pending()).toEqual([]);
    expect((await store.list()).map((a) => a.origin)).toEqual([A, F]);
    expect(await store.revoke(A)).toBe(true);
    expect(await store.revoke(A)).toBe(false);
    expect(await store.isApproved(A)).toBe(false);
  });

  it('is shared between instances (another process approving takes effect at once)', async () => {
    const server = new ApprovalStore(dir);
    const cli = new ApprovalStore(dir);
    await server.request(A);
    await cli.approve(A);
    expect(await server.isApproved(A)).toBe(true);
  });

  it('writes an owner-only file', async () => {
    const store = new ApprovalStore(dir);
    await store.approve(A);
    expect((await stat(store.filePath)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(store.filePath, 'utf8'))).toMatchObject({ version: 1, approved: [{ origin: A }] });
  });

  it('refuses things that are not extension origins, and wildcards', async () => {
    const store = new ApprovalStore(dir);
    await expect(store.approve('chrome-extension://*/')).rejects.toThrow(/not an extension origin/);
    await expect(store.approve('https://example.com')).rejects.toThrow(/not an extension origin/);
    await expect(store.request('')).rejects.toThrow();
  });

  it('refuses a damaged file (approving nobody) and never rewrites it', async () => {
    const store = new ApprovalStore(dir);
    const damaged = '{"version":1,"approved":[{"origin":';
    await writeFile(store.filePath, damaged);
    await expect(store.isApproved(A)).rejects.toMatchObject({
      code: 'CONFIG_CORRUPT',
      message: expect.stringContaining('left untouched'),
    });
    await expect(store.approve(A)).rejects.toMatchObject({ code: 'CONFIG_CORRUPT' });
    await expect(store.request(A)).rejects.toMatchObject({ code: 'CONFIG_CORRUPT' });
    expect(await readFile(store.filePath, 'utf8')).toBe(damaged);
    await writeFile(store.filePath, '{"version":1,"approved":"everyone","pending":[]}');
    await expect(store.list()).rejects.toThrow(/damaged: it does not list/);
  });

  it('keeps the oldest requests when full, and always has room for Signet itself', async () => {
    const store = new ApprovalStore(dir);
    const real = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';
    await store.request(real);
    for (let i = 0; i < 300; i++) await store.request(`x${i}@example.com`);
    const pending = (await store.pending()).map((p) => p.origin);
    expect(pending.length).toBe(MAX_PENDING);
    expect(pending[0]).toBe(real);
    expect(await store.request(`chrome-extension://${DEV_CHROMIUM_EXTENSION_ID}/`)).toBe(true);
    const after = (await store.pending()).map((p) => p.origin);
    expect(after).toHaveLength(MAX_PENDING);
    expect(after).toContain(`chrome-extension://${DEV_CHROMIUM_EXTENSION_ID}/`);
    expect(after[0]).toBe(real);
  });
});
