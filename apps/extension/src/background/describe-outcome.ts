// The words a person reads after a click. Two lengths: `message` fits a Chromium notification
// (about two lines: NOTIFICATION_MAX characters), `details` is the whole story for the popup (the
// approval command, the bridge's explanation). GUI wording: menus and settings, not commands with
// backticks. One time zone (the computer's), one set of numbers: the effective expiry only.
import { formatDuration, roundTimeLeft } from '@signet/core/browser';
import type { ProtocolError } from '@signet/protocol';

/**
 * Chromium's extension docs give no number. Its own message center truncates a message at
 * width × expanded line limit / 3 characters (ui/message_center: 360 × 5 / 3 = 600) and shows
 * two lines collapsed; on Linux the desktop's notification daemon may show less. 110 characters
 * stay within two collapsed lines, so nothing a person needs (an origin, a profile) is cut.
 */
export const NOTIFICATION_MAX = 110;

type Level = 'ok' | 'warning' | 'error';

export interface Described {
  level: Level;
  title: string;
  /** Short: fits a notification. */
  message: string;
  /** Everything, for the popup. */
  details: string;
}

export interface LinkFacts {
  bucket: string;
  key: string;
  profileName?: string | undefined;
  profileId: string;
  expiresAt: string;
  effectiveExpiresAt: string;
  warnings?: { code: string; message: string }[];
}

/** A link was copied: until when it works (and why earlier than asked), and who signed it. */
export function describeLink(link: LinkFacts, now: Date): Described {
  const at = new Date(link.effectiveExpiresAt);
  // Read a few ms after signing: a 15-minute link has 14 min 59.99 s left. core's time-left
  // rounding (whole minutes, hours past a day, days past a week), as the popup and the desktop say it.
  const leftMs = at.getTime() - now.getTime();
  const left = describeDuration(leftMs > 0 ? roundTimeLeft(leftMs / 1000) * 1000 : leftMs);
  const name = link.key.split('/').pop() || link.key;
  const profile = link.profileName ?? link.profileId;
  const earlyMs = Date.parse(link.expiresAt) - at.getTime();
  // Links die with the credentials that signed them: that is a warning, not a plain success.
  if (earlyMs > 60_000) {
    const why = link.warnings?.some((w) => /CREDENTIAL/.test(w.code))
      ? 'when the temporary credentials that signed it expire'
      : 'the longest a link of this kind can live';
    // The why goes in the title: the message keeps the same shape as a plain success (file, time,
    // profile), so it fits and nothing is said twice.
    return {
      level: 'warning',
      title: why.startsWith('when')
        ? 'Link copied — ends when its credentials expire'
        : 'Link copied — ends before the expiry you chose',
      message: withName(
        name,
        ` · works until ${formatTime(at, now)} (${left}) · profile ${short(profile, PROFILE_MAX)}`,
      ),
      details: `${name} (bucket ${link.bucket}), signed by profile “${profile}”. The link stops working at ${formatTime(at, now)} (in ${left}), ${why}; you asked for ${formatTime(new Date(link.expiresAt), now)}.`,
    };
  }
  return {
    level: 'ok',
    title: 'Share link copied',
    message: withName(name, ` · works until ${formatTime(at, now)} (${left}) · profile ${short(profile, PROFILE_MAX)}`),
    details: `${name} (bucket ${link.bucket}), signed by profile “${profile}”. The link works until ${formatTime(at, now)} (${left}).`,
  };
}

const PROFILE_MAX = 24;

/**
 * `name` + `rest` within NOTIFICATION_MAX: the file name gives way (its start and its extension
 * kept), never the time or the profile that signed, which fit() would have cut off the end.
 */
function withName(name: string, rest: string): string {
  const plain = guiWording(rest);
  return `${short(name, Math.max(12, NOTIFICATION_MAX - plain.length))}${plain}`;
}

/** At most `max` characters: the start and the last 6 (an extension), "…" between. */
function short(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = Math.min(6, Math.floor(max / 3));
  return `${text.slice(0, max - tail - 1).trimEnd()}…${text.slice(-tail)}`;
}

