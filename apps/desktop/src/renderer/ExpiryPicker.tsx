import { EXPIRY_PRESETS } from '@signet/core/browser';
import { useId } from 'react';
import { formatWhen, previewExpiry } from './format.js';
import { useNow } from './now.js';
import { rovingKeyDown } from './roving.js';

/** The presets every client offers (core's list: the extension's menu has the same). */
export const PRESETS = EXPIRY_PRESETS.map((p) => ({ value: p.expires, label: p.label }));

/**
 * Presets plus a custom date-time. `value` is a duration or an ISO date-time; `profileDefault`
 * is what the profile would use. The line under it previews when the link will expire; the
 * result card then shows the effective expiry the main process computed.
 */
export function ExpiryPicker({
  value,
  onChange,
  profileDefault,
}: {
  value: string;
  onChange: (v: string) => void;
  profileDefault?: string;
}) {
  const id = useId();
  const hintId = useId();
  const until = previewExpiry(value);
  // "That time has passed" for a time picked to the minute: a clock a few seconds behind is enough.
  const now = useNow(5_000);
  const custom = !PRESETS.some((p) => p.value === value);
  const localValue = custom && value ? toLocalInput(value) : '';
  const values = PRESETS.map((p) => p.value as string);
  // With a custom time chosen no preset is checked; the first one takes the Tab stop.
  const tabStop = custom ? values[0] : value;
  return (
    <fieldset className="expiry">
      <legend>Link expires in</legend>
      <div className="segmented" role="radiogroup" aria-label="Expiry" aria-describedby={hintId}>
        {PRESETS.map((p) => (
          <button
            key={p.value}
            type="button"
            role="radio"
            aria-checked={value === p.value}
            tabIndex={p.value === tabStop ? 0 : -1}
            data-value={p.value}
            className={value === p.value ? 'on' : ''}
            onClick={() => onChange(p.value)}
            onKeyDown={(e) => rovingKeyDown(e, values, custom ? '' : value, onChange)}
            data-testid={`expiry-${p.value}`}
          >
            {p.label}
          </button>
        ))}
        <label className={`custom ${custom ? 'on' : ''}`} htmlFor={id}>
          <span>Until</span>
          <input
            id={id}
            type="datetime-local"
            value={localValue}
            aria-label="Custom expiry date and time"
            data-testid="expiry-custom"
            onChange={(e) => e.target.value && onChange(new Date(e.target.value).toISOString())}
          />
        </label>
      </div>
      <p id={hintId} className="hint" aria-live="polite" data-testid="expiry-preview">
        {until
          ? until.getTime() <= now
            ? 'That time has passed: pick a later one.'
            : `Until ${formatWhen(until.toISOString())}${value === profileDefault ? ' · the profile’s default' : ''}`
          : 'Pick how long the link should work.'}
      </p>
    </fieldset>
  );
}

function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
