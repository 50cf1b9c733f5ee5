// The application menu: File (Share files…), the standard Edit roles (copy/paste in fields,
// needed on macOS), Window. No View/DevTools entries in the shipped app.
import { Menu, type MenuItemConstructorOptions } from 'electron';

export function setAppMenu(actions: { shareFiles(): void }): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Share Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.shareFiles() },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
