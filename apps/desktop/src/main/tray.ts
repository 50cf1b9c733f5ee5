// The tray / menu-bar icon: Share files…, the last active links (a click copies one again), Quit.
import { clipboard, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { SharingService } from '@signet/sharing';

export interface TrayActions {
  shareFiles(): void;
  showWindow(): void;
  quit(): void;
}

export function createTray(
  service: SharingService,
  actions: TrayActions,
  iconPath?: string,
): { refresh(): Promise<void>; destroy(): void } {
  const tray = new Tray(iconPath ? nativeImage.createFromPath(iconPath) : nativeImage.createEmpty());
  tray.setToolTip('Signet');
  tray.on('click', () => actions.showWindow());
  const refresh = async () => {
    const recent = await service.listLinks({ filter: 'active', limit: 8 }).catch(() => []);
    const items: MenuItemConstructorOptions[] = recent.length
      ? recent.map((r) => ({
          label: r.file?.name ?? r.key.split('/').pop() ?? r.key,
          click: () =>
            void service.getLinkUrl(r.id).then(
              (url) => clipboard.writeText(url),
              () => actions.showWindow(),
            ),
        }))
      : [{ label: 'No active links', enabled: false }];
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Share files…', click: () => actions.shareFiles() },
        { label: 'Open Signet', click: () => actions.showWindow() },
        { label: 'Recent links', submenu: items },
        { type: 'separator' },
        { label: 'Quit Signet', click: () => actions.quit() },
      ]),
    );
  };
  return { refresh, destroy: () => tray.destroy() };
}
