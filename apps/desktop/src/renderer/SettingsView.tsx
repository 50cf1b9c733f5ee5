import { useEffect, useState, type FormEvent } from 'react';
import type { ApprovalView, BrowserView, ProfileView } from '../shared/desktop-api.js';
import { api, errorText } from './api.js';

export function SettingsView({ profiles, reload }: { profiles: ProfileView[]; reload: () => void }) {
  const [message, setMessage] = useState('');
  const [hosts, setHosts] = useState<{ browser: BrowserView; installed: boolean }[]>([]);
  const [approvals, setApprovals] = useState<ApprovalView[]>([]);
  const [startAtLogin, setStartAtLogin] = useState(false);
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      setMessage(ok);
      reload();
      void refresh();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const refresh = async () => {
    setHosts(await api().nativeHostStatus().catch(() => []));
    setApprovals(await api().listApprovals().catch(() => []));
    setStartAtLogin((await api().getSettings().catch(() => ({ startAtLogin: false }))).startAtLogin);
  };
  useEffect(() => void refresh(), []);

  return (
    <section className="view settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      {message && <p className="status" role="status" data-testid="settings-message">{message}</p>}
      <h3>Profiles</h3>
      {profiles.length === 0 && <p className="muted">No profile yet. A profile says which bucket files go to and how links are signed.</p>}
      <ul className="profiles">
        {profiles.map((p) => (
          <li key={p.id} className="card">
            <div>
              <strong>{p.name}</strong> {p.isDefault && <span className="badge">default</span>}
              <div className="muted small">s3://{p.bucket} · {p.region}{p.endpoint ? ` · ${p.endpoint}` : ''} · {p.link.kind === 'cloudfront' ? `CloudFront ${p.link.domain}` : 'S3 links'}</div>
              <div className="small">{p.credentials.source === 'keychain' ? (p.hasAwsSecret ? 'Key in the keychain' : 'No key yet') : p.credentials.source === 'aws-profile' ? `AWS profile ${p.credentials.awsProfile}` : 'AWS default credentials'}{p.link.kind === 'cloudfront' ? (p.hasCloudFrontKey ? ' · CloudFront key in the keychain' : ' · no CloudFront key yet') : ''}</div>
            </div>
            <div className="actions">
              <button type="button" onClick={() => void run(async () => setMessage((await api().testProfile(p.id)).message), '')}>Test connection</button>
              {!p.isDefault && <button type="button" onClick={() => void run(() => api().setDefaultProfile(p.id), `${p.name} is now the default.`)}>Make default</button>}
              <button type="button" className="danger" onClick={() => { if (window.confirm(`Remove the profile "${p.name}" and delete its keys from the keychain? Links already made keep working until they expire.`)) void run(() => api().removeProfile(p.id), `${p.name} and its keys were removed.`); }}>Remove</button>
            </div>
          </li>
        ))}
      </ul>
      <AddProfile onDone={(text) => { setMessage(text); reload(); }} />
      <h3>General</h3>
      <label className="check"><input type="checkbox" checked={startAtLogin} onChange={(e) => void run(() => api().setStartAtLogin(e.target.checked), e.target.checked ? 'Signet starts when you log in.' : 'Signet no longer starts at login.')} /> Start Signet when I log in</label>
      <h3>Browser integration</h3>
      <p className="muted small">The extension asks Signet for links; it never holds a key. Install the connector for your browser, then approve the extension when it first asks.</p>
      <ul className="hosts">
        {hosts.map((h) => (
          <li key={h.browser}><span className="name">{h.browser}</span> {h.installed ? <span className="badge ok">connected</span> : <button type="button" onClick={() => void run(() => api().installNativeHost(h.browser), `Connector installed for ${h.browser}.`)}>Install</button>}</li>
        ))}
      </ul>
      {approvals.length > 0 && (
        <ul className="approvals">
          {approvals.map((a) => (
            <li key={a.origin}><code>{a.origin}</code> {a.state === 'pending' ? <button type="button" className="primary" onClick={() => void run(() => api().approveExtension(a.origin), 'Extension approved.')}>Approve</button> : <button type="button" onClick={() => void run(() => api().revokeExtension(a.origin), 'Approval revoked.')}>Revoke</button>}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AddProfile({ onDone }: { onDone: (message: string) => void }) {
  const [f, setF] = useState({ id: '', bucket: '', region: 'us-east-1', endpoint: '', pathStyle: false, source: 'keychain', awsProfile: '', accessKeyId: '', secret: '', cfDomain: '', keyPairId: '', pem: '' });
  const [error, setError] = useState('');
  const set = (k: keyof typeof f) => (e: { target: { value: string; checked?: boolean; type?: string } }) => setF({ ...f, [k]: e.target.type === 'checkbox' ? Boolean(e.target.checked) : e.target.value });
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError('');
    try {
      await api().saveProfile({
        id: f.id, bucket: f.bucket, region: f.region, ...(f.endpoint ? { endpoint: f.endpoint } : {}), forcePathStyle: f.pathStyle,
        credentials: f.source === 'aws-profile' ? { source: 'aws-profile', awsProfile: f.awsProfile } : f.source === 'default-chain' ? { source: 'default-chain' } : { source: 'keychain' },
        link: f.cfDomain ? { kind: 'cloudfront', domain: f.cfDomain, keyPairId: f.keyPairId, hash: 'sha1' } : { kind: 's3' },
      });
      if (f.source === 'keychain' && f.accessKeyId) await api().setAwsSecret(f.id, { accessKeyId: f.accessKeyId, secretAccessKey: f.secret });
      let extra = '';
      if (f.cfDomain && f.pem) extra = ` ${(await api().importCloudFrontKey(f.id, f.pem)).message}`;
      setF({ ...f, secret: '' });
      onDone(`Profile ${f.id} saved.${extra}`);
    } catch (err) {
      setError(errorText(err));
    }
  }
  return (
    <details className="card add-profile">
      <summary>Add a profile</summary>
      <form onSubmit={(e) => void submit(e)} className="grid">
        <label className="field"><span>Name</span><input required value={f.id} onChange={set('id')} placeholder="work" /></label>
        <label className="field"><span>Bucket</span><input required value={f.bucket} onChange={set('bucket')} placeholder="my-bucket" /></label>
        <label className="field"><span>Region</span><input value={f.region} onChange={set('region')} /></label>
        <label className="field"><span>Endpoint (S3-compatible)</span><input value={f.endpoint} onChange={set('endpoint')} placeholder="https://s3.example.com" /></label>
        <label className="check"><input type="checkbox" checked={f.pathStyle} onChange={set('pathStyle')} /> Path-style addressing</label>
        <label className="field"><span>Credentials</span>
          <select value={f.source} onChange={set('source')}><option value="keychain">Access key (kept in the keychain)</option><option value="aws-profile">AWS config / SSO profile</option><option value="default-chain">AWS default credentials</option></select>
        </label>
        {f.source === 'keychain' && (<>
          <label className="field"><span>Access key id</span><input value={f.accessKeyId} onChange={set('accessKeyId')} autoComplete="off" /></label>
          <label className="field"><span>Secret access key</span><input type="password" value={f.secret} onChange={set('secret')} autoComplete="off" /></label>
        </>)}
        {f.source === 'aws-profile' && <label className="field"><span>AWS profile name</span><input value={f.awsProfile} onChange={set('awsProfile')} placeholder="dev-sso" /></label>}
        <label className="field"><span>CloudFront domain (optional)</span><input value={f.cfDomain} onChange={set('cfDomain')} placeholder="d111111abcdef8.cloudfront.net" /></label>
        {f.cfDomain && (<>
          <label className="field"><span>Key id</span><input value={f.keyPairId} onChange={set('keyPairId')} placeholder="K2JCJMDEHXQW5F" /></label>
          <label className="field"><span>Private key PEM file (path)</span><input value={f.pem} onChange={set('pem')} placeholder="/home/me/private_key.pem" /></label>
        </>)}
        {error && <p className="error" role="alert">{error}</p>}
        <button type="submit" className="primary">Save profile</button>
      </form>
    </details>
  );
}
