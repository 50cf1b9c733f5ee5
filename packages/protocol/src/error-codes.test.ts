// The README's error table is the protocol's documentation: it lists exactly the codes there are.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_ERROR_CODES } from './error-codes.js';

describe('protocol error codes', () => {
  it('the README error table lists every code, and no code that does not exist', () => {
    const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Errors'), readme.indexOf('\n## ', readme.indexOf('## Errors') + 1));
    const documented = [...section.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1]);
    expect([...documented].sort()).toEqual([...PROTOCOL_ERROR_CODES].sort());
  });
});
