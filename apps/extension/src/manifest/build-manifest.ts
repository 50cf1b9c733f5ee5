// The extension manifest for Chromium browsers and Firefox, from one source. Differences:
// Chromium runs a service worker, copies through an offscreen document and — in development
// builds only — pins its id with a public `key`; Firefox runs an event page (it has a DOM:
// clipboard works there) and is identified by its gecko id.
// Why only development builds carry the key (docs/security.md, item 2): anyone can copy a public
// key into an unpacked extension of their own and get the same id, so an id pinned that way
// proves nothing. Release builds carry no key; the store signs them and gives the store id
// (CHROME_WEB_STORE_EXTENSION_ID), which an unpacked copy cannot take.
import { FIREFOX_EXTENSION_ID } from '@signet/protocol';

export type ExtensionTarget = 'chromium' | 'firefox';

/**
 * Base64 DER public key (SubjectPublicKeyInfo, RSA-2048) fixing the development id
 * (DEV_CHROMIUM_EXTENSION_ID = first 32 hex of sha256(DER) mapped 0-9a-f → a-p). Only the public
 * half is in the repository; the private key was discarded: nothing needs to sign a .crx here.
 */
export const DEV_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA2A/1rXBbVU7BFjh1/JlEq/M1cHBaJNAlUQmDofifQpKc87QxQd/nEqrE490SAXTlxSkz8a69WLz9jwEnNiBOKUKMx/6OPR4fok1HMd2IrFMd68Gh1UPUzSMCLmQPv25iiNzNFAEDeQO4HbXtv15FJ9Uxgd0rq3BVLf2eqcbFeijK7SKp7gHSm5xcyllgqoQyB6PxwQvJZdn28UpEuZ8eyFXzfGP8eM00dSi74HZZ4KDR/wgt3orQZRX+wNoLch3kCyZZxbyzQCfbkG8roPd4Q8dzNH6Sh6+7FYcek4UjykIqxlmi0Cfzb8fUXLp2+kdE2djRjYCTclfvHi2YmBoXXwIDAQAB';

const icons = {
  '16': 'icons/icon-16.png',
  '32': 'icons/icon-32.png',
  '48': 'icons/icon-48.png',
  '128': 'icons/icon-128.png',
};

export interface ManifestOptions {
  /** A development build: Chromium gets DEV_PUBLIC_KEY, i.e. the fixed DEV_CHROMIUM_EXTENSION_ID. */
  dev?: boolean;
}

export function buildManifest(
  target: ExtensionTarget,
  version: string,
  options: ManifestOptions = {},
): Record<string, unknown> {
  const common = {
    manifest_version: 3,
    name: 'Signet',
    short_name: 'Signet',
    version,
    description:
      'Right-click an S3 or CloudFront object to copy a time-limited share link made by the Signet desktop app.',
    icons,
    action: { default_title: 'Signet', default_popup: 'popup.html', default_icon: icons },
  };
  if (target === 'chromium') {
    return {
      ...common,
      ...(options.dev ? { key: DEV_PUBLIC_KEY } : {}),
      minimum_chrome_version: '116',
      permissions: ['contextMenus', 'nativeMessaging', 'storage', 'notifications', 'offscreen', 'clipboardWrite'],
      background: { service_worker: 'background.js' },
    };
  }
  return {
    ...common,
    permissions: ['contextMenus', 'nativeMessaging', 'storage', 'notifications', 'clipboardWrite'],
    background: { scripts: ['background.js'] },
    // Signet collects nothing: links go from the local desktop app to the local clipboard.
    browser_specific_settings: {
      gecko: {
        id: FIREFOX_EXTENSION_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
