import { useEffect, useState } from 'react';
import type { ProfileView } from '../shared/desktop-api.js';
import { AddProfileForm } from './AddProfileForm.js';
import { api, errorText } from './api.js';
import { BrowserIntegration } from './BrowserIntegration.js';
import { CloudFrontSetup } from './CloudFrontSetup.js';
import { ProfileCard } from './ProfileCard.js';
import { acceleratorFromPeople, isMac, shortcutForPeople, shortcutProblem } from './shortcut-words.js';

const mac = isMac();

/** Settings: profiles and their keys, general preferences, browser integration. */
export function SettingsView({
  profiles,
  reload,
  approvalVersion,
  openAdd = 0,
  openCloudFront = 0,
  cloudFrontProfileId,
}: {
  profiles: ProfileView[];
  reload: () => void;
  approvalVersion: number;
  /** Changes when the Welcome screen's "Add a profile" was pressed: the form opens, ready to type. */
  openAdd?: number;
  /** Changes when the share view's 7-day notice offered "Set up CloudFront": that form opens. */
  openCloudFront?: number;
  /** The profile whose bucket that notice was about. */
  cloudFrontProfileId?: string;
}) {
  const [message, setMessage] = useState('');
  const [startAtLogin, setStartAtLogin] = useState<boolean>();
  /** The global shortcut as saved (an accelerator; undefined: off), and what is typed in its field (as people write it). */
  const [shortcut, setShortcut] = useState<string>();
  const [shortcutText, setShortcutText] = useState(shortcutForPeople('CommandOrControl+Shift+U', mac));
  useEffect(
    () =>
      void api()
        .getSettings()
        .then(
          (s) => {
            setStartAtLogin(s.startAtLogin);
            setShortcut(s.shortcut);
            if (s.shortcut) setShortcutText(shortcutForPeople(s.shortcut, mac));
          },
          () => setStartAtLogin(false),
        ),
    [],
  );
  useEffect(() => {
    const t = setTimeout(() => setMessage(''), 8000);
    return () => clearTimeout(t);
  }, [message]);
  const changed = (text: string) => {
    setMessage(text);
    reload();
  };

  return (
    <section className="view settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <p className="toast-float" role="status" data-testid="settings-message">
        {message}
      </p>

      <section aria-labelledby="profiles-title" className="settings-section">
        <h3 id="profiles-title">Profiles</h3>
        <p className="muted small">
          A profile says which bucket files go to and how links are signed. Keys are kept in the system keychain and
          never shown again.
        </p>
        {profiles.length > 0 && (
          <ul className="profiles">
            {profiles.map((p) => (
              <ProfileCard key={p.id} profile={p} onChanged={changed} />
            ))}
          </ul>
        )}
        <AddProfileForm onDone={changed} openSignal={openAdd} />
      </section>

      <CloudFrontSetup
        profiles={profiles}
        onDone={changed}
        openSignal={openCloudFront}
        {...(cloudFrontProfileId ? { initialProfileId: cloudFrontProfileId } : {})}
      />

      <section aria-labelledby="general-title" className="settings-section">
        <h3 id="general-title">General</h3>
        <div className="rows card">
          <label className="check">
            <input
              type="checkbox"
              checked={Boolean(startAtLogin)}
              disabled={startAtLogin === undefined}
              onChange={(e) => {
                const on = e.target.checked;
                void api()
                  .setStartAtLogin(on)
                  .then(
                    () => {
                      setStartAtLogin(on);
                      setMessage(on ? 'Signet starts when you log in.' : 'Signet no longer starts at login.');
                    },
                    (err) => setMessage(errorText(err)),
                  );
              }}
            />
            Start Signet when I log in <span className="muted small">(it waits in the tray)</span>
          </label>
          <div className="shortcut-row">
            <label className="check">
              <input
                type="checkbox"
                checked={Boolean(shortcut)}
                disabled={startAtLogin === undefined}
                data-testid="shortcut-toggle"
                onChange={(e) => {
                  const problem = e.target.checked ? shortcutProblem(shortcutText, mac) : undefined;
                  if (problem) {
                    setMessage(problem);
                    return;
                  }
                  const next = e.target.checked ? acceleratorFromPeople(shortcutText, mac) : null;
                  void api()
                    .setShortcut(next)
                    .then(
                      () => {
                        setShortcut(next ?? undefined);
                        setMessage(
                          next
                            ? `${shortcutForPeople(next, mac)} now opens Share files… from any app.`
                            : 'The keyboard shortcut is off.',
                        );
                      },
                      (err) => setMessage(errorText(err)),
                    );
                }}
              />
              A keyboard shortcut opens Share files… from any app
            </label>
            <input
              aria-label="Keyboard shortcut"
              value={shortcutText}
              disabled={Boolean(shortcut)}
              onChange={(e) => setShortcutText(e.target.value)}
              spellCheck={false}
              data-testid="shortcut-text"
            />
          </div>
        </div>
      </section>

      <BrowserIntegration version={approvalVersion} />
    </section>
  );
}
