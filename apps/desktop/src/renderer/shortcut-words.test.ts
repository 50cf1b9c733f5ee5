import { describe, expect, it } from 'vitest';
import { acceleratorFromPeople, shortcutForPeople, shortcutProblem } from './shortcut-words.js';

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

  it('says what is wrong with a typed shortcut in the platform words, never in accelerator syntax', () => {
    expect(shortcutProblem('Ctrl+Shift+U', false)).toBeUndefined();
    expect(shortcutProblem('⌘⇧U', true)).toBeUndefined();
    expect(shortcutProblem('F5', false)).toBe(
      'A shortcut needs a modifier (Ctrl, Alt, Shift or Super) and one key, e.g. Ctrl+Shift+U.',
    );
    expect(shortcutProblem('Ctrl+Shift+ü', false)).toBe(
      'A shortcut needs a modifier (Ctrl, Alt, Shift or Super) and one key, e.g. Ctrl+Shift+U.',
    );
    expect(shortcutProblem('Shift', true)).toBe('A shortcut needs a modifier (⌘, ⌃, ⌥ or ⇧) and one key, e.g. ⌘⇧U.');
    for (const text of ['', 'F5', 'Ctrl+Shift+ü', 'Ctrl+', 'Ctrl+Shift+Alt+Super+Ctrl+U']) {
      expect(shortcutProblem(text, false) ?? '', text).not.toMatch(/CommandOrControl|accelerator/);
    }
  });
});
