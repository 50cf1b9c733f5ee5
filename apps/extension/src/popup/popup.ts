// Popup: connection status, the default expiry of "Copy share link", and the last links from the
// desktop history with a copy button. Built with DOM APIs only (no innerHTML: keys and names are
// user data).
import { configureProtocolForExtensions, EXPIRY_PRESETS } from '@signet/protocol';
import { ext } from '../shared/browser-api.js';
import type { PopupState } from '../shared/popup-messages.js';
import { getDefaultExpiry, setDefaultExpiry } from '../shared/settings.js';

configureProtocolForExtensions();

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

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

function renderState(state: PopupState): void {
  const status = byId('status');
  status.dataset.state = state.connection.state;
  status.textContent = state.connection.message;
  byId('profiles').textContent = state.profiles.length > 0 ? `Profiles: ${state.profiles.join(', ')}` : '';
  const list = byId('links');
  list.replaceChildren(
    ...state.links.map((link) => {
      const item = document.createElement('li');
      const key = document.createElement('span');
      key.className = 'key';
      key.textContent = link.key.split('/').pop() || link.key;
      key.title = `s3://${link.bucket}/${link.key}`;
      const when = document.createElement('span');
      when.className = 'when';
      when.textContent = link.label;
      const copy = document.createElement('button');
      copy.type = 'button';
      copy.textContent = 'Copy';
      copy.disabled = !link.url;
      copy.setAttribute('aria-label', `Copy the link to ${key.textContent}`);
      copy.addEventListener('click', () => {
        if (!link.url) return;
        void navigator.clipboard.writeText(link.url).then(
          () => (copy.textContent = 'Copied'),
          () => (copy.textContent = 'Failed'),
        );
      });
      item.append(key, copy, when);
      return item;
    }),
  );
  byId('empty').hidden = state.links.length > 0 || state.connection.state !== 'connected';
}

void renderExpiry();
void ext.runtime.sendMessage({ type: 'signet:popup-state' }).then(
  (state: PopupState) => renderState(state),
  (err: unknown) =>
    renderState({
      connection: { state: 'error', message: `The extension could not reach its background: ${String(err)}` },
      links: [],
      profiles: [],
    }),
);
