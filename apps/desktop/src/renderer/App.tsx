import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ProfileView } from '../shared/desktop-api.js';
import { api, errorText } from './api.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { HistoryView } from './HistoryView.js';
import { rovingKeyDown } from './roving.js';
import { SettingsView } from './SettingsView.js';
import { shareQueue, useShares } from './share-queue.js';
import { SharePanel } from './SharePanel.js';
import { DEFAULT_SHARE_SETTINGS, shareRequestFor, ShareView, type ShareSettings } from './ShareView.js';

type Tab = 'share' | 'history' | 'settings';
const TABS: readonly Tab[] = ['share', 'history', 'settings'];
const TAB_LABELS: Record<Tab, string> = { share: 'Share', history: 'Links', settings: 'Settings' };

export function App() {
  const [tab, setTab] = useState<Tab>('share');
  /** undefined while the first listProfiles is on its way (no Welcome flash for people with profiles). */
  const [profiles, setProfiles] = useState<ProfileView[]>();
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [theme, setTheme] = useState<'system' | 'light' | 'dark'>(
    () => (localStorage.getItem('signet-theme') as 'light' | 'dark' | null) ?? 'system',
  );
  const [approvalVersion, setApprovalVersion] = useState(0);
  const [approvalOrigin, setApprovalOrigin] = useState<string>();
  const [addProfileOpen, setAddProfileOpen] = useState(0);
  /** "Set up CloudFront…" from the 7-day notice: a counter that opens the form, and for which profile. */
  const [cloudFrontOpen, setCloudFrontOpen] = useState<{ n: number; profileId?: string }>({ n: 0 });
  const [settings, setSettings] = useState<ShareSettings>(DEFAULT_SHARE_SETTINGS);
  const jobs = useShares();
  const reload = useCallback(
    () =>
      void api()
        .listProfiles()
        .then(
          (p) => {
            setProfiles(p);
            setError('');
          },
          (e) => {
            setProfiles((old) => old ?? []);
            setError(errorText(e));
          },
        ),
    [],
  );
  useEffect(reload, [reload]);

  // The newest share that finished: the links view and the history refresh when it changes.
  const result = jobs.find((j) => j.state === 'done');
  const resultId = result?.id;

  // Latest values for the event handlers below, which are registered once. Written after each
  // commit (a render that React throws away must not leak into them), before any event can run.
  const latest = useRef({ profiles, settings });
  useLayoutEffect(() => {
    latest.current = { profiles, settings };
  });
  const share = useCallback((paths: string[]) => {
    const { profiles: ps, settings: s } = latest.current;
    if (paths.length === 0) return;
    const request = shareRequestFor(ps ?? [], s, paths.length);
    if (!request) {
      setNotice('Add a profile in Settings first: it says which bucket your files go to.');
      return;
    }
    const busy = shareQueue.snapshot().some((j) => j.state === 'running' || j.state === 'queued');
    shareQueue.enqueue(paths, request);
    setNotice(busy ? 'Queued: it starts when the current share is done.' : '');
  }, []);

  // Events from main: an extension asks for approval; files picked from the tray or the menu.
  useEffect(
    () =>
      api().onApprovalRequest((origin) => {
        setApprovalOrigin(origin);
        setApprovalVersion((v) => v + 1);
      }),
    [],
  );
  useEffect(
    () =>
      api().onSharePaths((paths) => {
        setTab('share');
        share(paths);
      }),
    [share],
  );
  // Paste files into the window (text still pastes into fields as usual).
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])];
      if (files.length === 0) return;
      e.preventDefault();
      setTab('share');
      share(files.map((f) => api().pathForFile(f)).filter(Boolean));
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [share]);
  useEffect(() => {
    const t = setTimeout(() => setNotice(''), 8000);
    return () => clearTimeout(t);
  }, [notice]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('signet-theme', theme);
  }, [theme]);

  return (
    <div className="app">
      <header className="topbar">
        <h1 className="brand">
          <span className="logo" aria-hidden="true">
            ◆
          </span>{' '}
          Signet
        </h1>
        <nav aria-label="Sections">
          <div className="tabs" role="tablist" aria-label="Sections">
            {TABS.map((t) => (
              <button
                key={t}
                id={`tab-${t}`}
                role="tab"
                type="button"
                aria-selected={tab === t}
                aria-controls={`panel-${t}`}
                tabIndex={tab === t ? 0 : -1}
                data-value={t}
                className={tab === t ? 'on' : ''}
                onClick={() => setTab(t)}
                onKeyDown={(e) => rovingKeyDown(e, TABS, tab, setTab)}
                data-testid={`tab-${t}`}
              >
                {TAB_LABELS[t]}
              </button>
            ))}
          </div>
        </nav>
        <select
          className="theme"
          aria-label="Appearance"
          value={theme}
          onChange={(e) => setTheme(e.target.value as typeof theme)}
        >
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </header>
      <main>
        <p className="error" role="alert">
          {error}
        </p>
        <p className="status-line" role="status" data-testid="notice">
          {notice}
        </p>
        {approvalOrigin && tab !== 'settings' && (
          <div className="banner" role="alert" data-testid="approval-banner">
            <span>
              A browser extension asks to use Signet. Approve it only if you just installed the Signet extension.
            </span>
            <button
              type="button"
              className="primary"
              onClick={() => {
                setTab('settings');
                setApprovalOrigin(undefined);
              }}
            >
              Review…
            </button>
            <button type="button" onClick={() => setApprovalOrigin(undefined)}>
              Later
            </button>
          </div>
        )}
        <SharePanel jobs={jobs} onShow={tab === 'share' ? undefined : () => setTab('share')} />
        <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tabpanel">
          <ErrorBoundary resetKey={tab}>
            {tab === 'share' &&
              (profiles === undefined ? (
                <p className="card muted loading" data-testid="loading">
                  Loading your profiles…
                </p>
              ) : profiles.length === 0 ? (
                <div className="empty-state card">
                  <h2>Welcome to Signet</h2>
                  <p>
                    Add a profile to say which bucket your files go to and how links are signed. Your keys go to the OS
                    keychain.
                  </p>
                  <button
                    type="button"
                    className="primary"
                    onClick={() => {
                      setAddProfileOpen((n) => n + 1);
                      setTab('settings');
                    }}
                  >
                    Add a profile
                  </button>
                </div>
              ) : (
                <ShareView
                  profiles={profiles}
                  settings={settings}
                  onSettings={(patch) => setSettings((s) => ({ ...s, ...patch }))}
                  onShare={share}
                  result={result}
                  onSetUpCloudFront={(profileId) => {
                    setCloudFrontOpen((o) => ({ n: o.n + 1, profileId }));
                    setTab('settings');
                  }}
                />
              ))}
            {tab === 'history' && <HistoryView version={resultId} />}
            {tab === 'settings' && (
              <SettingsView
                profiles={profiles ?? []}
                reload={reload}
                approvalVersion={approvalVersion}
                openAdd={addProfileOpen}
                openCloudFront={cloudFrontOpen.n}
                {...(cloudFrontOpen.profileId ? { cloudFrontProfileId: cloudFrontOpen.profileId } : {})}
              />
            )}
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}
