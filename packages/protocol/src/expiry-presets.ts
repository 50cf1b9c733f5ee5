// The expiry presets the extension offers in its context menu and popup. The desktop parses the
// same strings (core's parseDuration), so the menu and the signed link can never disagree.

export interface ExpiryPreset {
  /** The duration string sent in `link.params.expires`. */
  readonly expires: string;
  /** Menu label. */
  readonly label: string;
}

export const EXPIRY_PRESETS: readonly ExpiryPreset[] = [
  { expires: '15m', label: '15 minutes' },
  { expires: '1h', label: '1 hour' },
  { expires: '1d', label: '1 day' },
  { expires: '7d', label: '7 days' },
];
