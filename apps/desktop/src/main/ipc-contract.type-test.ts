// Type-level test of the renderer ⇄ main contract, compiled by `pnpm --filter @signet/desktop
// typecheck` (tsconfig.main.json) and never run. Each @ts-expect-error line is a drift the compiler
// must refuse: if the contract ever loosens (a handler table typed `unknown` again, a schema no
// longer checked against DesktopApi), the directive is unused and the typecheck fails.
import { z } from 'zod';
import type { LinkResult } from '@signet/sharing';
import type { LinkView } from '../shared/desktop-api.js';
import { definePayloads, PAYLOADS } from '../shared/ipc-payloads.js';
import type { DesktopHandlerImpl, SameKeys } from './create-desktop-handlers.js';
import { DesktopError } from './desktop-error.js';

type Handler<K extends keyof DesktopHandlerImpl> = Pick<DesktopHandlerImpl, K>;

// The real table passes (a wrong one must be the only reason for the errors below).
export const _payloadsAgree = definePayloads(PAYLOADS);
export const _rightHandler: Handler<'getLinkUrl'> = { getLinkUrl: async (id) => `https://example.com/${id}` };

export const _wrongReturn: Handler<'getLinkUrl'> = {
  // @ts-expect-error getLinkUrl resolves to a string, not a number
  getLinkUrl: async () => 42,
};
export const _wrongView: Handler<'renewLink'> = {
  // @ts-expect-error renewLink resolves to a LinkView: a record without url/warnings is not one
  renewLink: async (id) => ({ id }),
};
export const _wrongArgs: Handler<'revokeLink'> = {
  // @ts-expect-error revokeLink's second argument is a boolean, not a string
  revokeLink: async (_id: string, _deleteObject: string) => {
    throw new Error('never runs');
  },
};

// @ts-expect-error a schema that lets through an argument type DesktopApi does not declare (number id)
export const _wrongSchemaType = definePayloads({ ...PAYLOADS, removeProfile: z.tuple([z.number()]) });
// @ts-expect-error a schema that refuses what DesktopApi allows (renewLink's optional expires dropped)
export const _schemaTooStrict = definePayloads({ ...PAYLOADS, renewLink: z.tuple([z.string()]) });
export const _schemaExtraField = definePayloads({
  ...PAYLOADS,
  // @ts-expect-error a required field the type lacks (share requests with an extra `evil`)
  share: z.tuple([z.string(), z.object({ paths: z.array(z.string()), evil: z.boolean() })]),
});
// @ts-expect-error a method without a schema
export const _missingSchema = definePayloads({ ...PAYLOADS, listProfiles: undefined });

// A view missing a field of its sharing type (LinkView once lacked LinkResult's headers).
export const _linkViewMirrors: SameKeys<LinkResult, LinkView> = true;
// @ts-expect-error the same view without headers no longer mirrors LinkResult
export const _linkViewWithoutHeaders: SameKeys<LinkResult, Omit<LinkView, 'headers'>> = true;

// Main's own error codes are a closed list; passed-through codes only come from toDesktopError.
export const _knownCode = new DesktopError('SHARE_RUNNING', 'This share is already running.');
// @ts-expect-error a misspelt code
export const _misspeltCode = new DesktopError('SHARE_RUNING', 'This share is already running.');
