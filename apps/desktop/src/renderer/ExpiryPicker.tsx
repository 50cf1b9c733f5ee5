import { useId } from 'react';

export const PRESETS = [
  { value: '15m', label: '15 min' },
  { value: '1h', label: '1 hour' },
  { value: '1d', label: '1 day' },
  { value: '7d', label: '7 days' },
] as const;

/** Presets plus a custom date-time. `value` is a duration or an ISO date-time. */
export function ExpiryPicker({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const id = useId();
  const custom = !PRESETS.some((p) => p.value === value);
  const localValue = custom && value ? toLocalInput(value) : '';
  return (
    <fieldset className="expiry">
      <legend>Link expires in</legend>
      <div className="segmented" role="radiogroup" aria-label="Expiry">
        {PRESETS.map((p) => (
          <button key={p.value} type="button" role="radio" aria-checked={value === p.value} className={value === p.value ? 'on' : ''} onClick={() => onChange(p.value)} data-testid={`expiry-${p.value}`}>
            {p.label}
          </button>
        ))}
        <label className={`custom ${custom ? 'on' : ''}`} htmlFor={id}>
          <span>Until</span>
          <input id={id} type="datetime-local" value={localValue} aria-label="Custom expiry date and time" data-testid="expiry-custom"
            onChange={(e) => e.target.value && onChange(new Date(e.target.value).toISOString())} />
        </label>
      </div>
    </fieldset>
  );
}

function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
