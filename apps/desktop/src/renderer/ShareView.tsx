import { DEFAULT_EXPIRY } from '@signet/core/browser';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { ProfileView, ShareRequestView } from '../shared/desktop-api.js';
import { api } from './api.js';
import { ExpiryPicker } from './ExpiryPicker.js';
import { useNow } from './now.js';
import { ResultList } from './ResultList.js';
import type { ShareJob } from './share-queue.js';

/** What the user chose for the next share; kept by the app so a look at another tab keeps it. */
export interface ShareSettings {
  profileId: string;
  /** '' means the profile's default. */
  expires: string;
  downloadName: string;
  inline: boolean;
  startAt: string;
  ip: string;
  viaS3: boolean;
}

export const DEFAULT_SHARE_SETTINGS: ShareSettings = {
  profileId: '',
  expires: '',
  downloadName: '',
  inline: false,
  startAt: '',
  ip: '',
  viaS3: false,
};

function chosenProfile(profiles: ProfileView[], s: ShareSettings): ProfileView | undefined {
  return profiles.find((p) => p.id === s.profileId) ?? profiles.find((p) => p.isDefault) ?? profiles[0];
}

/** The share request (without paths) for these settings; undefined without a profile. */
export function shareRequestFor(
  profiles: ProfileView[],
  s: ShareSettings,
  fileCount: number,
): Omit<ShareRequestView, 'paths'> | undefined {
  const profile = chosenProfile(profiles, s);
  if (!profile) return undefined;
  const cf = profile.link.kind === 'cloudfront' && !s.viaS3;
  return {
    profileId: profile.id,
    expires: s.expires || profile.defaultExpiry || DEFAULT_EXPIRY,
    options: {
      ...(s.downloadName && fileCount === 1 ? { downloadName: s.downloadName } : {}),
      ...(s.inline ? { inline: true } : {}),
      ...(cf && s.startAt ? { startAt: new Date(s.startAt).toISOString() } : {}),
      ...(cf && s.ip ? { ipAddress: s.ip } : {}),
      ...(s.viaS3 ? { via: 's3' as const } : {}),
    },
  };
}

