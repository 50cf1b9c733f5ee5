// What the user right-clicked, as an object reference for the desktop: the link, else the image
// or media source, else the selected text (e.g. `s3://bucket/key`), else the page itself (an S3
// console object page or an S3/CloudFront URL opened in the tab). The desktop decides whether it
// is an object of one of its profiles; the extension only picks the most specific candidate.
//
// Selected text is the hard case: keys may contain spaces, and a sentence goes on after the key
// (`see s3://b/dossiers/été 2026.txt tomorrow`). The extension does not guess where the key ends:
// it sends every reading (cut at each space) and the bridge signs the one whose object exists.

export interface ClickTarget {
  linkUrl?: string;
  srcUrl?: string;
  selectionText?: string;
  pageUrl?: string;
  frameUrl?: string;
}

/** What to ask Signet for: a reference with other readings, or why there is nothing to ask. */
export type Picked = { ok: true; ref: string; candidates: string[] } | { ok: false; message: string };

/** At most this many readings of a selection (the protocol's limit is 16 candidates + ref). */
const MAX_READINGS = 12;
/** `arn:aws-us-gov:s3:::` + a 63-character bucket + `/` + a 1024-byte key, with room to spare. */
const MAX_REFERENCE_CHARS = 1200;

const S3_URI = /s3:\/\//gi;
const ARN = /arn:aws[\w-]*:s3:::/gi;
const S3_URL = /https?:\/\/[^\s"'<>`]*(amazonaws\.com(\.cn)?|cloudfront\.net)[^\s"'<>`]*/i;

/** Whether selected text holds something Signet can sign (the selection menu shows only then). */
export function selectionHasReference(text: string): boolean {
  return /s3:\/\/\S/i.test(text) || /arn:aws[\w-]*:s3:::\S/i.test(text) || S3_URL.test(text);
}

export function pickReference(info: ClickTarget, tabUrl?: string): Picked | undefined {
  const single = (ref: string | undefined): Picked | undefined =>
    ref === undefined ? undefined : { ok: true, ref, candidates: [] };
  return (
    single(nonEmpty(info.linkUrl)) ??
    single(nonEmpty(info.srcUrl)) ??
    (info.selectionText?.trim() ? readingsOfText(info.selectionText) : undefined) ??
    single(nonEmpty(info.frameUrl)) ??
    single(nonEmpty(info.pageUrl)) ??
    single(nonEmpty(tabUrl))
  );
}

/**
 * The readings of selected text. `s3://` and ARN references may contain spaces: one reading per
 * possible end (each space up to the end of the line), the whole line first when the selection is
 * exactly one reference. URLs end at the first space. Two references in one selection are refused.
 */
export function readingsOfText(text: string): Picked {
  const trimmed = text.trim();
  const starts = [...trimmed.matchAll(S3_URI), ...trimmed.matchAll(ARN)].map((m) => m.index);
  if (starts.length > 1)
    return {
      ok: false,
      message: `The selection holds ${starts.length} S3 addresses. Select only the one you want to share.`,
    };
  if (starts.length === 1) {
    const start = starts[0]!;
    // An S3 key is at most 1024 bytes: nothing past that on the line can be part of it.
    const line = trimmed
      .slice(start)
      .split(/[\r\n]/, 1)[0]!
      .slice(0, MAX_REFERENCE_CHARS);
    const readings = cutsAtSpaces(line);
    if (readings.length === 0) return { ok: false, message: 'The selected S3 address has no object name.' };
    // A selection that is exactly one reference: the whole of it is the likeliest reading (keys
    // may contain spaces); inside a sentence, the reading that ends at the first space.
    const whole = start === 0 && line.length === trimmed.length;
    const ref = whole ? readings[readings.length - 1]! : readings[0]!;
    const others = readings.filter((r) => r !== ref).slice(0, MAX_READINGS - 1);
    return { ok: true, ref, candidates: others };
  }
  const url = /https?:\/\/[^\s"'<>`]+/i.exec(trimmed)?.[0];
  if (url) return { ok: true, ref: stripTrailing(url), candidates: [] };
  return {
    ok: false,
    message: 'The selection holds no S3 address. Select text such as s3://bucket/file.pdf or an S3 link.',
  };
}

/** `s3://b/a b c.txt, ok` → `s3://b/a`, `s3://b/a b`, `s3://b/a b c.txt`, `s3://b/a b c.txt, ok`. */
function cutsAtSpaces(line: string): string[] {
  const out: string[] = [];
  // Split with a capture group: words at even indexes, the whitespace between them at odd ones.
  const parts = line.split(/(\s+)/);
  let acc = '';
  parts.forEach((part, i) => {
    acc += part;
    if (i % 2 === 1) return;
    const reading = stripTrailing(acc);
    if (/^(s3:\/\/|arn:aws[\w-]*:s3:::)[^/\s]+\/\S/i.test(reading) && !out.includes(reading)) out.push(reading);
  });
  return out;
}

/** Quotes, brackets and sentence punctuation around a reference are not part of it. */
function stripTrailing(text: string): string {
  return text.replace(/[)"'»”’,.;:!?\]>]+$/u, '');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() ? value.trim() : undefined;
}
