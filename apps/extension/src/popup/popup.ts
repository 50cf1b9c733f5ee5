// Popup: connection status (with the approval command to copy while Signet waits for approval,
// re-asked every second until approved), the full story of the last click, the default expiry of
// "Copy share link", and the last links from the desktop history (file, bucket, profile, when
// made, time left) with a copy button. Built with DOM APIs only (no innerHTML: keys and names
// are user data).
import { EXPIRY_PRESETS } from '@signet/core/browser';
import { configureProtocolForExtensions } from '@signet/protocol';
import { ext } from '../shared/browser-api.js';
import { retryDelayMs, type PopupState } from '../shared/popup-messages.js';
import { getDefaultExpiry, setDefaultExpiry } from '../shared/settings.js';

configureProtocolForExtensions();

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const POLL_MS = 1000;

async function renderExpiry(): Promise<void> {
  const select = byId<HTMLSelectElement>('default-expiry');
  const current = await getDefaultExpiry();
  const options: [string, string][] = [
    ['', 'The profile’s default'],
    ...EXPIRY_PRESETS.map((p): [string, string] => [p.expires, p.label]),
  ];
  select.replaceChildren(
    ...options.map(([value, label]) => new Option(label, value, false, value === (current ?? ''))),
  );
  select.addEventListener('change', () => void setDefaultExpiry(select.value || undefined));
}

function copyButton(button: HTMLButtonElement, text: () => string | undefined): void {
  button.addEventListener('click', () => {
    const value = text();
    if (!value) return;
    void navigator.clipboard.writeText(value).then(
      () => (button.textContent = 'Copied'),
      () => (button.textContent = 'Failed'),
    );
  });
}

let approveCommand: string | undefined;
copyButton(byId<HTMLButtonElement>('copy-approve'), () => approveCommand);

function renderState(state: PopupState): void {
  const status = byId('status');
  status.dataset.state = state.connection.state;
  status.textContent = state.connection.message;
  approveCommand = state.connection.approveCommand;
  byId('approve').hidden = !approveCommand;
  byId('approve-command').textContent = approveCommand ?? '';

  const last = byId('last');
  last.hidden = !state.last;
  if (state.last) {
    last.dataset.level = state.last.level;
    const { title, details } = state.last;
    // "No such object: nothing is stored at …" already starts with its title.
    byId('last-text').textContent = details.startsWith(title) ? details : `${title}. ${details}`;
  }

  // Recent links only mean something with a connection that answers.
  const connected = state.connection.state === 'connected';
  byId('recent').hidden = !connected;
  // Which profiles sign, next to the connection they come through (not under "Recent links").
  const profiles = byId('profiles');
  profiles.textContent = `Profiles: ${state.profiles.join(', ')}`;
  profiles.hidden = !connected || state.profiles.length === 0;
  byId('links').replaceChildren(
    ...state.links.map((link) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.className = 'key';
      name.textContent = link.name;
      name.title = `s3://${link.bucket}/${link.key}`;
      const copy = document.createElement('button');
      copy.type = 'button';
      copy.textContent = 'Copy';
      copy.disabled = !link.url;
      copy.setAttribute('aria-label', `Copy the link to ${link.name}`);
      copyButton(copy, () => link.url);
      const when = document.createElement('span');
      when.className = 'when';
      when.textContent = [link.bucket, link.profile, link.made, link.label].filter(Boolean).join(' · ');
      item.append(name, copy, when);
      return item;
    }),
  );
  // Not "No links yet" when the history could not be read: say why (refresh asks again).
  const empty = byId('empty');
  empty.textContent = state.linksError?.message ?? EMPTY_TEXT;
  empty.dataset.state = state.linksError ? 'error' : 'empty';
  empty.hidden = state.links.length > 0 || !connected;
}

const EMPTY_TEXT = 'No links yet. Right-click a link to an S3 object and choose “Copy share link”.';
/** Failed tries in a row to read the recent links (for the back-off). */
let linkFailures = 0;

async function refresh(): Promise<void> {
  let state: PopupState;
  try {
    state = (await ext.runtime.sendMessage({ type: 'signet:popup-state' })) as PopupState;
  } catch (err) {
    state = {
      connection: { state: 'error', message: `The extension could not reach its background: ${String(err)}` },
      links: [],
      profiles: [],
    };
  }
  renderState(state);
  // Waiting for approval (or for Signet): ask again, so the popup changes as soon as it is approved.
  if (state.connection.state !== 'connected') {
    setTimeout(() => void refresh(), POLL_MS);
  } else if (state.linksError) {
    // Connected, but the history did not come (a rate limit, a slow disk): ask again, backing off.
    setTimeout(() => void refresh(), retryDelayMs(linkFailures++, state.linksError.retryAfterMs));
  } else {
    linkFailures = 0;
  }
}

void renderExpiry();
void refresh();
