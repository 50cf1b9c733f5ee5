import { formatBytes, formatEta } from './format.js';
import { baseName, overallProgress, shareQueue, type FileProgress, type ShareJob } from './share-queue.js';

/** The name a file row shows: its path inside what was dropped ("photos/2024/a.jpg"). */
function displayName(job: ShareJob, p: FileProgress): string {
  if (p.name) return p.name;
  const root = job.paths.find((r) => p.file === r || p.file.startsWith(`${r.replace(/[\\/]+$/, '')}/`));
  return root && root !== p.file
    ? `${baseName(root)}/${p.file.slice(root.replace(/[\\/]+$/, '').length + 1)}`
    : baseName(p.file);
}

function fileLine(p: FileProgress): string {
  if (p.percent >= 100) return `Uploaded · ${formatBytes(p.total)}`;
  const eta = p.etaSeconds !== undefined && p.etaSeconds > 0 ? ` · ${formatEta(p.etaSeconds)} left` : '';
  // No rate in the first second (the meter waits for one it can trust), not "0 B/s".
  const rate = p.rate > 0 ? ` · ${formatBytes(p.rate)}/s` : '';
  return `${p.percent.toFixed(0)}% · ${formatBytes(p.loaded)} of ${formatBytes(p.total)}${rate}${eta}`;
}

/** First sentence of an error for the line; the whole text folds away under Details. */
function splitError(text: string): { summary: string; details?: string } {
  const m = /^(.{20,200}?[.!?])\s+(\S[\s\S]*)$/.exec(text);
  const first = m?.[1];
  return first && text.length > 160 ? { summary: first, details: text } : { summary: text };
}

/**
 * Every share of this window: the running one with per-file and overall progress and Cancel,
 * the ones waiting, and the ones that failed (with Retry). Shown above every view.
 */
export function SharePanel({ jobs, onShow }: { jobs: ShareJob[]; onShow?: (() => void) | undefined }) {
  const visible = jobs.filter((j) => j.state !== 'done' && !(j.state === 'cancelled' && !j.error));
  const done = jobs.find((j) => j.state === 'done');
  return (
    <div className="share-panel" data-testid="share-panel">
      {visible.map((job) => (
        <JobCard key={job.id} job={job} />
      ))}
      {done && onShow && (
        <div className="card job done-line" data-testid="share-done">
          <span>
            {done.links.length === 1 ? 'The link to' : `${done.links.length} links to`} <strong>{done.label}</strong>{' '}
            {done.copied ? (done.links.length === 1 ? 'is on the clipboard.' : 'are on the clipboard.') : 'are ready.'}
          </span>
          <button type="button" onClick={onShow}>
            Show
          </button>
        </div>
      )}
    </div>
  );
}

function JobCard({ job }: { job: ShareJob }) {
  const all = overallProgress(job);
  const rows = Object.values(job.files).sort((a, b) => (a.fileIndex ?? 0) - (b.fileIndex ?? 0));
  /** The one file of a single-file share: its line replaces the list. */
  const only = rows.length === 1 && (all.count ?? 1) <= 1 ? rows[0] : undefined;
  const title =
    job.state === 'queued'
      ? 'Waiting'
      : job.state === 'running'
        ? job.cancelling
          ? 'Cancelling'
          : 'Uploading'
        : job.state === 'failed'
          ? 'Share failed'
          : 'Cancelled';
  const err = job.error ? splitError(job.error) : undefined;
  return (
    <section
      className={`card job ${job.state}`}
      aria-label={`${title}: ${job.label}`}
      data-testid={job.state === 'running' ? 'progress' : `job-${job.state}`}
    >
      <div className="job-head">
        <h2 className="job-title">
          {title}:{' '}
          <span className="name" title={job.paths.join('\n')}>
            {job.label}
          </span>
        </h2>
        {job.state === 'running' && (rows.length > 1 || (all.count ?? 1) > 1) && (
          <span className="muted nums" data-testid="overall">
            {all.count !== undefined && all.count > 1 ? `${Math.min(all.done + 1, all.count)} of ${all.count} · ` : ''}
            {all.total > 0 ? `${all.percent.toFixed(0)}% of ${formatBytes(all.total)}` : 'Starting…'}
          </span>
        )}
        <span className="job-actions">
          {(job.state === 'running' || job.state === 'queued') && (
            <button
              type="button"
              onClick={() => shareQueue.cancel(job.id)}
              disabled={job.cancelling}
              data-testid="cancel"
              aria-label={`Cancel the share of ${job.label}`}
            >
              Cancel
            </button>
          )}
          {(job.state === 'failed' || job.state === 'cancelled') && (
            <>
              <button type="button" className="primary" onClick={() => shareQueue.retry(job.id)} data-testid="retry">
                Retry
              </button>
              <button type="button" onClick={() => shareQueue.dismiss(job.id)} aria-label={`Dismiss ${job.label}`}>
                Dismiss
              </button>
            </>
          )}
        </span>
      </div>
      {job.state === 'running' && (
        <>
          <progress className="overall" max={100} value={all.percent} aria-label={`Share of ${job.label}, overall`} />
          {(rows.length > 1 || (all.count ?? 1) > 1) && (
            <ul className="file-rows" aria-label="Files">
              {rows.map((p) => {
                const name = displayName(job, p);
                return (
                  <li key={p.file} className="progress-row" data-testid="file-row" data-path={p.file}>
                    <span className="name" title={name}>
                      {name}
                    </span>
                    <progress max={100} value={p.percent} aria-label={`Upload of ${name}`} />
                    <span className="muted nums">{fileLine(p)}</span>
                  </li>
                );
              })}
            </ul>
          )}
          {only && (
            <p className="muted nums single-line" data-testid="file-line">
              {fileLine(only)}
            </p>
          )}
        </>
      )}
      {err && (
        <div className="job-error" data-testid="error">
          {err.summary}
          {err.details && (
            <details>
              <summary>Details</summary>
              <p className="small">{err.details}</p>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