export function ShareView({
  profiles,
  settings,
  onSettings,
  onShare,
  result,
  onSetUpCloudFront,
}: {
  profiles: ProfileView[];
  settings: ShareSettings;
  onSettings: (patch: Partial<ShareSettings>) => void;
  /** Queues a share of these absolute paths with the current settings. */
  onShare: (paths: string[]) => void;
  /** The newest finished share, if any. */
  result: ShareJob | undefined;
  /** Opens Settings at "Set up CloudFront" for this profile's bucket (offered when S3 refuses > 7 days). */
  onSetUpCloudFront?: (profileId: string) => void;
}) {
  const profile = chosenProfile(profiles, settings);
  const [over, setOver] = useState(false);
  /** A Copy in the result list since the share: what the clipboard holds now (for this result only). */
  const [copiedNow, setCopiedNow] = useState<{ id: string; words: string }>();
  const fileInput = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const effectiveExpiry = settings.expires || profile?.defaultExpiry || DEFAULT_EXPIRY;
  // Only for "more than 7 days from now": a minute either way does not change the answer.
  const now = useNow(60_000);

  // A new result scrolls into view: at 800×600 it is below the fold.
  const resultId = result?.id;
  useEffect(() => {
    if (resultId) resultRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [resultId]);

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    onShare([...e.dataTransfer.files].map((f) => api().pathForFile(f)).filter(Boolean));
  }

  const s3Over7Days =
    profile?.link.kind !== 'cloudfront' &&
    /^\d{4}-/.test(effectiveExpiry) &&
    new Date(effectiveExpiry).getTime() - now > 7 * 86_400_000;
  const cloudFrontProfile = profiles.find((p) => p.link.kind === 'cloudfront');

  return (
    <section aria-labelledby="share-title" className="view share-view">
      <div
        className={`dropzone ${over ? 'over' : ''}`}
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
        <h2 id="share-title" className="drop-title">
          Drop files or folders to share
        </h2>
        <p className="muted">
          They upload to <strong>{profile ? `s3://${profile.bucket}` : 'your bucket'}</strong>; the link lands on your
          clipboard. You can also paste files here.
        </p>
        <button type="button" className="primary" onClick={() => fileInput.current?.click()}>
          Choose files…
        </button>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="file-input"
          onChange={(e) => {
            onShare([...(e.target.files ?? [])].map((f) => api().pathForFile(f)).filter(Boolean));
            e.target.value = '';
          }}
        />
      </div>

      <div className="options card">
        <label className="field">
          <span>Profile</span>
          <select
            value={profile?.id ?? ''}
            onChange={(e) => onSettings({ profileId: e.target.value })}
            data-testid="profile-select"
            title={profile ? `${profile.name} · s3://${profile.bucket}` : undefined}
          >
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
          onChange={(expires) => onSettings({ expires })}
          {...(profile ? { profileDefault: profile.defaultExpiry } : {})}
        />
        <p className="warning span-all" role="alert" data-testid="expiry-warning">
          {s3Over7Days &&
            `S3 links live at most 7 days. ${
              cloudFrontProfile
                ? `Use the CloudFront profile "${cloudFrontProfile.name}" for longer links.`
                : 'Add a CloudFront profile in Settings for longer links.'
            }`}
          {s3Over7Days && !cloudFrontProfile && profile && onSetUpCloudFront && (
            <>
              {' '}
              <button type="button" onClick={() => onSetUpCloudFront(profile.id)} data-testid="expiry-setup-cloudfront">
                Set up CloudFront…
              </button>
            </>
          )}
        </p>
        <details className="span-all">
          <summary>More options</summary>
          <div className="grid">
            <label className="field">
              <span>Download name</span>
              <input
                value={settings.downloadName}
                onChange={(e) => onSettings({ downloadName: e.target.value })}
                placeholder="same as the file"
              />
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={settings.inline}
                onChange={(e) => onSettings({ inline: e.target.checked })}
              />{' '}
              Show in the browser instead of downloading
            </label>
            {profile?.link.kind === 'cloudfront' && (
              <>
                <label className="field">
                  <span>Not before</span>
                  <input
                    type="datetime-local"
                    value={settings.startAt}
                    onChange={(e) => onSettings({ startAt: e.target.value })}
                  />
                </label>
                <label className="field">
                  <span>Only from IP / range</span>
                  <input
                    value={settings.ip}
                    onChange={(e) => onSettings({ ip: e.target.value })}
                    placeholder="203.0.113.0/24"
                  />
                </label>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={settings.viaS3}
                    onChange={(e) => onSettings({ viaS3: e.target.checked })}
                  />{' '}
                  Plain S3 link instead of CloudFront
                </label>
              </>
            )}
          </div>
        </details>
      </div>

      <div ref={resultRef} className="results">
        <div className="result-notes">
          <p className="toast" role="status" data-testid={result?.copied ? 'copied' : 'copied-none'}>
            {(copiedNow?.id === result?.id ? copiedNow?.words : undefined) ??
              (result?.copied
                ? result.links.length === 1
                  ? 'Link copied to the clipboard'
                  : `${result.links.length} links copied to the clipboard, one a line`
                : '')}
          </p>
          {/* Unfinished uploads an earlier lost connection left, aborted by this share: worth a word. */}
          <p className="cleanup-note" role="status" data-testid="cleaned-up">
            {result?.cleanedUp ?? ''}
          </p>
        </div>
        {result && (
          <ResultList
            key={result.id}
            links={result.links}
            copiedAll={Boolean(result.copied)}
            onCopied={(words) => setCopiedNow({ id: result.id, words })}
          />
        )}
      </div>
    </section>
  );
}
