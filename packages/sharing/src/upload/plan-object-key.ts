// The object key a shared file gets: the profile's key template (core renderKeyTemplate), with
// the folder structure kept for files shared as part of a folder, and the "(2)" variants used
// when a key is already taken.
import { renderKeyTemplate, validateObjectKey } from '@signet/core';

export interface PlanObjectKeyInput {
  /** The profile's key template, e.g. `{user}/{yyyy}/{mm}/{uuid}/{name}`. */
  template: string;
  /** The file name, or `folder/sub/file.txt` for a file inside a shared folder. */
  relativePath: string;
  user: string;
  now: Date;
  /** One uuid per shared file or folder: a folder's files stay together under it. */
  uuid: string;
}

/**
 * The key for a file. With a template ending in `{name}` (the usual case) the folders of a
 * shared folder are kept: `…/{uuid}/photos/2024/a.jpg`. Other templates get the path
 * flattened into the name (`photos_2024_a.jpg`), which still keeps keys distinct.
 */
export function planObjectKey(input: PlanObjectKeyInput): string {
  const segments = input.relativePath.split('/').filter((s) => s !== '');
  const vars = { user: input.user, now: input.now, uuid: input.uuid };
  if (segments.length <= 1 || !input.template.endsWith('{name}')) {
    return renderKeyTemplate(input.template, { ...vars, name: segments.join('/') });
  }
  // Render with a one-character name to learn the prefix, then append the cleaned path;
  // each segment goes through renderKeyTemplate too, so it is cleaned the same way.
  const prefix = renderKeyTemplate(input.template, { ...vars, name: 'x' }).slice(0, -1);
  const path = segments.map((s) => renderKeyTemplate('{name}', { ...vars, name: s })).join('/');
  const key = prefix + path;
  validateObjectKey(key);
  return key;
}

/**
 * The n-th alternative of a taken key (n ≥ 2): `report (2).pdf`, `archive (3).tar.gz`,
 * `README (2)`. Only the last segment changes.
 */
export function alternativeKey(key: string, n: number): string {
  const slash = key.lastIndexOf('/');
  const dir = key.slice(0, slash + 1);
  const name = key.slice(slash + 1);
  const m = /^(.+?)((?:\.tar)?\.[^./\s]{1,10})$/.exec(name);
  const [stem, ext] = m ? [m[1]!, m[2]!] : [name, ''];
  return `${dir}${stem} (${n})${ext}`;
}
