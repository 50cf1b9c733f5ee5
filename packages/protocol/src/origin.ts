// What an extension origin looks like, as browsers pass it to a native host: Chromium
// `chrome-extension://<32 letters a-p>/`, Firefox the add-on id (`name@domain` or `{uuid}`).
import { z } from 'zod';

export const chromiumOriginSchema = z
  .string()
  .regex(
    /^chrome-extension:\/\/[a-p]{32}\/$/,
    'a Chromium extension origin looks like chrome-extension://<32 letters a-p>/',
  );
export const firefoxExtensionIdSchema = z
  .string()
  .max(200)
  .regex(
    /^(\{[0-9a-fA-F-]{36}\}|[A-Za-z0-9._+-]+@[A-Za-z0-9._-]+)$/,
    'a Firefox add-on id looks like name@domain or {uuid}',
  );

export const extensionOriginSchema = z.union([chromiumOriginSchema, firefoxExtensionIdSchema]);

/** Picks the caller's origin from a native host's argv (Chromium: argv[0] is the origin; Firefox: argv[1] is the add-on id, argv[0] the manifest path). */
export function originFromHostArgs(args: readonly string[]): string | undefined {
  for (const arg of args) {
    if (extensionOriginSchema.safeParse(arg).success) return arg;
  }
  return undefined;
}
