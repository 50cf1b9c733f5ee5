// Every `signet` sub-command, in help order. Each file registers one command on the program.
import type { Command } from 'commander';
import { registerBridgeCommand } from './bridge.js';
import { registerCookiesCommand } from './cookies.js';
import { registerLinkCommand } from './link.js';
import { registerNativeHostCommand } from './native-host.js';
import { registerServeCommand } from './serve.js';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [
  registerLinkCommand,
  registerCookiesCommand,
  registerServeCommand,
  registerBridgeCommand,
  registerNativeHostCommand,
];
