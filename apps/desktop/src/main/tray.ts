// The tray / menu-bar icon: the running shares (progress, Cancel), Share files…, the last active
// links (a click copies one again), Quit. The icon is made at build time from assets/icon.svg
// (a template image on macOS, so it follows the menu bar's light or dark look).
import { clipboard, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { SharingService } from '@signet/sharing';
import { shareItems, type ShareActivity } from './share-tracker.js';

export interface TrayActions {
  shareFiles(): void;
  /** Files dropped on the tray / menu-bar icon (macOS): shared like a drop on the window. */
  sharePaths(paths: string[]): void;
  showWindow(): void;
  quit(): void;
  cancelShare(shareId: string): void;
  /** The shares running now. */
  shares(): ShareActivity[];
}

export function createTray(
  service: SharingService,
  actions: TrayActions,
  iconPath?: string,
): { refresh(): Promise<void>; destroy(): void } {
  const image = iconPath ? nativeImage.createFromPath(iconPath) : nativeImage.createEmpty();
  if (process.platform === 'darwin') image.setTemplateImage(true);
  const tray = new Tray(image);
  tray.setToolTip('Signet');
  tray.on('click', () => actions.showWindow());
  tray.on('drop-files', (_e, files) => actions.sharePaths(files));
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
    const running = shareItems(actions.shares(), actions.cancelShare);
    tray.setToolTip(running.length ? `Signet — ${String(running[0]!.label)}` : 'Signet');
    tray.setContextMenu(
      Menu.buildFromTemplate([
        ...running,
        ...(running.length ? [{ type: 'separator' as const }] : []),
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
