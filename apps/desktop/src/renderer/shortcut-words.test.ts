import { describe, expect, it } from 'vitest';
import { acceleratorFromPeople, shortcutForPeople } from './shortcut-words.js';

describe('the global shortcut in the words of the platform, not Electron accelerator syntax', () => {
  it('shows CommandOrControl+Shift+U as Ctrl+Shift+U on Linux/Windows and ⌘⇧U on macOS', () => {
    expect(shortcutForPeople('CommandOrControl+Shift+U', false)).toBe('Ctrl+Shift+U');
    expect(shortcutForPeople('CommandOrControl+Shift+U', true)).toBe('⌘⇧U');
    expect(shortcutForPeople('CmdOrCtrl+Alt+S', true)).toBe('⌘⌥S');
    expect(shortcutForPeople('Control+Alt+s', false)).toBe('Ctrl+Alt+S');
  });

  it('reads what a person types back into an accelerator main can register', () => {
    expect(acceleratorFromPeople('Ctrl+Alt+S', false)).toBe('CommandOrControl+Alt+S');
    expect(acceleratorFromPeople(' ctrl + shift + u ', false)).toBe('CommandOrControl+Shift+U');
    expect(acceleratorFromPeople('⌘⇧U', true)).toBe('CommandOrControl+Shift+U');
    expect(acceleratorFromPeople('⌃⌥K', true)).toBe('Control+Alt+K');
    // Electron's own spelling still works, and round-trips.
    expect(acceleratorFromPeople('CommandOrControl+Alt+S', false)).toBe('CommandOrControl+Alt+S');
    expect(acceleratorFromPeople(shortcutForPeople('CommandOrControl+Shift+U', true), true)).toBe(
      'CommandOrControl+Shift+U',
    );
  });
});
