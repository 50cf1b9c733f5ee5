// "Check setup" on a profile (issue 14): the doctor report — the same checks `signet doctor`
// runs, read from the real configuration, changing nothing. Each check is shown with a marker in
// words and a symbol (OK / Problem / Skipped, never colour alone), what was found, and for a
// problem the fix in one sentence.
import { useId, useState } from 'react';
import type { DoctorReportView } from '../shared/cloudfront-api.js';
import { api, errorText } from './api.js';
import './cloudfront.css';

const MARKS = {
  ok: { mark: '✓', words: 'OK' },
  problem: { mark: '✗', words: 'Problem' },
  skipped: { mark: '–', words: 'Skipped' },
} as const;

export function CheckSetup({ profileId, profileName }: { profileId: string; profileName: string }) {
  const [report, setReport] = useState<DoctorReportView>();
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState('');
  const titleId = useId();

  const check = async () => {
    setChecking(true);
    setError('');
    try {
      setReport(await api().checkSetup(profileId));
    } catch (e) {
      setReport(undefined);
      setError(errorText(e));
    } finally {
      setChecking(false);
    }
  };
  const problems = report?.checks.filter((c) => c.status === 'problem').length ?? 0;

  return (
    <div className="check-setup" data-testid="check-setup">
      <button type="button" onClick={() => void check()} disabled={checking} data-testid="check-setup-button">
        {checking ? 'Checking…' : report ? 'Check again' : 'Check setup'}
      </button>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {report && (
        <section className="doctor-report" aria-labelledby={titleId} data-testid="doctor-report">
          <div role="status">
            <h4 id={titleId}>
              {report.ok
                ? `Setup of ${profileName}: all ${report.checks.length} checks are OK`
                : `Setup of ${profileName}: ${problems} problem${problems === 1 ? '' : 's'} found`}
            </h4>
          </div>
          <ul className="doctor-checks">
            {report.checks.map((c) => (
              <li
                key={c.id}
                className={`doctor-check doctor-${c.status}`}
                data-testid={`doctor-${c.id}`}
                data-status={c.status}
              >
                <span className="doctor-mark">
                  <span aria-hidden="true">{MARKS[c.status].mark} </span>
                  {MARKS[c.status].words}
                </span>
                <div>
                  <strong>{c.title}</strong>
                  <p className="small">{c.detail}</p>
                  {c.fix && (
                    <p className="small doctor-fix" data-testid="doctor-fix">
                      <strong>Fix:</strong> {c.fix}
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
