// Names people see (file names, object keys, download names): made safe to show and to use.
export { escapeForTerminal } from './escape-for-terminal.js';
export { hasBidiControls, replaceBidiControls } from './bidi-controls.js';
