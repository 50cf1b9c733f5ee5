// "Set up CloudFront" (issue 14), in Settings and offered where an S3 link is refused for asking
// more than 7 days. The plan shown is the dry run — exactly what `signet cloudfront setup
// --dry-run` prints, computed by main with the same code — and nothing changes until Apply.
// While it applies, each step shows its state in words and a symbol (never colour alone); after
// a failure, the message says what was rolled back and what is left. After a set-up that worked,
// the window watches the deployment ("Deploying…" until CloudFront reports Deployed) while the
// form is open. The private key is made and stored in main: the window only ever sees key ids.
import { useEffect, useId, useRef, useState } from 'react';
import type { CloudFrontSetupRequestView, CloudFrontSetupView, SetupStepEventView } from '../shared/cloudfront-api.js';
import type { ProfileView } from '../shared/desktop-api.js';
import { api, errorText } from './api.js';
import { DeploymentWatch } from './DeploymentWatch.js';
import './cloudfront.css';

type StepState = 'pending' | 'running' | 'done' | 'skipped' | 'undone' | 'failed' | 'notrun';

const STEP_WORDS: Record<StepState, { mark: string; words: string }> = {
  pending: { mark: '○', words: 'Waiting' },
  running: { mark: '…', words: 'Running' },
  done: { mark: '✓', words: 'Done' },
  skipped: { mark: '=', words: 'Already in place' },
  undone: { mark: '↺', words: 'Rolled back' },
  failed: { mark: '✗', words: 'Failed' },
  notrun: { mark: '–', words: 'Not run' },
};

/** The state of each planned step from the run's events (last event per step wins). */
function stepStates(plan: CloudFrontSetupView, events: SetupStepEventView[], finished?: CloudFrontSetupView) {
  const states = new Map<string, StepState>(plan.steps.map((s) => [s.id, s.done ? 'skipped' : 'pending']));
  for (const e of events)
    states.set(
      e.stepId,
      e.phase === 'start' ? 'running' : e.phase === 'done' ? 'done' : e.phase === 'skip' ? 'skipped' : 'undone',
    );
  // The step that was running when the run stopped is the one that failed.
  // After a failure, steps after it never ran.
  if (finished && !finished.ok)
    for (const [id, s] of states) states.set(id, s === 'running' ? 'failed' : s === 'pending' ? 'notrun' : s);
  return states;
}

