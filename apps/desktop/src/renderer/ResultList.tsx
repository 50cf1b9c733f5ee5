import { useState } from 'react';
import type { LinkView } from '../shared/desktop-api.js';
import { timeLeft } from './format.js';
import { copyText, LinkQr, linkName, ResultCard } from './ResultCard.js';

/**
 * The links of a finished share. One link: the full card. Several: one compact row each (name,
 * time left, Copy), Copy all on top, and at most one QR code, on demand. `copiedAll`: the
 * clipboard holds every link (one a line), as it does right after the share.
 */
/**
 * The names of several links: each key after the folder all of them share, so the files of a
 * dropped folder read "a.txt", "sub/deep.bin" (two IMG_0001.jpg in different sub-folders stay apart);
 * links that share no folder get their last segment.
 */
function rowNames<L extends Pick<LinkView, 'key'>>(links: L[]): { link: L; name: string }[] {
  const dirs = links.map((l) => l.key.split('/').slice(0, -1));
  const [first = []] = dirs;
  let common = 0;
  // A shorter folder list has nothing at `common` and stops the loop; no links: no loop at all.
  while (common < first.length && dirs.every((d) => d[common] === first[common])) common++;
  return links.map((link) => ({ link, name: link.key.split('/').slice(common).join('/') || linkName(link) }));
}

export function ResultList({
  links,
  copiedAll,
  onCopied,
}: {
  links: LinkView[];
  copiedAll: boolean;
  /** After a Copy here: what the clipboard holds now, in words (the note above the list says it). */
  onCopied?: (words: string) => void;
}) {
  // What the clipboard holds, as far as this list knows: every link, one of them, or nothing.
  const [onClipboard, setOnClipboard] = useState<'all' | string | undefined>(copiedAll ? 'all' : undefined);
  const [qrFor, setQrFor] = useState<string>();
  const [error, setError] = useState('');
  // New links or a new word from the parent about the clipboard: start again from what it says
  // (adjusted while rendering, not in an effect: no frame shows the old links' state).
  const [seen, setSeen] = useState({ copiedAll, links });
  if (seen.copiedAll !== copiedAll || seen.links !== links) {
    setSeen({ copiedAll, links });
    setOnClipboard(copiedAll ? 'all' : undefined);
  }
  const [only] = links;
  if (only && links.length === 1) return <ResultCard link={only} copied={copiedAll} headingLevel={2} />;
  const copy = (text: string, what: 'all' | string, words: string) =>
    copyText(text).then(
      () => {
        setError('');
        setOnClipboard(what);
        onCopied?.(words);
      },
      (e: Error) => setError(e.message),
    );
  const rows = rowNames(links);
  const qrRow = rows.find((r) => r.link.id === qrFor);
  return (
    <section className="card result-list" aria-labelledby="result-list-title" data-testid="result-list">
      <div className="result-list-head">
        <h2 id="result-list-title">{links.length} links</h2>
        <button
          type="button"
          className="primary"
          onClick={() =>
            void copy(
              links.map((l) => l.url).join('\n'),
              'all',
              `${links.length} links copied to the clipboard, one a line`,
            )
          }
          data-testid="copy-all"
        >
          {onClipboard === 'all' ? 'All copied ✓' : 'Copy all'}
        </button>
      </div>
      <p className="error small" role="alert">
        {error}
      </p>
      <ul className="link-rows">
        {rows.map(({ link: l, name }) => {
          return (
            <li key={l.id} data-testid="result-row">
              <span className="name" title={l.key}>
                {name}
              </span>
              <span className="muted small nums">{timeLeft(l.effectiveExpiresAt)}</span>
              {l.warnings.length > 0 && (
                <span className="warn-text small" title={l.warnings.map((w) => w.message).join('\n')}>
                  ! shortened
                </span>
              )}
              <span className="row-actions">
                <button
                  type="button"
                  onClick={() => void copy(l.url, l.id, `The link to ${name} is on the clipboard`)}
                  data-testid="copy-one"
                >
                  {onClipboard === l.id ? 'Copied' : 'Copy'}
                  <span className="visually-hidden"> link to {name}</span>
                  {onClipboard === l.id && <span aria-hidden="true"> ✓</span>}
                </button>
                <button
                  type="button"
                  aria-pressed={qrFor === l.id}
                  aria-label={`QR code of the link to ${name}`}
                  onClick={() => setQrFor((v) => (v === l.id ? undefined : l.id))}
                >
                  QR
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {qrRow && (
        <div className="qr-box" data-testid="qr-box">
          <LinkQr link={qrRow.link} />
          <span className="small">{qrRow.name}</span>
        </div>
      )}
    </section>
  );
}
