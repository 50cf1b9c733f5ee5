import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { CheckView, LinkView } from '../shared/desktop-api.js';
import { api, errorText } from './api.js';
import { formatWhen, timeLeft } from './format.js';

export const linkName = (link: Pick<LinkView, 'key'>): string => link.key.split('/').pop() ?? link.key;

/** Puts text on the clipboard; the promise says in words when it could not. */
export const copyText = (text: string): Promise<void> =>
  navigator.clipboard.writeText(text).catch((e: unknown) => {
    throw new Error(`Could not copy: ${errorText(e)}. Select the link and press Ctrl+C.`);
  });

/** The QR code of a link, made only when asked for (one at a time). */
export function LinkQr({ link }: { link: LinkView }) {
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(link.url, { margin: 1, width: 168, errorCorrectionLevel: 'L' }).then(
      (d) => live && setQr(d),
      () => live && setQr(undefined),
    );
    return () => {
      live = false;
    };
  }, [link.url]);
  return qr ? (
    <img className="qr" src={qr} alt={`QR code of the link to ${linkName(link)}`} width={168} height={168} />
  ) : null;
}

/** Check button and its answer in words. */
function CheckButton({ link }: { link: LinkView }) {
  const [check, setCheck] = useState<CheckView | { checking: true }>();
  return (
    <>
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
      <span
        className={`check ${!check || 'checking' in check ? '' : check.ok ? 'ok' : 'bad'}`}
        role="status"
        data-testid="check-result"
      >
        {!check ? '' : 'checking' in check ? 'Checking…' : check.message}
      </span>
    </>
  );
}

/**
 * One link in full: the URL with Copy, when it really stops working, warnings, Open, Check and
 * a QR code on demand. `copied`: this link is what the clipboard holds right now.
 */
export function ResultCard({
  link,
  copied,
  headingLevel = 3,
}: {
  link: LinkView;
  copied: boolean;
  headingLevel?: 2 | 3;
}) {
  const [, tick] = useState(0);
  const [copyState, setCopyState] = useState(copied ? 'copied' : '');
  const [showQr, setShowQr] = useState(false);
  // The clipboard changed hands (the parent says so): the button follows, whatever Copy said last.
  // Adjusted while rendering, not in an effect: no frame shows the stale state.
  const [copiedSeen, setCopiedSeen] = useState(copied);
  if (copied !== copiedSeen) {
    setCopiedSeen(copied);
    setCopyState(copied ? 'copied' : '');
  }
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(t);
  }, []);
  const shortened = link.effectiveExpiresAt !== link.expiresAt;
  const name = linkName(link);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card result" aria-label={`Link for ${name}`} data-testid="result-card">
      <div className="result-main">
        <Heading className="result-title" title={name}>
          {name}
        </Heading>
        <div className="url-row">
          <span
            className="drag-link"
            draggable
            title="Drag the link into a mail, a chat or a document"
            aria-hidden="true"
            data-testid="drag-link"
            onDragStart={(e) => {
              e.dataTransfer.setData('text/uri-list', link.url);
              e.dataTransfer.setData('text/plain', link.url);
              e.dataTransfer.effectAllowed = 'copy';
            }}
          >
            ⠿
          </span>
          <input
            className="url"
            readOnly
            value={link.url}
            aria-label={`Share link for ${name}`}
            data-testid="result-url"
            onFocus={(e) => e.target.select()}
          />
          <button
            type="button"
            className="primary copy"
            onClick={() =>
              copyText(link.url).then(
                () => setCopyState('copied'),
                (e: Error) => setCopyState(e.message),
              )
            }
          >
            {copyState === 'copied' ? 'Copied ✓' : 'Copy'}
          </button>
        </div>
        <p className="error small" role="alert">
          {copyState && copyState !== 'copied' ? copyState : ''}
        </p>
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
        {link.warnings.map((w, i) => (
          <p key={`${w.code}-${i}`} className="warning" role="note" data-testid="warning">
            {w.message}
          </p>
        ))}
        <div className="actions">
          {link.url.startsWith('https://') && (
            <button type="button" onClick={() => void api().openExternal(link.url)}>
              Open
            </button>
          )}
          <button type="button" aria-expanded={showQr} onClick={() => setShowQr((v) => !v)} data-testid="qr-toggle">
            {showQr ? 'Hide QR code' : 'QR code'}
          </button>
          <CheckButton link={link} />
        </div>
      </div>
      {showQr && <LinkQr link={link} />}
    </article>
  );
}
