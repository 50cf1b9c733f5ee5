// Every `signet` sub-command, in help order. Each file registers one command on the program.
// Loaded lazily: `signet link …` loads only link.ts and what it imports (the bundle is split
// per command), so a one-off link starts in a fraction of the time `aws s3 presign` takes.
// Help (`signet`, `signet --help`, an unknown command) loads them all.
import type { Command } from 'commander';

export type RegisterCommand = (program: Command) => void;

export interface CommandEntry {
  /** The name typed after `signet`. */
  name: string;
  load: () => Promise<RegisterCommand>;
}

const commands: CommandEntry[] = [
  { name: 'link', load: async () => (await import('./link.js')).registerLinkCommand },
  { name: 'cookies', load: async () => (await import('./cookies.js')).registerCookiesCommand },
  { name: 'share', load: async () => (await import('./share.js')).registerShareCommand },
  { name: 'links', load: async () => (await import('./links.js')).registerLinksCommand },
  { name: 'profile', load: async () => (await import('./profile.js')).registerProfileCommand },
  { name: 'key', load: async () => (await import('./key.js')).registerKeyCommand },
  { name: 'cloudfront', load: async () => (await import('./cloudfront.js')).registerCloudFrontCommand },
  { name: 'doctor', load: async () => (await import('./doctor.js')).registerDoctorCommand },
  { name: 'serve', load: async () => (await import('./serve.js')).registerServeCommand },
  { name: 'bridge', load: async () => (await import('./bridge.js')).registerBridgeCommand },
  { name: 'native-host', load: async () => (await import('./native-host.js')).registerNativeHostCommand },
];

/** The commands `argv` needs: the one it names, or all of them (help, `help <cmd>`, a typo). */
export function commandsFor(argv: string[]): CommandEntry[] {
  const named = commands.find((c) => c.name === argv[2]);
  return named ? [named] : commands;
}
