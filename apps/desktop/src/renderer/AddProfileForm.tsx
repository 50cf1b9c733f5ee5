import { DEFAULT_EXPIRY, DEFAULT_KEY_TEMPLATE, DEFAULT_REGION, parseCompatibleS3Host } from '@signet/core/browser';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CheckView, ProfileInputView, ProfileSecretsView, ProfileView } from '../shared/desktop-api.js';
import { api, errorText } from './api.js';
import { PRESETS } from './ExpiryPicker.js';
import { KeyFileFields } from './KeyFileFields.js';

/** A profile id from its display name: "Client A (prod)" → "client-a-prod". */
function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

/**
 * The region a B2, Wasabi, Spaces or R2 endpoint names in its host (they refuse a signature for
 * any other), or undefined: another server, or not (yet) an address. As `signet profile add`.
 */
function regionOfEndpoint(endpoint: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint.trim());
  } catch {
    return undefined; // half typed; the save says what is wrong with it
  }
  return parseCompatibleS3Host(url.protocol.replace(/:$/, ''), url.host)?.region;
}

const EMPTY = {
  name: '',
  bucket: '',
  region: DEFAULT_REGION,
  endpoint: '',
  pathStyle: false,
  keyTemplate: DEFAULT_KEY_TEMPLATE,
  defaultExpiry: DEFAULT_EXPIRY,
  source: 'keychain' as 'keychain' | 'aws-profile' | 'default-chain',
  awsProfile: '',
  accessKeyId: '',
  secret: '',
  sessionToken: '',
  linkKind: 's3' as 's3' | 'cloudfront',
  cfDomain: '',
  keyPairId: '',
  hash: 'sha1' as 'sha1' | 'sha256',
};

/** The form's fields for an existing profile (secrets are never sent back: those stay empty). */
function fieldsOf(p: ProfileView): typeof EMPTY {
  return {
    ...EMPTY,
    name: p.name,
    bucket: p.bucket,
    region: p.region,
    endpoint: p.endpoint ?? '',
    pathStyle: p.forcePathStyle,
    keyTemplate: p.keyTemplate,
    defaultExpiry: p.defaultExpiry,
    source: p.credentials.source,
    awsProfile: p.credentials.source === 'aws-profile' ? p.credentials.awsProfile : '',
    linkKind: p.link.kind,
    cfDomain: p.link.kind === 'cloudfront' ? p.link.domain : '',
    keyPairId: p.link.kind === 'cloudfront' ? p.link.keyPairId : '',
    hash: p.link.kind === 'cloudfront' ? p.link.hash : 'sha1',
  };
}

/**
 * Add a profile from scratch or from an AWS config / SSO profile. The secret fields go to the
 * main process once (it stores them in the keychain) and are cleared here right after.
 */
