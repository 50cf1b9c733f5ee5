import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { LinkView, ProfileView, ProgressView } from '../shared/desktop-api.js';
import { api, errorText } from './api.js';
import { ExpiryPicker } from './ExpiryPicker.js';
import { formatBytes, formatEta } from './format.js';
import { ResultCard } from './ResultCard.js';

interface Running {
  shareId: string;
  names: string[];
  progress: Record<string, ProgressView>;
}

export function ShareView({
  profiles,
  incoming,
  onShared,
}: {
  profiles: ProfileView[];
  incoming?: { id: number; paths: string[] } | undefined;
  onShared: () => void;
}) {
  const [profileId, setProfileId] = useState<string>('');
  const profile = profiles.find((p) => p.id === profileId) ?? profiles.find((p) => p.isDefault) ?? profiles[0];
  const [expires, setExpires] = useState<string>('');
  const [downloadName, setDownloadName] = useState('');
  const [inline, setInline] = useState(false);
  const [startAt, setStartAt] = useState('');
  const [ip, setIp] = useState('');
  const [viaS3, setViaS3] = useState(false);
  const [over, setOver] = useState(false);
  const [running, setRunning] = useState<Running>();
  const [links, setLinks] = useState<LinkView[]>([]);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const effectiveExpiry = expires || profile?.defaultExpiry || '1d';

  useEffect(
    () =>
      api().onProgress((p) =>
        setRunning((r) => (r && r.shareId === p.shareId ? { ...r, progress: { ...r.progress, [p.file]: p } } : r)),
      ),
    [],
  );

  // Files picked from the tray or the menu ("Share files…") are shared like a drop.
  const lastIncoming = useRef(0);
  useEffect(() => {
    if (incoming && incoming.id !== lastIncoming.current && !running) {
      lastIncoming.current = incoming.id;
      void share(incoming.paths);
    }
  });

  async function share(paths: string[]) {
    if (!profile) return setError('Add a profile in Settings first: it says which bucket your files go to.');
    if (paths.length === 0) return;
    setError('');
    setLinks([]);
    setCopied(false);
    const shareId = crypto.randomUUID();
    setRunning({ shareId, names: paths.map((p) => p.split(/[\\/]/).pop() ?? p), progress: {} });
    try {
      const result = await api().share(shareId, {
        paths,
        profileId: profile.id,
        expires: effectiveExpiry,
        options: {
          ...(downloadName && paths.length === 1 ? { downloadName } : {}),
          ...(inline ? { inline } : {}),
          ...(profile.link.kind === 'cloudfront' && !viaS3 && startAt
            ? { startAt: new Date(startAt).toISOString() }
            : {}),
          ...(profile.link.kind === 'cloudfront' && !viaS3 && ip ? { ipAddress: ip } : {}),
          ...(viaS3 ? { via: 's3' as const } : {}),
        },
      });
      setLinks(result);
      const text = result.map((l) => l.url).join('\n');
      await navigator.clipboard.writeText(text).then(
        () => setCopied(true),
        () => setCopied(false),
      );
      onShared();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setRunning(undefined);
    }
  }

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    void share(files.map((f) => api().pathForFile(f)).filter(Boolean));
  }

  const s3Over7Days =
    profile?.link.kind !== 'cloudfront' &&
    /^\d{4}-/.test(effectiveExpiry) &&
    new Date(effectiveExpiry).getTime() - Date.now() > 7 * 86_400_000;
  const cloudFrontProfile = profiles.find((p) => p.link.kind === 'cloudfront');

  return (
    <section aria-labelledby="share-title" className="view">
      <h2 id="share-title" className="visually-hidden">
        Share files
      </h2>
      <div
        className={`dropzone ${over ? 'over' : ''} ${running ? 'busy' : ''}`}
        data-testid="dropzone"
        onDragEnter={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragOver={(e) => e.preventDefault()}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <div className="drop-icon" aria-hidden="true">
          ⇪
        </div>
        <p className="drop-title">Drop files or folders to share</p>
        <p className="muted">
          They upload to <strong>{profile ? `s3://${profile.bucket}` : 'your bucket'}</strong>; the link lands on your
          clipboard.
        </p>
        <button
          type="button"
          className="primary"
          onClick={() => fileInput.current?.click()}
          disabled={Boolean(running)}
        >
          Choose files…
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="file-input"
          onChange={(e) => {
            void share([...(e.target.files ?? [])].map((f) => api().pathForFile(f)));
            e.target.value = '';
          }}
        />
      </div>

      <div className="options card">
        <label className="field">
          <span>Profile</span>
          <select value={profile?.id ?? ''} onChange={(e) => setProfileId(e.target.value)} data-testid="profile-select">
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.link.kind === 'cloudfront' ? ' (CloudFront)' : ''}
              </option>
            ))}
          </select>
        </label>
        <ExpiryPicker
          value={effectiveExpiry}
          onChange={setExpires}
          {...(profile ? { profileDefault: profile.defaultExpiry } : {})}
        />
        {s3Over7Days && (
          <p className="warning" role="alert">
            S3 links live at most 7 days.{' '}
            {cloudFrontProfile
              ? `Use the CloudFront profile "${cloudFrontProfile.name}" for longer links.`
              : 'Add a CloudFront profile in Settings for longer links.'}
          </p>
        )}
        <details>
          <summary>More options</summary>
          <div className="grid">
            <label className="field">
              <span>Download name</span>
              <input
                value={downloadName}
                onChange={(e) => setDownloadName(e.target.value)}
                placeholder="same as the file"
              />
            </label>
            <label className="check">
              <input type="checkbox" checked={inline} onChange={(e) => setInline(e.target.checked)} /> Show in the
              browser instead of downloading
            </label>
            {profile?.link.kind === 'cloudfront' && (
              <>
                <label className="field">
                  <span>Not before</span>
                  <input type="datetime-local" value={startAt} onChange={(e) => setStartAt(e.target.value)} />
                </label>
                <label className="field">
                  <span>Only from IP / range</span>
                  <input value={ip} onChange={(e) => setIp(e.target.value)} placeholder="203.0.113.0/24" />
                </label>
                <label className="check">
                  <input type="checkbox" checked={viaS3} onChange={(e) => setViaS3(e.target.checked)} /> Plain S3 link
                  instead of CloudFront
                </label>
              </>
            )}
          </div>
        </details>
      </div>

      {running && (
        <div className="card progress-list" aria-live="polite" data-testid="progress">
          {running.names.map((n) => {
            const p = Object.values(running.progress).find((x) => x.file.endsWith(n));
            return (
              <div key={n} className="progress-row">
                <span className="name">{n}</span>
                <progress max={100} value={p?.percent ?? 0} aria-label={`Upload of ${n}`} />
                <span className="muted nums">
                  {p
                    ? `${p.percent.toFixed(0)}% · ${formatBytes(p.loaded)} of ${formatBytes(p.total)} · ${formatBytes(p.rate)}/s${p.etaSeconds !== undefined ? ` · ${formatEta(p.etaSeconds)} left` : ''}`
                    : 'Starting…'}
                </span>
              </div>
            );
          })}
          <button type="button" onClick={() => void api().cancelShare(running.shareId)} data-testid="cancel">
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert" data-testid="error">
          {error}
        </p>
      )}
      {links.length > 0 && copied && (
        <p className="toast" role="status" data-testid="copied">
          {links.length === 1 ? 'Link copied to the clipboard' : `${links.length} links copied to the clipboard`}
        </p>
      )}
      {links.map((l) => (
        <ResultCard key={l.id} link={l} copied={copied} />
      ))}
    </section>
  );
}
