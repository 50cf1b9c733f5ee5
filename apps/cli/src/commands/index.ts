// Every `signet` sub-command, in help order. Each file registers one command on the program.
import type { Command } from 'commander';

export type RegisterCommand = (program: Command) => void;

export const commands: RegisterCommand[] = [];
