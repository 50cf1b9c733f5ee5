// The global shortcut as people read and type it ("Ctrl+Shift+U", on macOS "⌘⇧U"), not Electron's
// accelerator syntax ("CommandOrControl+Shift+U"), which stays what main registers and saves.

const FOR_PEOPLE: Record<string, [mac: string, other: string]> = {
  commandorcontrol: ['⌘', 'Ctrl'],
  cmdorctrl: ['⌘', 'Ctrl'],
  command: ['⌘', 'Super'],
  cmd: ['⌘', 'Super'],
  super: ['⌘', 'Super'],
  meta: ['⌘', 'Super'],
  control: ['⌃', 'Ctrl'],
  ctrl: ['⌃', 'Ctrl'],
  alt: ['⌥', 'Alt'],
  option: ['⌥', 'Alt'],
  shift: ['⇧', 'Shift'],
};

/** `CommandOrControl+Shift+U` → `Ctrl+Shift+U`, or `⌘⇧U` on macOS. */
export function shortcutForPeople(accelerator: string, mac: boolean): string {
  const parts = accelerator.split('+').map((p) => {
    const words = FOR_PEOPLE[p.trim().toLowerCase()];
    return words ? words[mac ? 0 : 1] : p.trim().toUpperCase();
  });
  return parts.join(mac ? '' : '+');
}

// Ctrl is the command key of Linux and Windows: CommandOrControl keeps a saved shortcut working
// on a Mac too. On a Mac, ⌃ is the Control key proper.
const TO_ACCELERATOR = (mac: boolean): Record<string, string> => ({
  '⌘': 'CommandOrControl',
  '⌃': 'Control',
  '⌥': 'Alt',
  '⇧': 'Shift',
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  ctrl: mac ? 'Control' : 'CommandOrControl',
  control: mac ? 'Control' : 'CommandOrControl',
  cmd: 'CommandOrControl',
  command: 'CommandOrControl',
  super: 'Super',
  meta: 'Super',
  alt: 'Alt',
  option: 'Alt',
  shift: 'Shift',
});

/** What a person typed (`Ctrl+Alt+S`, `⌘⇧U`) → the accelerator main registers. */
export function acceleratorFromPeople(text: string, mac: boolean): string {
  const map = TO_ACCELERATOR(mac);
  // macOS symbols come without '+': split them off the front.
  const spaced = text.trim().replace(/[⌘⌃⌥⇧]/g, (s) => `${s}+`);
  return spaced
    .split('+')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => map[p] ?? map[p.toLowerCase()] ?? p.toUpperCase())
    .join('+');
}

const MODIFIERS = new Set(['CommandOrControl', 'Control', 'Alt', 'Shift', 'Super']);

/**
 * Why main could not register what a person typed, in the platform's words (the IPC schema's own
 * message speaks accelerator syntax), or undefined when it is fine: one to four modifiers and one
 * key of letters or digits (U, 5, F12).
 */
export function shortcutProblem(text: string, mac: boolean): string | undefined {
  const parts = acceleratorFromPeople(text, mac).split('+');
  const key = parts.pop() ?? '';
  const ok =
    parts.length >= 1 && parts.length <= 4 && parts.every((p) => MODIFIERS.has(p)) && /^[A-Za-z0-9]{1,3}$/.test(key);
  if (ok) return undefined;
  return mac
    ? 'A shortcut needs a modifier (⌘, ⌃, ⌥ or ⇧) and one key, e.g. ⌘⇧U.'
    : 'A shortcut needs a modifier (Ctrl, Alt, Shift or Super) and one key, e.g. Ctrl+Shift+U.';
}

/** Whether the renderer runs on macOS (symbols, no '+'). */
export function isMac(): boolean {
  return /Mac/i.test(navigator.platform || navigator.userAgent);
}