/** A fresh id for one Apply (its progress is asked for by this id). Called from the click only. */
function newRunId(): string {
  return `cf-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export function CloudFrontSetup({
  profiles,
  onDone,
  openSignal = 0,
  initialProfileId,
}: {
  profiles: ProfileView[];
  /** After a successful Apply: reload the profiles and say what changed. */
  onDone: (message: string) => void;
  /** Changes when another view asked to open the set-up (the 7-day refusal's button). */
  openSignal?: number;
  initialProfileId?: string;
}) {
  const s3Profiles = profiles.filter((p) => p.link.kind === 's3');
  // Opened by the signal when it comes with the first render and each time it changes (adjusted
  // while rendering: the first frame already shows the form, for that profile).
  const [open, setOpen] = useState(openSignal > 0);
  const [profileId, setProfileId] = useState(initialProfileId ?? '');
  const [signalSeen, setSignalSeen] = useState(openSignal);
  if (openSignal !== signalSeen) {
    setSignalSeen(openSignal);
    if (openSignal) {
      setOpen(true);
      if (initialProfileId) setProfileId(initialProfileId);
    }
  }
  const [mode, setMode] = useState<'create' | 'existing'>('create');
  const [distributionId, setDistributionId] = useState('');
  const [uploads, setUploads] = useState(false);
  const [keyType, setKeyType] = useState<'ecdsa-p256' | 'rsa-2048'>('ecdsa-p256');
  const [busy, setBusy] = useState<'planning' | 'applying'>();
  const [plan, setPlan] = useState<CloudFrontSetupView>();
  const [events, setEvents] = useState<SetupStepEventView[]>([]);
  const [result, setResult] = useState<CloudFrontSetupView>();
  const [error, setError] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const ids = { profile: useId(), dist: useId(), key: useId(), mode: useId() };

  useEffect(() => {
    if (openSignal) headingRef.current?.scrollIntoView({ block: 'start' });
  }, [openSignal, initialProfileId]);

  // After Apply the profile is a CloudFront one (no longer in the list): the result stays shown.
  const chosen = s3Profiles.find((p) => p.id === profileId) ?? s3Profiles[0];
  const request = (): CloudFrontSetupRequestView | undefined => {
    if (!chosen) return undefined;
    return {
      bucket: chosen.bucket,
      profileId: chosen.id,
      ...(mode === 'create' ? { create: true } : { distributionId: distributionId.trim() }),
      ...(uploads ? { uploads: true } : {}),
      keyType,
    };
  };
  const reset = () => {
    setPlan(undefined);
    setResult(undefined);
    setEvents([]);
    setError('');
  };

  const showPlan = async () => {
    const req = request();
    reset();
    if (!req) return;
    if (mode === 'existing' && !req.distributionId) {
      setError('Type the id of the distribution to use (e.g. EDFDVBD6EXAMPLE), or choose "Create a new distribution".');
      return;
    }
    setBusy('planning');
    try {
      setPlan(await api().planCloudFrontSetup(req));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(undefined);
    }
  };

  const apply = async () => {
    const req = request();
    if (!req || !plan) return;
    const runId = newRunId();
    setBusy('applying');
    setError('');
    setEvents([]);
    const timer = setInterval(
      () =>
        void api()
          .cloudFrontSetupProgress(runId)
          .then(setEvents, () => {}),
      300,
    );
    try {
      const r = await api().applyCloudFrontSetup(runId, req);
      setEvents(await api().cloudFrontSetupProgress(runId));
      setResult(r);
      // The full words stay in the form; the Settings toast gets a short line (it floats over the page).
      if (r.ok) onDone(`Profile "${r.profileId}" now makes CloudFront links.`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      clearInterval(timer);
      setBusy(undefined);
    }
  };

  const states = plan ? stepStates(plan, events, result) : undefined;
  const running = busy === 'applying' || Boolean(result);

  return (
    <section aria-labelledby="cloudfront-title" className="settings-section cloudfront-setup" data-testid="cf-setup">
      <h3 id="cloudfront-title" ref={headingRef}>
        CloudFront
      </h3>
      <p className="muted small">
        Links through CloudFront can last longer than 7 days and are revoked all at once by rotating the key. Signet
        sets it up for a bucket: a key pair made on this computer (the private key goes only to the keychain), a key
        group, the distribution and the bucket policy. Nothing changes until you press Apply.
      </p>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} aria-expanded={false} data-testid="cf-open">
          Set up CloudFront…
        </button>
      ) : s3Profiles.length === 0 && !plan ? (
        <p className="card small" role="status">
          Add an S3 profile for the bucket first (Add a profile, above): CloudFront is set up for a profile&apos;s
          bucket, with its keys.
        </p>
      ) : (
        <div className="card cf-form">
          <form
            className="grid"
            onSubmit={(e) => {
              e.preventDefault();
              void showPlan();
            }}
          >
            <label className="field" htmlFor={ids.profile}>
              <span>Bucket (from the profile)</span>
              <select
                id={ids.profile}
                value={chosen?.id ?? ''}
                onChange={(e) => (setProfileId(e.target.value), reset())}
                disabled={Boolean(busy) || running}
                data-testid="cf-profile"
              >
                {s3Profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name} · s3://{p.bucket}
                  </option>
                ))}
              </select>
            </label>
            <label className="field" htmlFor={ids.key}>
              <span>Signing key</span>
              <select
                id={ids.key}
                value={keyType}
                onChange={(e) => (setKeyType(e.target.value as typeof keyType), reset())}
                disabled={Boolean(busy) || running}
              >
                <option value="ecdsa-p256">ECDSA P-256 (recommended)</option>
                <option value="rsa-2048">RSA-2048</option>
              </select>
            </label>
            <fieldset className="span-all cf-mode" disabled={Boolean(busy) || running}>
              <legend>Distribution</legend>
              <label className="check">
                <input
                  type="radio"
                  name={ids.mode}
                  checked={mode === 'create'}
                  onChange={() => (setMode('create'), reset())}
                  data-testid="cf-create"
                />
                Create a new distribution for this bucket
              </label>
              <label className="check">
                <input
                  type="radio"
                  name={ids.mode}
                  checked={mode === 'existing'}
                  onChange={() => (setMode('existing'), reset())}
                  data-testid="cf-existing"
                />
                Use an existing distribution (only its default behaviour is changed: it trusts the new key group)
              </label>
              {mode === 'existing' && (
                <label className="field" htmlFor={ids.dist}>
                  <span>Distribution id</span>
                  <input
                    id={ids.dist}
                    value={distributionId}
                    onChange={(e) => (setDistributionId(e.target.value), reset())}
                    placeholder="EDFDVBD6EXAMPLE"
                    spellCheck={false}
                    data-testid="cf-distribution"
                  />
                </label>
              )}
              <label className="check">
                <input type="checkbox" checked={uploads} onChange={(e) => (setUploads(e.target.checked), reset())} />
                Allow uploads through CloudFront (PUT, POST, DELETE)
              </label>
            </fieldset>
            <div className="span-all actions">
              <button type="submit" className="primary" disabled={Boolean(busy) || running} data-testid="cf-plan">
                {busy === 'planning' ? 'Reading the configuration…' : 'Show the plan'}
              </button>
              <button
                type="button"
                onClick={() => (setOpen(false), reset())}
                disabled={busy === 'applying'}
                data-testid="cf-close"
              >
                {result?.ok ? 'Close' : 'Cancel'}
              </button>
            </div>
          </form>

          {error && (
            <p className="error small" role="alert" data-testid="cf-error">
              {error}
            </p>
          )}

          {plan && states && (
            <div className="cf-plan" data-testid="cf-plan-view">
              <h4>{running ? 'Setting up' : plan.unchanged ? 'Nothing to change' : 'The plan'}</h4>
              {!running && (
                <p className="small">
                  {plan.unchanged
                    ? `Profile "${plan.profileId}" is already set up: every step is in place.`
                    : `These ${plan.steps.filter((s) => !s.done).length} changes will be made for profile "${plan.profileId}". Nothing has changed yet.`}
                </p>
              )}
              {plan.warnings.length > 0 && (
                <ul className="warning small cf-warnings">
                  {plan.warnings.map((w) => (
                    <li key={w}>Warning: {w}</li>
                  ))}
                </ul>
              )}
              <ol className="cf-steps" aria-live="polite">
                {(result ?? plan).steps.map((s) => {
                  const st = states.get(s.id) ?? 'pending';
                  const shown = running ? st : s.done ? 'skipped' : 'pending';
                  return (
                    <li key={s.id} className={`cf-step cf-${shown}`} data-testid={`cf-step-${s.id}`} data-state={shown}>
                      <span className="cf-mark" aria-hidden="true">
                        {STEP_WORDS[shown].mark}
                      </span>
                      <div>
                        <div>
                          {s.description}{' '}
                          <span className="cf-state small">
                            ({running ? STEP_WORDS[shown].words : s.done ? 'already in place' : 'will be done'})
                          </span>
                        </div>
                        {s.calls.length > 0 && (
                          <div className="muted small cf-calls">
                            {s.calls.map((c) => (
                              <code key={c}>{c}</code>
                            ))}
                          </div>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ol>
              <details>
                <summary>The whole plan, as signet cloudfront setup --dry-run prints it</summary>
                <pre className="cf-plan-text" data-testid="cf-plan-text" tabIndex={0}>
                  {plan.plan}
                </pre>
              </details>
              {!running && !plan.unchanged && (
                <div className="actions">
                  <button type="button" className="primary" onClick={() => void apply()} data-testid="cf-apply">
                    Apply
                  </button>
                </div>
              )}
              {busy === 'applying' && (
                <p className="small" role="status">
                  Applying… each step is shown as it runs.
                </p>
              )}
              {result &&
                (result.ok ? (
                  <>
                    <p className="cf-result ok small" role="status" data-testid="cf-result">
                      <span aria-hidden="true">✓ </span>
                      {result.message}
                    </p>
                    {!result.deployed && result.domain && <DeploymentWatch profileId={result.profileId} />}
                  </>
                ) : (
                  <div className="cf-result bad small" role="alert" data-testid="cf-result">
                    <p>
                      <strong>
                        <span aria-hidden="true">✗ </span>The set-up did not finish.
                      </strong>{' '}
                      {result.message}
                    </p>
                    {result.left.length > 0 && (
                      <>
                        <p>Left behind (remove by hand):</p>
                        <ul>
                          {result.left.map((l) => (
                            <li key={l}>{l}</li>
                          ))}
                        </ul>
                      </>
                    )}
                    <button type="button" onClick={reset}>
                      Start over
                    </button>
                  </div>
                ))}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
