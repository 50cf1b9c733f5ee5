import { useEffect, useState } from 'react';
import type { ApprovalView, BrowserView } from '../shared/desktop-api.js';
import { api, errorText } from './api.js';

const BROWSER_NAMES: Record<BrowserView, string> = {
  chrome: 'Google Chrome',
  chromium: 'Chromium',
  edge: 'Microsoft Edge',
  brave: 'Brave',
  firefox: 'Firefox',
};

/** The connectors and the approvals as main has them now (empty lists when it cannot say). */
async function loadIntegration(): Promise<{
  hosts: { browser: BrowserView; installed: boolean }[];
  approvals: ApprovalView[];
}> {
  const hosts = await api()
    .nativeHostStatus()
    .catch(() => []);
  const approvals = await api()
    .listApprovals()
    .catch(() => []);
  return { hosts, approvals };
}

/**
 * The browser extension's side of Settings: the native-messaging connector per browser and the
 * extensions allowed to ask for links. `version` changes when an approval request arrives.
 */
export function BrowserIntegration({ version }: { version: number }) {
  const [hosts, setHosts] = useState<{ browser: BrowserView; installed: boolean }[]>();
  const [approvals, setApprovals] = useState<ApprovalView[]>([]);
  const [message, setMessage] = useState<{ text: string; bad?: boolean }>();
  const refresh = () =>
    loadIntegration().then((now) => {
      setHosts(now.hosts);
      setApprovals(now.approvals);
    });
  useEffect(() => {
    // A late answer for a section that is gone (Settings closed) is dropped.
    let live = true;
    void loadIntegration().then((now) => {
      if (!live) return;
      setHosts(now.hosts);
      setApprovals(now.approvals);
    });
    return () => {
      live = false;
    };
  }, [version]);
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    try {
      await fn();
      setMessage({ text: ok });
    } catch (e) {
      setMessage({ text: errorText(e), bad: true });
    }
    await refresh();
  };
  const pending = approvals.filter((a) => a.state === 'pending');
  const approved = approvals.filter((a) => a.state === 'approved');
  return (
    <section aria-labelledby="browser-title" className="settings-section">
      <h3 id="browser-title">Browser integration</h3>
      <p className="muted small">
        The Signet extension asks this app for links; it never holds a key. Install the connector for your browser, then
        approve the extension the first time it asks.
      </p>
      {message && (
        <p className={message.bad ? 'error small' : 'status'} role={message.bad ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {pending.length > 0 && (
        <ul className="approvals card attention" aria-label="Extensions waiting for approval">
          {pending.map((a) => (
            <li key={a.origin}>
              <span>
                <strong>
                  {a.known ? `${a.known.name} asks to use Signet` : 'An unknown extension asks to use Signet'}
                </strong>
                <code className="small">{a.origin}</code>
                <ExtensionIdentity approval={a} />
              </span>
              <span className="actions">
                <button
                  type="button"
                  // Approving an unknown id is allowed but must not look like the expected choice.
                  className={a.known ? 'primary' : 'danger'}
                  onClick={() =>
                    void run(() => api().approveExtension(a.origin), 'Extension approved: it can now ask for links.')
                  }
                >
                  Approve
                </button>
                <button
                  type="button"
                  onClick={() => void run(() => api().revokeExtension(a.origin), 'Request declined.')}
                >
                  Decline
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <ul className="rows card" aria-label="Connectors">
        {hosts === undefined ? (
          <li className="muted">Looking for browsers…</li>
        ) : (
          hosts.map((h) => (
            <li key={h.browser}>
              <span>{BROWSER_NAMES[h.browser]}</span>
              {h.installed ? (
                <span className="badge ok">Connector installed</span>
              ) : (
                <button
                  type="button"
                  onClick={() =>
                    void run(
                      () => api().installNativeHost(h.browser),
                      `Connector installed for ${BROWSER_NAMES[h.browser]}. Restart the browser if the extension says Signet is not running.`,
                    )
                  }
                >
                  Install connector
                </button>
              )}
            </li>
          ))
        )}
      </ul>
      <h4>Approved extensions</h4>
      {approved.length === 0 ? (
        <p className="muted small">
          None yet. When the extension first asks for a link, it shows up here for you to approve.
        </p>
      ) : (
        <ul className="rows card">
          {approved.map((a) => (
            <li key={a.origin}>
              <span>
                {a.known && <strong>{a.known.name}</strong>}
                <code className="small">{a.origin}</code>
                <ExtensionIdentity approval={a} />
              </span>
              <button
                type="button"
                className="danger"
                onClick={() =>
                  void run(
                    () => api().revokeExtension(a.origin),
                    'Approval revoked: that extension can no longer ask for links.',
                  )
                }
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Unknown ids get the warning and the id in groups of four, so a look-alike can be told apart. */
function ExtensionIdentity({ approval }: { approval: ApprovalView }) {
  if (approval.known !== false) return null;
  return (
    <span className="error small" role="note">
      {approval.warning}
      {approval.grouped && approval.grouped !== approval.origin && (
        <>
          {' '}
          Id: <code>{approval.grouped}</code>
        </>
      )}
    </span>
  );
}
