import { useCallback, useEffect, useState } from 'react';
import type { ProfileView } from '../shared/desktop-api.js';
import { api, errorText } from './api.js';
import { HistoryView } from './HistoryView.js';
import { SettingsView } from './SettingsView.js';
import { ShareView } from './ShareView.js';

type Tab = 'share' | 'history' | 'settings';

export function App() {
  const [tab, setTab] = useState<Tab>('share');
  const [profiles, setProfiles] = useState<ProfileView[]>([]);
  const [error, setError] = useState('');
  const [version, setVersion] = useState(0);
  const [theme, setTheme] = useState<'system' | 'light' | 'dark'>(
    () => (localStorage.getItem('signet-theme') as 'light' | 'dark' | null) ?? 'system',
  );
  const [approvalVersion, setApprovalVersion] = useState(0);
  const [approvalOrigin, setApprovalOrigin] = useState<string>();
  const [incoming, setIncoming] = useState<{ id: number; paths: string[] }>();
  const reload = useCallback(
    () =>
      void api()
        .listProfiles()
        .then(setProfiles, (e) => setError(errorText(e))),
    [],
  );
  useEffect(reload, [reload]);
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
        setIncoming((old) => ({ id: (old?.id ?? 0) + 1, paths }));
      }),
    [],
  );
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    localStorage.setItem('signet-theme', theme);
  }, [theme]);
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            ◆
          </span>{' '}
          Signet
        </div>
        <nav aria-label="Sections" className="tabs" role="tablist">
          {(['share', 'history', 'settings'] as const).map((t) => (
            <button
              key={t}
              role="tab"
              type="button"
              aria-selected={tab === t}
              className={tab === t ? 'on' : ''}
              onClick={() => setTab(t)}
              data-testid={`tab-${t}`}
            >
              {t === 'share' ? 'Share' : t === 'history' ? 'Links' : 'Settings'}
            </button>
          ))}
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
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
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
        {tab === 'share' &&
          (profiles.length === 0 ? (
            <div className="empty-state card">
              <h2>Welcome to Signet</h2>
              <p>
                Add a profile to say which bucket your files go to and how links are signed. Your keys go to the OS
                keychain.
              </p>
              <button type="button" className="primary" onClick={() => setTab('settings')}>
                Add a profile
              </button>
            </div>
          ) : (
            <ShareView profiles={profiles} incoming={incoming} onShared={() => setVersion((v) => v + 1)} />
          ))}
        {tab === 'history' && <HistoryView version={version} />}
        {tab === 'settings' && <SettingsView profiles={profiles} reload={reload} approvalVersion={approvalVersion} />}
      </main>
    </div>
  );
}
