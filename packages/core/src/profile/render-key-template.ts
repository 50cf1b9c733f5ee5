import { SignetError } from '../errors.js';
import { replaceBidiControls } from '../names/bidi-controls.js';
import { validateObjectKey } from '../s3/index.js';

const PLACEHOLDERS = ['user', 'yyyy', 'mm', 'dd', 'uuid', 'name', 'stem', 'ext'] as const;
const TOKEN = /\{([^{}]*)\}/g;

export interface KeyTemplateVars {
  /** The file name as uploaded (no directories). */
  name: string;
  /** The local user (for per-user prefixes). */
  user: string;
  now: Date;
  uuid: string;
}

/** Checks a key template: known placeholders only, and {name} or {uuid} so keys are unique. */
export function checkKeyTemplate(template: string): void {
  if (!template.trim())
    throw new SignetError('TEMPLATE_INVALID', 'The key template is empty. Use e.g. {yyyy}/{mm}/{uuid}/{name}.');
  for (const [, name] of template.matchAll(TOKEN)) {
    if (!(PLACEHOLDERS as readonly string[]).includes(name ?? '')) {
      throw new SignetError(
        'TEMPLATE_INVALID',
        `The key template uses {${name}}, which Signet does not know. Use ${PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}.`,
      );
    }
  }
  const stray = template.replace(TOKEN, '').match(/[{}]/);
  if (stray)
    throw new SignetError(
      'TEMPLATE_INVALID',
      `The key template has an unmatched "${stray[0]}". Write placeholders in braces, e.g. {uuid}/{name}.`,
    );
  // {ext} alone is not enough: every PDF would get the same key.
  if (!/\{(name|stem|uuid)\}/.test(template)) {
    throw new SignetError(
      'TEMPLATE_INVALID',
      'The key template has neither {name} nor {uuid}, so every upload would get the same key. Add one, e.g. {yyyy}/{mm}/{uuid}/{name}.',
    );
  }
  if (template.startsWith('/'))
    throw new SignetError(
      'TEMPLATE_INVALID',
      'The key template starts with "/", which makes keys with an empty first folder. Remove it.',
    );
}

/**
 * Renders an object key from a template such as `{user}/{yyyy}/{mm}/{uuid}/{name}` (UTC dates).
 * The file name is kept as given (spaces, unicode, reserved characters are fine in S3 keys);
 * path separators in it are replaced so a name cannot escape its folder, and bidi controls
 * (U+202E…) by "_", so "invoice\u202Etxt.exe" cannot pose as a .txt (callers warn: bidiNameWarning).
 */
export function renderKeyTemplate(template: string, vars: KeyTemplateVars): string {
  checkKeyTemplate(template);
  // Control characters make keys that no one can type or see; separators would escape the folder.
  // eslint-disable-next-line no-control-regex
  const clean = (v: string) => replaceBidiControls(v.replace(/[\u0000-\u001f\u007f]/g, '')).replace(/[/\\]/g, '_');
  const name = clean(vars.name);
  const dot = name.lastIndexOf('.');
  const values: Record<(typeof PLACEHOLDERS)[number], string> = {
    user: clean(vars.user) || 'user',
    yyyy: String(vars.now.getUTCFullYear()),
    mm: String(vars.now.getUTCMonth() + 1).padStart(2, '0'),
    dd: String(vars.now.getUTCDate()).padStart(2, '0'),
    uuid: clean(vars.uuid),
    name,
    stem: dot > 0 ? name.slice(0, dot) : name,
    ext: dot > 0 ? name.slice(dot + 1) : '',
  };
  const key = template.replace(TOKEN, (_m, p: (typeof PLACEHOLDERS)[number]) => values[p]);
  // '.', '..' and empty folders break links (browsers rewrite them) and listings.
  if (key.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new SignetError(
      'TEMPLATE_INVALID',
      `The key template "${template}" makes the key "${key}" here, with an empty, "." or ".." folder. Rename the file or adjust the template.`,
    );
  }
  validateObjectKey(key);
  return key;
}
