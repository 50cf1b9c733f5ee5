import { useId, useState } from 'react';
import { AddProfileForm } from './AddProfileForm.js';
import { CheckSetup } from './CheckSetup.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { KeyFileFields } from './KeyFileFields.js';
import { KeyRotation } from './KeyRotation.js';
import type { CheckView, ProfileInputView, ProfileView } from '../shared/desktop-api.js';
import { api, errorText } from './api.js';
import { PRESETS } from './ExpiryPicker.js';

/** The profile as saveProfile takes it back (the view adds "has a key" flags the schema refuses). */
function toProfileInput(p: ProfileView): ProfileInputView {
  const { isDefault: _d, hasAwsSecret: _a, hasCloudFrontKey: _c, ...input } = p;
  return input;
}

/** One profile in Settings: where files go, whether its keys are in place, and what to do next. */
export function ProfileCard({ profile: p, onChanged }: { profile: ProfileView; onChanged: (message: string) => void }) {
  const [test, setTest] = useState<CheckView | { testing: true }>();
  const [error, setError] = useState('');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [editing, setEditing] = useState(false);
  const expiryId = useId();
  const keyReady = p.credentials.source !== 'keychain' || p.hasAwsSecret;
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    setError('');
    try {
      await fn();
      onChanged(ok);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <li className="card profile" data-testid={`profile-${p.id}`}>
      <div className="profile-head">
        <div className="profile-title">
          <strong>{p.name}</strong> {p.isDefault && <span className="badge">default</span>}
          <div className="muted small mono-ish" title={`s3://${p.bucket}`}>
            s3://{p.bucket} · {p.region}
            {p.endpoint ? ` · ${p.endpoint}` : ''} ·{' '}
            {p.link.kind === 'cloudfront' ? `CloudFront ${p.link.domain}` : 'S3 links'}
          </div>
        </div>
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setTest({ testing: true });
              void api()
                .testProfile(p.id)
                .then(setTest, (e) => setTest({ status: 'error', ok: false, message: errorText(e) }));
            }}
          >
            Test connection
          </button>
          <button
            type="button"
            aria-expanded={editing}
            onClick={() => setEditing((v) => !v)}
            data-testid="edit-profile"
          >
            Edit…
          </button>
          {!p.isDefault && (
            <button
              type="button"
              onClick={() => void run(() => api().setDefaultProfile(p.id), `${p.name} is now the default profile.`)}
            >
              Make default
            </button>
          )}
          <button type="button" className="danger" onClick={() => setConfirmRemove(true)}>
            Remove…
          </button>
        </div>
      </div>
      <div className="profile-facts small">
        <span className={keyReady ? 'ok' : 'warn-text'}>
          {p.credentials.source === 'keychain'
            ? p.hasAwsSecret
              ? '✓ Access key in the keychain'
              : '! No access key yet — add one below'
            : p.credentials.source === 'aws-profile'
              ? `AWS profile “${p.credentials.awsProfile}”`
              : 'AWS default credentials'}
        </span>
        {p.link.kind === 'cloudfront' && (
          <span className={p.hasCloudFrontKey ? 'ok' : 'warn-text'}>
            {p.hasCloudFrontKey ? '✓ CloudFront key in the keychain' : '! No CloudFront key yet'}
          </span>
        )}
        <label className="inline-field" htmlFor={expiryId}>
          Default expiry
          <select
            id={expiryId}
            value={p.defaultExpiry}
            onChange={(e) =>
              void run(
                () => api().saveProfile({ ...toProfileInput(p), defaultExpiry: e.target.value }),
                `New links from ${p.name} last ${e.target.value} by default.`,
              )
            }
          >
            {[
              ...PRESETS,
              ...(PRESETS.some((o) => o.value === p.defaultExpiry)
                ? []
                : [{ value: p.defaultExpiry, label: p.defaultExpiry }]),
            ].map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {test && (
        <p
          className={`check-line ${'testing' in test ? '' : test.ok ? 'ok' : 'bad'}`}
          role="status"
          data-testid="profile-test"
        >
          {'testing' in test ? 'Testing…' : test.message}
        </p>
      )}
      <CheckSetup profileId={p.id} profileName={p.name} />
      {p.link.kind === 'cloudfront' && <KeyRotation profile={p} keyPairId={p.link.keyPairId} onChanged={onChanged} />}
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {editing && (
        <AddProfileForm
          initial={p}
          onCancel={() => setEditing(false)}
          onDone={(m) => {
            setEditing(false);
            onChanged(m);
          }}
        />
      )}
      {confirmRemove && (
        <ConfirmDialog
          title={`Remove the profile “${p.name}”?`}
          confirmLabel="Remove the profile"
          cancelLabel="Keep it"
          danger
          onClose={() => setConfirmRemove(false)}
          onConfirm={() => {
            setConfirmRemove(false);
            void run(() => api().removeProfile(p.id), `${p.name} and its keys were removed.`);
          }}
        >
          <p>Its keys are deleted from the keychain. Links already made keep working until they expire.</p>
        </ConfirmDialog>
      )}
      {(p.credentials.source === 'keychain' || p.link.kind === 'cloudfront') && (
        <ProfileKeys profile={p} onChanged={onChanged} />
      )}
    </li>
  );
}

/** Secret inputs: they go to the main process (and the keychain) and never come back. */
function ProfileKeys({ profile: p, onChanged }: { profile: ProfileView; onChanged: (message: string) => void }) {
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secret, setSecret] = useState('');
  const [pem, setPem] = useState<{ path: string; name: string }>();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const needsAwsKey = p.credentials.source === 'keychain';
  const save = async () => {
    setError('');
    try {
      const done: string[] = [];
      if (needsAwsKey && accessKeyId && secret) {
        await api().setAwsSecret(p.id, { accessKeyId, secretAccessKey: secret });
        done.push('Access key stored in the keychain.');
      }
      if (pem) done.push((await api().importCloudFrontKey(p.id, pem.path, passphrase || undefined)).message);
      setSecret('');
      setPassphrase('');
      onChanged(done.join(' ') || 'Nothing to save.');
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <details className="keys">
      <summary>
        {needsAwsKey && !p.hasAwsSecret
          ? 'Add the access key'
          : p.link.kind === 'cloudfront'
            ? 'Keys'
            : 'Replace the access key'}
      </summary>
      <form
        className="grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {needsAwsKey && (
          <>
            <label className="field">
              <span>Access key id</span>
              <input
                value={accessKeyId}
                onChange={(e) => setAccessKeyId(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            </label>
            <label className="field">
              <span>Secret access key</span>
              <input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" />
            </label>
          </>
        )}
        {p.link.kind === 'cloudfront' && (
          <KeyFileFields
            label="CloudFront private key (.pem)"
            onFile={(f) => setPem(f ? { path: api().pathForFile(f), name: f.name } : undefined)}
            passphrase={passphrase}
            onPassphrase={setPassphrase}
          />
        )}
        {error && (
          <p className="error small span-all" role="alert">
            {error}
          </p>
        )}
        <div className="span-all">
          <button type="submit" className="primary">
            Save to the keychain
          </button>
        </div>
      </form>
    </details>
  );
}
