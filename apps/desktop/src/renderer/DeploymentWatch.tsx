// After "Set up CloudFront" applies, CloudFront rolls the distribution out (usually 5–15 minutes)
// and links through it work only from then on. This asks main for the distribution's status
// (cloudFrontDeployment: one GetDistribution, the same reading as `signet cloudfront setup
// --wait`) at once and then every 10 s while it is shown, and stops when it is deployed or the
// form closes (unmount).
import { useEffect, useState } from 'react';
import type { CloudFrontDeploymentView } from '../shared/cloudfront-api.js';
import { api, errorText } from './api.js';

const POLL_MS = 10_000;

export function DeploymentWatch({ profileId }: { profileId: string }) {
  const [state, setState] = useState<CloudFrontDeploymentView>();
  const [checkedAt, setCheckedAt] = useState<Date>();
  const [error, setError] = useState('');

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const d = await api().cloudFrontDeployment(profileId);
        if (stopped) return;
        setState(d);
        setCheckedAt(new Date());
        setError('');
        if (d.deployed) return;
      } catch (e) {
        if (stopped) return;
        setError(errorText(e));
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [profileId]);

  const deployed = state?.deployed === true;
  return (
    <div
      className={`cf-deploy small ${deployed ? 'ok' : ''}`}
      role="status"
      aria-live="polite"
      data-testid="cf-deploy"
      data-deployed={String(deployed)}
    >
      {deployed ? (
        <p>
          <span aria-hidden="true">✓ </span>
          {state.message}
        </p>
      ) : (
        <>
          <p>
            <span className="cf-deploy-spinner" aria-hidden="true" />
            <strong>Deploying… CloudFront usually takes 5–15 minutes.</strong> Links through{' '}
            {state?.domain ?? 'the distribution'} work once it is deployed.
          </p>
          <p className="muted">
            {state
              ? `Status: ${state.status} (checked ${checkedAt?.toLocaleTimeString() ?? ''}). Checking again every 10 seconds while this form is open.`
              : 'Checking the distribution…'}
          </p>
        </>
      )}
      {error && <p className="warn-text">Could not read the status: {error} Trying again in 10 seconds.</p>}
    </div>
  );
}