/** "09:14" today, "Wed 2 Dec, 09:14" another day: the computer's own time zone, always. */
export function formatTime(at: Date, now: Date): string {
  const sameDay = at.toDateString() === now.toDateString();
  return at.toLocaleString(undefined, {
    ...(sameDay ? {} : { weekday: 'short', day: 'numeric', month: 'short' }),
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "1 hour", "6 days 23 hours", "14 minutes", "already expired". */
export function describeDuration(ms: number): string {
  // core's words, as the desktop and the CLI say them (@signet/core/browser: browser-safe)
  return ms <= 0 ? 'already expired' : formatDuration(ms / 1000);
}

/** What went wrong and what to do, short for the notification and in full for the popup. */
export function describeError(error: ProtocolError): Described {
  const err = (title: string, message: string, details = message): Described => ({
    level: 'error',
    title,
    message: fit(message),
    details: guiWording(details),
  });
  switch (error.code) {
    case 'APP_NOT_RUNNING':
      return err(
        'Signet is not running',
        'Open the Signet app, then try again.',
        'Signet is not running. Open the Signet app (or, without the app, run signet serve in a terminal), then try again.',
      );
    case 'HOST_NOT_INSTALLED':
      return err(
        'Signet connector missing',
        'Install it in Signet: Settings → Browser integration.',
        'The Signet connector is not installed for this browser. In Signet, open Settings → Browser integration and install it for this browser (or run signet native-host install).',
      );
    case 'NOT_APPROVED':
      return err(
        'Approve this browser in Signet',
        'Signet asks you to approve this extension: Settings → Browser integration.',
        error.message,
      );
    case 'NO_PROFILE_FOR_OBJECT':
      return err(
        'No profile for this object',
        'No Signet profile covers this object. Details in the popup.',
        `${error.message}${sameComputerHint(error.message)}`,
      );
    case 'NO_SUCH_OBJECT':
      return err('No such object', error.message);
    case 'LINK_BROKEN':
      return err(
        'The link does not work',
        'Signet made a link but it does not work. Details in the popup.',
        error.message,
      );
    case 'AMBIGUOUS_REFERENCE':
      return err('Which object?', 'The selection names several objects. Select only the one you mean.', error.message);
    case 'RATE_LIMITED':
      return err('Too many requests', `Try again in ${Math.max(1, Math.ceil((error.retryAfterMs ?? 1000) / 1000))} s.`);
    case 'BAD_REQUEST':
      return err('Nothing to share here', 'Signet cannot make a link for this. Details in the popup.', error.message);
    case 'NOT_AN_OBJECT':
      return err('Not a file', 'This is a bucket or a folder, not a file. Right-click a file.', error.message);
    case 'DESKTOP_ERROR':
      return err('Signet could not make the link', error.message);
    case 'VERSION_MISMATCH':
      return err('Update Signet', 'This extension and the Signet app are from different releases. Update both.');
    case 'TIMEOUT':
      return err('Signet did not answer', error.message);
    case 'HOST_DISCONNECTED':
      return err('Connection lost', 'The connection to Signet was lost. Try again.', error.message);
    case 'INTERNAL':
      return err('Signet could not make the link', error.message);
  }
}

/**
 * localhost and 127.0.0.1 (or ::1) are one computer but two host names, and a link is signed for
 * the host name it will be fetched from: say so when that is the whole difference.
 */
function sameComputerHint(message: string): string {
  const names = ['localhost', '127.0.0.1', '[::1]'].filter((n) => message.includes(`//${n}`));
  if (names.length < 2) return '';
  return ` ${names.join(' and ')} are the same computer but different host names, and a link is signed for one host name: open the object at the address the profile's endpoint uses, or give the profile this address.`;
}

/** A refusal the extension makes itself (nothing to share, a selection it cannot read). */
export function describeRefusal(message: string): Described {
  return { level: 'error', title: 'Nothing to share here', message: fit(message), details: message };
}

/**
 * Text for a person in a browser, not a terminal: the desktop's messages are written for both and
 * name command-line flags; here they name the app's settings instead. No Markdown backticks.
 */
export function guiWording(text: string): string {
  return text
    .replace(/`([^`]+)`/g, '$1')
    .replace(
      /Give s3:\/\/bucket\/key, an S3 or CloudFront URL, or an S3 console link\./g,
      'Right-click a link to an S3 or CloudFront object or an S3 console page, or select text such as s3://bucket/file.pdf.',
    )
    .replace(/ \(signet profile add [^()]*, or Settings in the desktop app\)/g, ' in Signet (Settings → Profiles)')
    .replace(/ \(signet profile add [^()]*\)/g, ' in Signet (Settings → Profiles)')
    .replace(/pass --endpoint (\S+) \(or add it to a profile's endpoint\)/g, "add $1 as a profile's endpoint in Signet")
    .replace(/ \(--cloudfront-domain [^()]*\)/g, ' in Signet (Settings → Profiles)')
    .replace(/CloudFront domain/g, 'CloudFront distribution');
}

/** At most NOTIFICATION_MAX characters: the first sentence, else cut at a word with "…". */
export function fit(text: string, max = NOTIFICATION_MAX): string {
  const plain = guiWording(text);
  if (plain.length <= max) return plain;
  const sentence = /^.+?[.!?](\s|$)/.exec(plain)?.[0]?.trim();
  if (sentence && sentence.length <= max) return sentence;
  return `${plain.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}
