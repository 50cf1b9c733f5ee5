import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import type { LinkRecordView, LinkView } from '../shared/desktop-api.js';
import { api, errorText } from './api.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { formatShortWhen, formatWhen, timeLeft } from './format.js';
import { useNow } from './now.js';
import { ResultCard } from './ResultCard.js';
import { rovingKeyDown } from './roving.js';

const SOURCE_LABELS = { desktop: 'Desktop', extension: 'Browser', cli: 'CLI' } as const;
const FILTERS = ['active', 'expired', 'all'] as const;

/** `version` changes when a share finishes (the newest finished share's id): the list loads again. */
export function HistoryView({ version }: { version: string | undefined }) {
  const [filter, setFilter] = useState<'active' | 'expired' | 'all'>('active');
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<LinkRecordView[]>([]);
  const [message, setMessage] = useState('');
  /** The fresh link of a renew, shown right under the row it came from (where the user clicked). */
  const [renewed, setRenewed] = useState<{ fromId: string; link: LinkView; copied: boolean }>();
  const [confirm, setConfirm] = useState<{ id: string; name: string; text: string; canDelete: boolean }>();
  const [problems, setProblems] = useState<string[]>([]);
  const renewedRef = useRef<HTMLTableRowElement>(null);
  /** For "is any row expired" (the Remove expired links button); checked again every half minute. */
  const now = useNow(30_000);
  // Searches are answered out of order sometimes: only the newest request's answer is shown.
  const requestNo = useRef(0);
  const load = useCallback(async () => {
    const n = ++requestNo.current;
    await Promise.all([
      api()
        .listLinks({ filter, ...(search ? { search } : {}) })
        .then(
          (r) => n === requestNo.current && setRows(r),
          (e) => n === requestNo.current && setMessage(errorText(e)),
        ),
      api()
        .historyProblems()
        .then(
          (p) => n === requestNo.current && setProblems(p),
          () => setProblems([]),
        ),
    ]);
  }, [filter, search]);
  // reload whenever the filter, the search or the newest finished share changes
  useEffect(() => void load(), [load, version]);
  useEffect(() => {
    if (renewed) renewedRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [renewed]);

  useEffect(() => {
    const t = setTimeout(() => setMessage(''), 8000);
    return () => clearTimeout(t);
  }, [message]);
  const act = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      setMessage(ok);
      await load();
    } catch (e) {
      setMessage(errorText(e));
    }
  };
  const renew = (r: LinkRecordView) =>
    void api()
      .renewLink(r.id)
      .then(
        async (link) => {
          // As after a share: the new link goes on the clipboard at once.
          const copied = await navigator.clipboard.writeText(link.url).then(
            () => true,
            () => false,
          );
          setRenewed({ fromId: r.id, link, copied });
          setMessage(copied ? 'A fresh link was made and copied to the clipboard.' : 'A fresh link was made.');
          await load();
        },
        (e) => setMessage(errorText(e)),
      );
  return (
    <section className="view" aria-labelledby="history-title">
      <div className="toolbar">
        <h2 id="history-title">Links</h2>
        <div className="segmented" role="radiogroup" aria-label="Which links">
          {FILTERS.map((f) => (
            <button
              key={f}
              type="button"
              role="radio"
              aria-checked={filter === f}
              tabIndex={filter === f ? 0 : -1}
              data-value={f}
              onKeyDown={(e) => rovingKeyDown(e, FILTERS, filter, setFilter)}
              className={filter === f ? 'on' : ''}
              onClick={() => setFilter(f)}
            >
              {f.charAt(0).toUpperCase() + f.slice(1)}
            </button>
          ))}
        </div>
        <input
          type="search"
          placeholder="Search file, bucket, profile"
          aria-label="Search links"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {filter !== 'active' &&
        (rows.some((r) => r.revokedAt || Date.parse(r.effectiveExpiresAt) <= now) || problems.length > 0) && (
          <div className="actions">
            <button
              type="button"
              data-testid="prune"
              onClick={() =>
                void api()
                  .pruneExpired()
                  .then(
                    (n) => {
                      setMessage(
                        n === 1
                          ? '1 expired link was removed from the history.'
                          : `${n} expired links were removed from the history.`,
                      );
                      return load();
                    },
                    (e) => setMessage(errorText(e)),
                  )
              }
            >
              Remove expired links
            </button>
          </div>
        )}
      <p className="toast-float" role="status" data-testid="history-message">
        {message}
      </p>
      {problems.map((p, i) => (
        <p key={`${i}-${p}`} className="warning" role="alert" data-testid="history-problem">
          {p}
        </p>
      ))}
      {confirm && (
        <ConfirmDialog
          title={`Revoke the link to ${confirm.name}?`}
          confirmLabel="Delete the object"
          cancelLabel="Keep it"
          danger
          onClose={() => setConfirm(undefined)}
          onConfirm={() => {
            const id = confirm.id;
            setConfirm(undefined);
            void act(() => api().revokeLink(id, true), 'The object was deleted: the link no longer works.');
          }}
        >
          <p>{confirm.text}</p>
        </ConfirmDialog>
      )}
      {rows.length === 0 ? (
        <p className="empty card muted" data-testid="history-empty">
          {search
            ? `No link matches “${search}”.`
            : filter === 'active'
              ? 'No active links. Share a file and it shows up here — links made with the CLI and the browser extension too.'
              : filter === 'expired'
                ? 'No expired links.'
                : 'No links yet.'}
        </p>
      ) : (
        <table className="history" data-testid="history">
          <colgroup>
            <col />
            <col className="c-when" />
            <col className="c-left" />
            <col className="c-from" />
            <col className="c-actions" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Made</th>
              <th scope="col">Time left</th>
              <th scope="col">From</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Fragment key={r.id}>
                <tr>
                  <td className="file">
                    <span className="name" title={r.file?.name ?? r.key}>
                      {r.file?.name ?? r.key.split('/').pop()}
                    </span>
                    <span className="muted small path" title={`s3://${r.bucket}/${r.key}`}>
                      s3://{r.bucket}/{r.key}
                    </span>
                  </td>
                  <td className="when" title={formatWhen(r.createdAt)}>
                    {formatShortWhen(r.createdAt)}
                  </td>
                  <td className="left">
                    {r.revokedAt ? <span className="muted">Revoked</span> : timeLeft(r.effectiveExpiresAt)}
                  </td>
                  <td>
                    <span className={`badge source-${r.source}`}>{SOURCE_LABELS[r.source]}</span>
                  </td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        aria-label={`Copy link to ${r.key}`}
                        onClick={() =>
                          void act(
                            async () => navigator.clipboard.writeText(await api().getLinkUrl(r.id)),
                            'Link copied to the clipboard',
                          )
                        }
                      >
                        Copy
                      </button>
                      {!r.revokedAt && (
                        <button
                          type="button"
                          aria-label={`Renew link to ${r.key}`}
                          data-testid="renew"
                          onClick={() => renew(r)}
                        >
                          Renew
                        </button>
                      )}
                      {!r.revokedAt && (
                        <button
                          type="button"
                          aria-label={`Revoke link to ${r.key}`}
                          onClick={() =>
                            void api()
                              .describeRevocation(r.id)
                              .then(
                                (d) =>
                                  setConfirm({
                                    id: r.id,
                                    name: r.file?.name ?? r.key.split('/').pop() ?? r.key,
                                    text: d.message,
                                    canDelete: d.canDeleteObject,
                                  }),
                                (e) => setMessage(errorText(e)),
                              )
                          }
                        >
                          Revoke…
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
                {renewed?.fromId === r.id && (
                  <tr className="renewed-row" ref={renewedRef}>
                    <td colSpan={5}>
                      <ResultCard link={renewed.link} copied={renewed.copied} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