export function AddProfileForm({
  onDone,
  openSignal = 0,
  initial,
  onCancel,
}: {
  onDone: (message: string) => void;
  openSignal?: number;
  /** Edit this profile instead of adding one: every field, and optionally new keys. */
  initial?: ProfileView;
  onCancel?: () => void;
}) {
  const editing = initial !== undefined;
  const [f, setF] = useState(() => (initial ? fieldsOf(initial) : EMPTY));
  const [test, setTest] = useState<(CheckView & { sampleUrl?: string }) | { testing: true }>();
  /** The id typed by hand, when the name gives none (a name in a non-Latin script) or the user prefers another. */
  const [idText, setIdText] = useState<string>();
  const nameRef = useRef<HTMLInputElement>(null);
  const [pem, setPem] = useState<string>();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  /** The user typed a region: an endpoint no longer changes it. */
  const [regionTyped, setRegionTyped] = useState(false);
  /** The region the endpoint filled in (for the hint), while it is what the field holds. */
  const [regionFromEndpoint, setRegionFromEndpoint] = useState<string>();
  // Welcome → "Add a profile": the form opens with the cursor in Name. The signal opens it when
  // it comes with the first render and each time it changes (adjusted while rendering, so the
  // first frame already shows the form open).
  const [open, setOpen] = useState(openSignal > 0);
  const [signalSeen, setSignalSeen] = useState(openSignal);
  if (openSignal !== signalSeen) {
    setSignalSeen(openSignal);
    if (openSignal > 0) setOpen(true);
  }
  const set =
    <K extends keyof typeof EMPTY>(k: K) =>
    (e: { target: { value: string; checked?: boolean; type?: string } }) =>
      setF((old) => ({ ...old, [k]: e.target.type === 'checkbox' ? Boolean(e.target.checked) : e.target.value }));
  // Typing an endpoint of a service whose host names the region fills the region in (uploads,
  // the test and links must all sign for it), unless the user typed one; an endpoint that names
  // none puts back the region the form had before.
  const onEndpoint = (e: { target: { value: string } }) => {
    const endpoint = e.target.value;
    const fromHost = regionTyped ? undefined : regionOfEndpoint(endpoint);
    const base = initial?.region ?? EMPTY.region;
    setF((old) => ({
      ...old,
      endpoint,
      ...(fromHost ? { region: fromHost } : regionFromEndpoint !== undefined ? { region: base } : {}),
    }));
    setRegionFromEndpoint(fromHost);
  };
  const onRegion = (e: { target: { value: string } }) => {
    setRegionTyped(true);
    setRegionFromEndpoint(undefined);
    set('region')(e);
  };
  const id = initial?.id ?? idText ?? slugify(f.name);
  const idValid = /^[a-z0-9][a-z0-9_-]{0,39}$/.test(id);
  const uid = useId();
  // Runs after the commit that opened the <details>: only then is the field focusable.
  useEffect(() => {
    if (openSignal > 0 && open) nameRef.current?.focus();
  }, [openSignal, open]);

  function draft(): { input: ProfileInputView; secrets: ProfileSecretsView } {
    const input: ProfileInputView = {
      id,
      name: f.name.trim(),
      bucket: f.bucket.trim(),
      region: f.region.trim(),
      forcePathStyle: f.pathStyle,
      keyTemplate: f.keyTemplate,
      defaultExpiry: f.defaultExpiry,
      ...(f.endpoint.trim() ? { endpoint: f.endpoint.trim() } : {}),
      credentials:
        f.source === 'aws-profile'
          ? { source: 'aws-profile', awsProfile: f.awsProfile.trim() }
          : f.source === 'default-chain'
            ? { source: 'default-chain' }
            : { source: 'keychain' },
      link:
        f.linkKind === 'cloudfront'
          ? { kind: 'cloudfront', domain: f.cfDomain, keyPairId: f.keyPairId, hash: f.hash }
          : { kind: 's3' },
    };
    // One call: main stores the keys first and puts the keychain back if the profile cannot be
    // saved, so a refused profile never leaves a key behind (nor a saved profile without its key).
    const secrets: ProfileSecretsView = {
      ...(f.source === 'keychain' && f.accessKeyId && f.secret
        ? {
            aws: {
              accessKeyId: f.accessKeyId.trim(),
              secretAccessKey: f.secret,
              ...(f.sessionToken ? { sessionToken: f.sessionToken } : {}),
            },
          }
        : {}),
      ...(f.linkKind === 'cloudfront' && pem
        ? { cloudFront: { pemPath: pem, ...(passphrase ? { passphrase } : {}) } }
        : {}),
    };
    return { input, secrets };
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError('');
    setBusy(true);
    try {
      const { input, secrets } = draft();
      await api().saveProfile(input, secrets);
      const notes = [`Profile “${input.name}” saved.`];
      if (secrets.aws)
        notes.push(editing ? 'Its new access key is in the keychain.' : 'Its access key is in the keychain.');
      else if (f.source === 'keychain' && !(editing && initial.hasAwsSecret))
        notes.push('Add its access key before sharing.');
      if (secrets.cloudFront)
        notes.push(
          `Its CloudFront key is in the keychain. Signet did not change ${pem}; you can delete it now (keep a backup somewhere safe if you need one).`,
        );
      setF(editing ? fieldsOf(initial) : EMPTY);
      setTest(undefined);
      setIdText(undefined);
      setPem(undefined);
      setPassphrase('');
      setRegionTyped(false);
      setRegionFromEndpoint(undefined);
      setOpen(false);
      onDone(notes.join(' '));
    } catch (err) {
      // Everything typed stays, the secret too: it is in this form already, and retyping a
      // 40-character secret after a typo in the bucket name is what made people give up.
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  async function testDraft() {
    setTest({ testing: true });
    try {
      const { input, secrets } = draft();
      setTest(await api().testProfileDraft(input, secrets));
    } catch (err) {
      setTest({ status: 'error', ok: false, message: errorText(err) });
    }
  }

  const form = (
    <form
      onSubmit={(e) => void submit(e)}
      className="grid"
      aria-label={editing ? `Edit profile ${initial.name}` : 'New profile'}
      data-testid={editing ? 'edit-profile-form' : 'add-profile-form'}
    >
      <div className="field">
        <label htmlFor={`${uid}-name`}>
          <span>Name</span>
        </label>
        <input
          id={`${uid}-name`}
          ref={nameRef}
          required
          value={f.name}
          onChange={set('name')}
          placeholder="Work"
          aria-describedby={`${uid}-id`}
        />
        <small id={`${uid}-id`} className={f.name && !idValid ? 'warn-text' : 'muted'} data-testid="profile-id-hint">
          {!f.name
            ? 'A short name, e.g. Work or Client A'
            : idValid
              ? `Saved as “${id}”`
              : 'Save needs a short name in Latin letters or digits (e.g. client-a): type one below.'}
        </small>
      </div>
      <label className="field">
        <span>Short name</span>
        <input
          value={id}
          readOnly={editing}
          title={editing ? 'The short name stays: the signet command and links in the history use it' : undefined}
          onChange={(e) => setIdText(e.target.value.toLowerCase())}
          placeholder="client-a"
          spellCheck={false}
          aria-invalid={Boolean(f.name) && !idValid}
          data-testid="profile-id"
        />
        <small className="muted">
          What the <code>signet</code> command calls this profile
        </small>
      </label>
      <label className="field">
        <span>Bucket</span>
        <input required value={f.bucket} onChange={set('bucket')} placeholder="my-bucket" spellCheck={false} />
      </label>
      <div className="field">
        <label htmlFor={`${uid}-region`}>
          <span>Region</span>
        </label>
        <input
          id={`${uid}-region`}
          value={f.region}
          onChange={onRegion}
          spellCheck={false}
          aria-describedby={`${uid}-region-hint`}
        />
        {/* Polite: the region changes while the cursor is in the endpoint field. */}
        <small id={`${uid}-region-hint`} className="muted region-hint" role="status" data-testid="region-hint">
          {regionFromEndpoint ? `Region from the endpoint: ${regionFromEndpoint}` : ''}
        </small>
      </div>
      <label className="field">
        <span>Endpoint (S3-compatible, optional)</span>
        <input value={f.endpoint} onChange={onEndpoint} placeholder="https://s3.example.com" spellCheck={false} />
      </label>
      <label className="field">
        <span>Object names</span>
        <input value={f.keyTemplate} onChange={set('keyTemplate')} spellCheck={false} />
      </label>
      <label className="field">
        <span>Default expiry</span>
        <select value={f.defaultExpiry} onChange={set('defaultExpiry')}>
          {PRESETS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="check span-all">
        <input type="checkbox" checked={f.pathStyle} onChange={set('pathStyle')} /> Path-style addressing (MinIO, Ceph
        and most S3-compatible servers)
      </label>

      <label className="field">
        <span>Credentials</span>
        <select value={f.source} onChange={set('source')}>
          <option value="keychain">Access key (kept in the keychain)</option>
          <option value="aws-profile">AWS config / SSO profile</option>
          <option value="default-chain">AWS default credentials</option>
        </select>
      </label>
      {f.source === 'keychain' && (
        <>
          <label className="field">
            <span>Access key id</span>
            <input
              value={f.accessKeyId}
              onChange={set('accessKeyId')}
              autoComplete="off"
              spellCheck={false}
              placeholder={editing && initial.hasAwsSecret ? 'empty: keep the stored key' : undefined}
            />
          </label>
          <label className="field">
            <span>Secret access key</span>
            <input
              type="password"
              value={f.secret}
              onChange={set('secret')}
              autoComplete="off"
              placeholder={editing && initial.hasAwsSecret ? 'empty: keep the stored key' : undefined}
            />
          </label>
          <label className="field">
            <span>Session token (temporary keys only)</span>
            <input type="password" value={f.sessionToken} onChange={set('sessionToken')} autoComplete="off" />
          </label>
        </>
      )}
      {f.source === 'aws-profile' && (
        <div className="field">
          <label htmlFor={`${uid}-aws`}>
            <span>AWS profile name</span>
          </label>
          <input
            id={`${uid}-aws`}
            required
            value={f.awsProfile}
            onChange={set('awsProfile')}
            placeholder="dev-sso"
            spellCheck={false}
            aria-describedby={`${uid}-aws-hint`}
          />
          <small id={`${uid}-aws-hint`} className="muted">
            From ~/.aws/config; for SSO run “aws sso login” first.
          </small>
        </div>
      )}
      {f.source === 'default-chain' && (
        <p className="muted small span-all">
          Uses AWS_ACCESS_KEY_ID and friends, the default AWS profile, or the instance role.
        </p>
      )}

      <label className="field">
        <span>Links</span>
        <select value={f.linkKind} onChange={set('linkKind')}>
          <option value="s3">S3 presigned (up to 7 days)</option>
          <option value="cloudfront">CloudFront signed</option>
        </select>
      </label>
      {f.linkKind === 'cloudfront' && (
        <>
          <label className="field">
            <span>Distribution domain</span>
            <input
              required
              value={f.cfDomain}
              onChange={set('cfDomain')}
              placeholder="d111111abcdef8.cloudfront.net"
              spellCheck={false}
            />
          </label>
          <label className="field">
            <span>Public key id</span>
            <input
              required
              value={f.keyPairId}
              onChange={set('keyPairId')}
              placeholder="K2JCJMDEHXQW5F"
              spellCheck={false}
            />
          </label>
          <label className="field">
            <span>Signature hash</span>
            <select value={f.hash} onChange={set('hash')}>
              <option value="sha1">SHA-1 (default)</option>
              <option value="sha256">SHA-256</option>
            </select>
          </label>
          <KeyFileFields
            label="Private key (.pem)"
            onFile={(file) => setPem(file ? api().pathForFile(file) : undefined)}
            passphrase={passphrase}
            onPassphrase={setPassphrase}
          />
        </>
      )}
      {error && (
        <p className="error span-all" role="alert" data-testid="add-profile-error">
          {error}
        </p>
      )}
      <div className="span-all form-actions">
        <button
          type="button"
          onClick={() => void testDraft()}
          disabled={!idValid || !f.bucket}
          data-testid="test-draft"
        >
          Test connection
        </button>
        <button type="submit" className="primary" disabled={busy || !idValid}>
          {busy ? 'Saving…' : editing ? 'Save changes' : 'Save profile'}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <p
        className={`check-line span-all ${!test || 'testing' in test ? '' : test.ok ? 'ok' : 'bad'}`}
        role="status"
        data-testid="draft-test"
      >
        {!test ? '' : 'testing' in test ? 'Testing before saving…' : test.message}
      </p>
      {test && !('testing' in test) && test.sampleUrl && (
        <label className="field span-all">
          <span>A link Signet would make with these settings</span>
          <input className="url" readOnly value={test.sampleUrl} data-testid="draft-sample-url" />
        </label>
      )}
    </form>
  );
  if (editing) return <div className="card edit-profile">{form}</div>;
  return (
    <details className="card add-profile" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Add a profile</summary>
      {form}
    </details>
  );
}
