// End to end in a real Firefox ESR (headless, puppeteer-core over WebDriver BiDi): the same
// scenarios as Chromium (support/scenarios.ts) — link, preset, media, selections, a missing
// object, approval, Signet not running, connector missing — against the Firefox build, the host
// registered in $HOME/.mozilla/native-messaging-hosts, the bridge and RGW.
import { buildArtifacts } from './support/launch-browser.js';
import { buildFirefoxExtension, launchFirefox } from './support/launch-firefox.js';
import { defineExtensionScenarios } from './support/scenarios.js';

defineExtensionScenarios('Firefox: extension ⇄ native host ⇄ bridge', async (signetHome) => {
  const { hostPath } = await buildArtifacts();
  return launchFirefox({ extDir: await buildFirefoxExtension(), hostPath, signetHome });
});
