// Names people see (file names, object keys, download names): made safe to show and to use.
export { escapeForTerminal } from './escape-for-terminal.js';
export { describeBidiControls, hasBidiControls, replaceBidiControls } from './bidi-controls.js';
export { bidiNameWarning } from './bidi-name-warning.js';
