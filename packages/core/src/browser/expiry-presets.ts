// The expiry choices every client offers (desktop picker, extension menu and popup). The values
// are durations parseExpiry takes, so a preset and the signed link can never disagree.

export interface ExpiryPreset {
  /** The duration string sent as `expires`. */
  readonly expires: string;
  /** What the user reads. */
  readonly label: string;
}

export const EXPIRY_PRESETS: readonly ExpiryPreset[] = [
  { expires: '15m', label: '15 minutes' },
  { expires: '1h', label: '1 hour' },
  { expires: '1d', label: '1 day' },
  { expires: '7d', label: '7 days' },
];
