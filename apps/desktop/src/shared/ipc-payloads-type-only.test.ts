// The payload schemas are zod, for main to parse with. The renderer and the preload take their
// types only (`import type`), so neither bundle carries zod nor can call a schema: a value import
// of ipc-payloads or zod anywhere but main is refused here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = join(import.meta.dirname, '..');
const files = (dir: string): string[] =>
  readdirSync(join(src, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );

describe('IPC payload schemas', () => {
  it('reach the renderer, the preload and desktop-api.ts as types only', () => {
    const checked = [...files('renderer'), ...files('preload'), 'shared/desktop-api.ts'];
    expect(checked.length).toBeGreaterThan(10);
    const valueImports = checked.flatMap((f) =>
      [...readFileSync(join(src, f), 'utf8').matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)]
        .filter((m) => /ipc-payloads|^zod$/.test(m[1]!))
        .map((m) => `${f}: ${m[0].split('\n')[0]}`),
    );
    expect(valueImports).toEqual([]);
  });
});
