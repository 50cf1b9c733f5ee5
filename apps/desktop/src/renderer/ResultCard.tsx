import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { CheckView, LinkView } from '../shared/desktop-api.js';
import { api, errorText } from './api.js';
import { formatWhen, timeLeft } from './format.js';

export function ResultCard({ link, copied }: { link: LinkView; copied: boolean }) {
  const [qr, setQr] = useState<string>();
  const [check, setCheck] = useState<CheckView | { checking: true }>();
  const [, tick] = useState(0);
  const [copyState, setCopyState] = useState('');
  useEffect(() => setCopyState(copied ? 'copied' : ''), [copied]);
  useEffect(() => {
    void QRCode.toDataURL(link.url, { margin: 1, width: 168, errorCorrectionLevel: 'L' }).then(setQr, () =>
      setQr(undefined),
    );
    const t = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(t);
  }, [link.url]);
  const shortened = link.effectiveExpiresAt !== link.expiresAt;
  const name = link.key.split('/').pop();
  return (
    <article className="card result" aria-label={`Link for ${name}`} data-testid="result-card">
      <div className="result-main">
        <h3>{name}</h3>
        <div className="url-row">
          <input
            className="url"
            readOnly
            value={link.url}
            aria-label="Share link"
            data-testid="result-url"
            onFocus={(e) => e.target.select()}
          />
          <button
            type="button"
            className="primary copy"
            aria-describedby={`${link.id}-copy-state`}
            onClick={() =>
              navigator.clipboard.writeText(link.url).then(
                () => setCopyState('copied'),
                (e) => setCopyState(`Could not copy: ${errorText(e)}. Select the link and press Ctrl+C.`),
              )
            }
          >
            {copyState === 'copied' ? 'Copied ✓' : 'Copy'}
          </button>
        </div>
        {copyState && copyState !== 'copied' && (
          <p className="error small" role="alert">
            {copyState}
          </p>
        )}
        <span id={`${link.id}-copy-state`} className="visually-hidden" role="status">
          {copyState === 'copied' ? 'Link copied to the clipboard' : ''}
        </span>
        <dl className="facts">
          <dt>Works until</dt>
          <dd data-testid="effective-expiry">
            {formatWhen(link.effectiveExpiresAt)} <span className="muted">({timeLeft(link.effectiveExpiresAt)})</span>
          </dd>
          {shortened && (
            <>
              <dt>You asked for</dt>
              <dd>{formatWhen(link.expiresAt)}</dd>
            </>
          )}
          <dt>Kind</dt>
          <dd>
            {link.kind === 'cloudfront' ? 'CloudFront signed URL' : 'S3 presigned URL'} · profile {link.profileId}
          </dd>
        </dl>
        {link.warnings.map((w) => (
          <p key={w.code} className="warning" role="note" data-testid="warning">
            {w.message}
          </p>
        ))}
        <div className="actions">
          {link.url.startsWith('https://') && (
            <button type="button" onClick={() => void api().openExternal(link.url)}>
              Open
            </button>
          )}
          <button
            type="button"
            onClick={() => {
              setCheck({ checking: true });
              void api()
                .checkLink(link.url)
                .then(setCheck, (e) => setCheck({ status: 'error', ok: false, message: errorText(e) }));
            }}
          >
            Check
          </button>
          {check && (
            <span
              className={`check ${'checking' in check ? '' : check.ok ? 'ok' : 'bad'}`}
              role="status"
              data-testid="check-result"
            >
              {'checking' in check ? 'Checking…' : check.message}
            </span>
          )}
        </div>
      </div>
      {qr && <img className="qr" src={qr} alt={`QR code of the link to ${name}`} width={168} height={168} />}
    </article>
  );
}
