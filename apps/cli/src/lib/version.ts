// The release number, loaded only when help or --version is shown: reading it from
// @signet/sharing at start-up would load the whole sharing engine for every command.
export { SIGNET_VERSION } from '@signet/sharing';
