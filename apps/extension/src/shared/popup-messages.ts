// Messages between the popup / offscreen document and the background (runtime.sendMessage inside
// the extension). Parsed on receipt like every other boundary.
import { z } from 'zod';

export const popupStateRequestSchema = z.object({ type: z.literal('signet:popup-state') });

export const offscreenCopySchema = z.object({
  target: z.literal('offscreen'),
  type: z.literal('copy'),
  text: z.string().max(16_384),
});

export type ConnectionState = 'connected' | 'not-approved' | 'not-running' | 'not-installed' | 'error';

export interface PopupState {
  connection: { state: ConnectionState; message: string; origin?: string; app?: string };
  links: { id: string; label: string; bucket: string; key: string; effectiveExpiresAt: string; url?: string }[];
  profiles: string[];
}
