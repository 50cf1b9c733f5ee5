// @signet/core/browser is bundled into the renderer and the extension: every module it reaches
// must import nothing but other relative modules (no node:*, no SDK, no package at all).
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

function reach(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (seen.has(f)) continue;
    const specs = importsOf(f);
    seen.set(f, specs);
    for (const s of specs) if (s.startsWith('.')) todo.push(resolve(dirname(f), s.replace(/\.js$/, '.ts')));
  }
  return seen;
}

describe('@signet/core/browser', () => {
  it('reaches only relative modules: no Node built-in, SDK or other package', () => {
    const graph = reach(join(import.meta.dirname, 'index.ts'));
    expect(graph.size).toBeGreaterThan(5);
    const outside = [...graph].flatMap(([f, specs]) =>
      specs.filter((s) => !s.startsWith('.')).map((s) => `${f}: ${s}`),
    );
    expect(outside).toEqual([]);
  });

  it('the package exports it as a subpath', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as {
      exports: Record<string, string>;
    };
    expect(pkg.exports['./browser']).toBe('./src/browser/index.ts');
  });
});
