// Node module hook for main-process.test.ts: `electron` resolves to the recording stand-in.
const standIn = new URL('./electron-stand-in.mjs', import.meta.url).href;
export async function resolve(specifier, context, next) {
  return specifier === 'electron' ? { url: standIn, shortCircuit: true } : next(specifier, context);
}
