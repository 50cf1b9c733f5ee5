// Every `signet` sub-command, in help order. Each file registers one command on the program.
import type { Command } from 'commander';
import { registerBridgeCommand } from './bridge.js';
import { registerCloudFrontCommand } from './cloudfront.js';
import { registerCookiesCommand } from './cookies.js';
import { registerDoctorCommand } from './doctor.js';
import { registerKeyCommand } from './key.js';
import { registerLinkCommand } from './link.js';
import { registerLinksCommand } from './links.js';
import { registerNativeHostCommand } from './native-host.js';
import { registerProfileCommand } from './profile.js';
import { registerServeCommand } from './serve.js';
import { registerShareCommand } from './share.js';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerLinkCommand,
  registerCookiesCommand,
  registerShareCommand,
  registerLinksCommand,
  registerProfileCommand,
  registerKeyCommand,
  registerCloudFrontCommand,
  registerDoctorCommand,
  registerServeCommand,
  registerBridgeCommand,
  registerNativeHostCommand,
];
