// Public API of this module (re-exported by src/index.ts): register the native-messaging host
// with each browser, per OS, and report what is installed.
export { BROWSERS, isChromiumFamily, type BrowserId } from './browsers.js';
export { buildHostManifest, type HostManifest } from './build-host-manifest.js';
export {
  defaultExtensionIds,
  planNativeHostInstall,
  resolveManifestLocation,
  type NativeHostInstallOptions,
  type NativeHostPlan,
  type NativeHostTarget,
  type RegistryPlan,
} from './plan-native-host-install.js';
export {
  installNativeHost,
  nativeHostStatus,
  uninstallNativeHost,
  type NativeHostStatus,
  type RunRegistryCommand,
} from './install-native-host.js';
