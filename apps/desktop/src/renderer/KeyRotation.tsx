// "Rotate signing key…" on a CloudFront profile's card: the same rotation as `signet cloudfront
// rotate-key` (a new key pair made and stored in main, joined to the key group; the window sees
// key ids only). The old key is retired later (after N days) or now — now kills every link it
// signed, so it is confirmed first. While a replaced key is still in the group, "Retire old key
// now" takes it out (`retire-key --key K --now`), confirmed too. The service's words are shown.
import { useEffect, useId, useState } from 'react';
import type { RetiringKeyView } from '../shared/cloudfront-api.js';
import type { ProfileView } from '../shared/desktop-api.js';
import { api, errorText } from './api.js';
import { ConfirmDialog } from './ConfirmDialog.js';

type Confirm = { kind: 'rotate-now'; keyId: string } | { kind: 'retire'; keyId: string };

export function KeyRotation({
  profile: p,
  keyPairId,
  onChanged,
}: {
  profile: ProfileView;
  /** The key that signs the profile's new links now. */
  keyPairId: string;
  onChanged: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [when, setWhen] = useState<'later' | 'now'>('later');
  const [days, setDays] = useState('7');
  const [busy, setBusy] = useState<'rotating' | 'retiring'>();
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [confirm, setConfirm] = useState<Confirm>();
  const [retiring, setRetiring] = useState<RetiringKeyView[]>([]);
  const [version, setVersion] = useState(0);
  const ids = { panel: useId(), days: useId(), when: useId() };

  // Keys a rotation replaced (here or with the CLI) that still wait in the group.
  useEffect(() => {
    let live = true;
    api()
      .cloudFrontRetiringKeys(p.id)
      .then(
        (keys) => live && setRetiring(keys.filter((k) => k.keyId !== keyPairId)),
        () => live && setRetiring([]),
      );
    return () => {
      live = false;
    };
  }, [p.id, keyPairId, version]);

  const dayCount = Number(days);
  const daysOk = /^\d{1,3}$/.test(days.trim()) && dayCount >= 1 && dayCount <= 365;

  const rotate = async () => {
    setConfirm(undefined);
    setBusy('rotating');
    setError('');
    setMessage('');
    try {
      const r = await api().rotateCloudFrontKey(
        p.id,
        when === 'now' ? { retire: 'now' } : { retire: 'later', days: dayCount },
      );
      setMessage(r.message);
      setOpen(false);
      onChanged(`New links of ${p.name} are signed with key ${r.newKeyId}.`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(undefined);
      setVersion((v) => v + 1);
    }
  };

  const retire = async (keyId: string) => {
    setConfirm(undefined);
    setBusy('retiring');
    setError('');
    setMessage('');
    try {
      const r = await api().retireCloudFrontKey(p.id, keyId);
      setMessage(r.message);
      onChanged(`Key ${keyId} of ${p.name} was retired.`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(undefined);
      setVersion((v) => v + 1);
    }
  };

  return (
    <div className="key-rotation" data-testid="key-rotation-area">
      <div className="actions">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={ids.panel}
          onClick={() => (setOpen((v) => !v), setError(''))}
          disabled={Boolean(busy)}
          data-testid="rotate-key-open"
        >
          Rotate signing key…
        </button>
        {retiring.map((k) => (
          <button
            key={k.keyId}
            type="button"
            className="danger"
            onClick={() => setConfirm({ kind: 'retire', keyId: k.keyId })}
            disabled={Boolean(busy)}
            title={`Replaced by ${k.replacedBy}; due for retirement from ${new Date(k.retireAfter).toLocaleString()}`}
            data-testid="retire-key-open"
          >
            {busy === 'retiring' ? 'Retiring…' : `Retire old key now (${k.keyId})`}
          </button>
        ))}
      </div>
      {open && (
        <form
          id={ids.panel}
          className="card key-rotation-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!daysOk && when === 'later') return setError('Type a whole number of days from 1 to 365.');
            if (when === 'now') setConfirm({ kind: 'rotate-now', keyId: keyPairId });
            else void rotate();
          }}
          data-testid="key-rotation"
        >
          <p className="small">
            A new key signs new links; the old key keeps working until it is retired, and retiring it stops every link
            it signed.
          </p>
          <fieldset className="key-rotation-when" disabled={Boolean(busy)}>
            <legend>Retire the old key ({keyPairId})</legend>
            <label className="check">
              <input
                type="radio"
                name={ids.when}
                checked={when === 'later'}
                onChange={() => setWhen('later')}
                data-testid="rotate-later"
              />
              Later, after
              <input
                id={ids.days}
                className="key-rotation-days"
                type="number"
                inputMode="numeric"
                min={1}
                max={365}
                value={days}
                aria-label="Days until the old key may be retired"
                onChange={(e) => (setDays(e.target.value), setWhen('later'))}
                data-testid="rotate-days"
              />
              days (its links keep working until then)
            </label>
            <label className="check">
              <input
                type="radio"
                name={ids.when}
                checked={when === 'now'}
                onChange={() => setWhen('now')}
                data-testid="rotate-now"
              />
              Now: every link it signed stops working
            </label>
          </fieldset>
          <div className="actions">
            <button type="submit" className="primary" disabled={Boolean(busy)} data-testid="rotate-key-apply">
              {busy === 'rotating' ? 'Rotating…' : 'Rotate the key'}
            </button>
            <button type="button" onClick={() => (setOpen(false), setError(''))} disabled={Boolean(busy)}>
              Cancel
            </button>
          </div>
        </form>
      )}
      {busy === 'rotating' && (
        <p className="small" role="status">
          Rotating: making a new key pair, adding it to the key group, storing the private key in the keychain…
        </p>
      )}
      {message && (
        <p className="cf-result ok small" role="status" data-testid="key-rotation-message">
          {message}
        </p>
      )}
      {error && (
        <p className="error small" role="alert" data-testid="key-rotation-error">
          {error}
        </p>
      )}
      {confirm && (
        <ConfirmDialog
          title={
            confirm.kind === 'rotate-now'
              ? `Rotate and retire key ${confirm.keyId} now?`
              : `Retire key ${confirm.keyId} now?`
          }
          confirmLabel={confirm.kind === 'rotate-now' ? 'Rotate and retire now' : `Retire ${confirm.keyId} now`}
          cancelLabel="Keep the old key"
          danger
          onClose={() => setConfirm(undefined)}
          onConfirm={() => void (confirm.kind === 'rotate-now' ? rotate() : retire(confirm.keyId))}
        >
          <p>
            Key {confirm.keyId} leaves the key group of {p.name}: every link it signed stops working once CloudFront has
            deployed the change (usually 5–15 minutes). This cannot be undone.
          </p>
          {confirm.kind === 'rotate-now' && <p>New links are signed with a new key.</p>}
        </ConfirmDialog>
      )}
    </div>
  );
}
