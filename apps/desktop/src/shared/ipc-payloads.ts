// zod schemas for every IPC payload: main trusts nothing the renderer sends.
import { z } from 'zod';
import type { InvokeMethod } from '../shared/desktop-api.js';

const id = z.string().min(1).max(200);
const expires = z.string().trim().min(1).max(40);
const browser = z.enum(['chrome', 'chromium', 'edge', 'brave', 'firefox']);
const absPath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), 'must be an absolute path');
const origin = z.string().regex(/^(chrome-extension:\/\/[a-p]{32}\/|[\w.@+-]{1,200})$/, 'must be an extension origin');

const linkOptions = z
  .object({
    downloadName: z.string().min(1).max(255).optional(),
    inline: z.boolean().optional(),
    startAt: z.iso.datetime({ offset: true }).optional(),
    ipAddress: z.string().max(64).optional(),
    via: z.enum(['profile', 's3']).optional(),
  })
  .strict();

const profileInput = z.object({ id: z.string() }).passthrough(); // fully validated by the profile schema in core

/** Argument tuples per method, as sent by the preload (ipcRenderer.invoke(channel, ...args)). */
export const PAYLOADS = {
  listProfiles: z.tuple([]),
  saveProfile: z.tuple([profileInput]),
  removeProfile: z.tuple([id]),
  setDefaultProfile: z.tuple([id]),
  setAwsSecret: z.tuple([
    id,
    z
      .object({
        accessKeyId: z.string().min(1).max(128),
        secretAccessKey: z.string().min(1).max(256),
        sessionToken: z.string().max(4096).optional(),
        expiration: z.iso.datetime({ offset: true }).optional(),
      })
      .strict(),
  ]),
  importCloudFrontKey: z.union([z.tuple([id, absPath]), z.tuple([id, absPath, z.string().max(1024)])]),
  testProfile: z.tuple([id]),
  share: z.tuple([
    id,
    z
      .object({
        paths: z.array(absPath).min(1).max(10_000),
        profileId: id.optional(),
        expires: expires.optional(),
        options: linkOptions.optional(),
        check: z.boolean().optional(),
      })
      .strict(),
  ]),
  cancelShare: z.tuple([id]),
  checkLink: z.tuple([z.url({ protocol: /^https?$/ }).max(16_384)]),
  listLinks: z.tuple([
    z
      .object({ filter: z.enum(['active', 'expired', 'all']).optional(), search: z.string().max(200).optional() })
      .strict(),
  ]),
  historyProblems: z.tuple([]),
  pruneExpired: z.tuple([]),
  getLinkUrl: z.tuple([id]),
  renewLink: z.union([z.tuple([id]), z.tuple([id, expires])]),
  describeRevocation: z.tuple([id]),
  revokeLink: z.tuple([id, z.boolean()]),
  openExternal: z.tuple([z.url({ protocol: /^https$/ }).max(16_384)]),
  nativeHostStatus: z.tuple([]),
  installNativeHost: z.tuple([browser]),
  listApprovals: z.tuple([]),
  approveExtension: z.tuple([origin]),
  revokeExtension: z.tuple([origin]),
  getSettings: z.tuple([]),
  setStartAtLogin: z.tuple([z.boolean()]),
} as const satisfies Record<InvokeMethod, z.ZodType>;
