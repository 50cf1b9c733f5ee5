// What the user right-clicked, as an object reference for the desktop: the link, else the image
// or media source, else the selected text (e.g. `s3://bucket/key`), else the page itself (an S3
// console object page or an S3/CloudFront URL opened in the tab). The desktop decides whether it
// is an object of one of its profiles; the extension only picks the most specific candidate.

export interface ClickTarget {
  linkUrl?: string;
  srcUrl?: string;
  selectionText?: string;
  pageUrl?: string;
  frameUrl?: string;
}

export function pickReference(info: ClickTarget, tabUrl?: string): string | undefined {
  const selection = info.selectionText ? referenceInText(info.selectionText) : undefined;
  return (
    nonEmpty(info.linkUrl) ??
    nonEmpty(info.srcUrl) ??
    selection ??
    nonEmpty(info.frameUrl) ??
    nonEmpty(info.pageUrl) ??
    nonEmpty(tabUrl)
  );
}

/** The first thing in selected text that looks like an object reference (or the whole trimmed text). */
export function referenceInText(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  // A selection that is exactly one s3:// reference keeps its spaces (keys may contain them).
  if (/^(s3:\/\/|arn:aws[\w-]*:s3:::)[^\n]+$/i.test(trimmed)) return trimmed;
  const match = /(s3:\/\/[^\s"'<>`]+|arn:aws[\w-]*:s3:::[^\s"'<>`]+|https?:\/\/[^\s"'<>`]+)/i.exec(trimmed);
  return (match?.[1] ?? trimmed).replace(/[),.;\]]+$/, '');
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() ? value.trim() : undefined;
}
