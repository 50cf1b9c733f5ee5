// `signet link <ref...>`: one share link per reference, on stdout. `-` reads references from
// stdin, one per line, for bulk use: one process signs tens of thousands, one signature each.
// With --profile the link is made by the sharing engine and recorded in the history; without,
// it is signed statelessly with the standard AWS credential chain (fit for bulk scripts).
import { createCloudFrontSigner, parseSourceIp, type LinkWarning } from '@signet/core';
import { resolveAwsS3Settings, resolveCredentials } from '@signet/sharing/link-setup';
import { Option } from 'commander';
import { BatchedOutput } from '../lib/batched-output.js';
import { EXIT_ERROR, EXIT_OK, EXIT_USAGE, isBadValueError } from '../lib/exit-codes.js';
import { loadCloudFrontKeyFile } from '../lib/load-cloudfront-key.js';
import { asUsage, parseDateFlag, parseExpiresFlag, parseExpiresInFlag } from '../lib/parse-when.js';
import { parseSizeFlag } from '../lib/parse-size.js';
import { readLineBatches } from '../lib/read-lines.js';
import { createRefSigner, s3ConfigFromAws, withCoveringProfile, type RefSigner } from '../lib/ref-signer.js';
import { UsageError } from '../lib/usage-error.js';
import { signRefs } from '../lib/sign-refs.js';
import type { RegisterCommand } from './index.js';
import { runPostLink } from './link-post.js';

interface LinkFlags {
  expires?: string;
  expiresIn?: string;
  endpointUrl?: string;
  method: 'GET' | 'PUT' | 'POST';
  maxSize?: string;
  downloadName?: string;
  inline?: boolean;
  contentType?: string;
  region?: string;
  endpoint?: string;
  pathStyle?: boolean;
  folderMarker?: boolean;
  profile?: string;
  keyPairId?: string;
  privateKey?: string;
  start?: string;
  ip?: string;
  hash: 'sha1' | 'sha256';
  resource?: string;
  signingDate?: string;
  json?: boolean;
  /** false with --no-history: links a profile signs are not recorded. */
  history: boolean;
}

export const registerLinkCommand: RegisterCommand = (program) => {
  program
    .command('link')
    .description('print a share link for each S3 or CloudFront object (- reads references from stdin)')
    .argument('<ref...>', 's3://bucket/key, arn:aws:s3:::bucket/key, an S3/console/CloudFront URL, or - for stdin')
    .option(
      '-e, --expires <when>',
      "duration (90s 15m 2h 7d 1w) or ISO-8601 date-time; S3 links: at most 7d (default: the profile's default expiry with --profile, else 1h)",
    )
    .option('--expires-in <seconds>', 'the same as --expires, in whole seconds (as aws s3 presign takes it)')
    .addOption(
      new Option(
        '-m, --method <method>',
        'GET downloads; PUT makes an upload link; POST an upload form with limits (--max-size, --content-type)',
      )
        .choices(['GET', 'PUT', 'POST'])
        .default('GET'),
    )
    .option('--max-size <size>', "POST: largest upload accepted, e.g. 50MiB (default: 5GiB, S3's limit)")
    .option('--download-name <name>', 'file name the browser saves the download as')
    .option('--inline', 'show in the browser instead of downloading')
    .option('--content-type <type>', 'GET: content type the response gets; PUT: content type the uploader must send')
    .option('--region <region>', 'bucket region (default: from the URL, else AWS_REGION, else us-east-1)')
    .option('--endpoint <url>', 'S3-compatible endpoint, e.g. https://s3.example.com')
    .option('--endpoint-url <url>', 'the same as --endpoint (as the aws CLI spells it)')
    .option('--path-style', 'address the bucket in the path (most S3-compatible services)')
    .option('--folder-marker', 'a key ending in / is the folder-marker object itself (not a folder)')
    .option('-p, --profile <id>', 'Signet profile to sign with (see signet profile list)')
    .option('--key-pair-id <id>', 'CloudFront: public key id of your trusted key group')
    .option('--private-key <pem>', 'CloudFront: private key PEM file (passphrase: SIGNET_KEY_PASSPHRASE)')
    .option('--start <when>', 'CloudFront: not valid before (ISO-8601, or a duration from now)')
    .option('--ip <cidr>', 'CloudFront: only this IPv4 address or range, e.g. 203.0.113.0/24')
    .addOption(new Option('--hash <alg>', 'CloudFront signature hash').choices(['sha1', 'sha256']).default('sha1'))
    .option(
      '--resource <pattern>',
      "CloudFront: wildcard resource the signature covers, e.g. 'https://d1.cloudfront.net/docs/*'",
    )
    .option('--signing-date <iso>', 'sign as of this time (reproducible output)')
    .option('--json', 'one JSON object per line: ref, url, expiresAt, effectiveExpiresAt, warnings')
    .option('--no-history', "do not record links a profile signs in Signet's history (scripts, large bulk runs)")
    .addHelpText(
      'after',
      `
Examples:
  signet link s3://reports/2026/q3.pdf --expires 2h
  signet link s3://inbox/upload.bin --method PUT --content-type application/pdf
  signet link https://d111111abcdef8.cloudfront.net/v.mp4 --key-pair-id K2JCJMDEHXQW5F --private-key cf.pem --expires 30d
  cut -f1 keys.tsv | signet link - --json > links.jsonl`,
    )
    .action(async (refs: string[], flags: LinkFlags) => {
      process.exitCode = await runLink(refs, flags);
    });
};

async function runLink(refs: string[], f: LinkFlags): Promise<number> {
  if (f.expires !== undefined && f.expiresIn !== undefined)
    throw new UsageError('Give --expires or --expires-in, not both.');
  if (f.endpoint !== undefined && f.endpointUrl !== undefined)
    throw new UsageError('Give --endpoint or --endpoint-url (the same option), not both.');
  f.endpoint ??= f.endpointUrl;
  const fixedNow = f.signingDate ? parseDateFlag('--signing-date', f.signingDate) : undefined;
  const start = fixedNow ?? new Date();
  // Checked here even with --profile, so a bad value is a usage error (exit 2) before anything is signed.
  const asked =
    f.expires !== undefined
      ? parseExpiresFlag(f.expires, start)
      : f.expiresIn !== undefined
        ? parseExpiresInFlag(f.expiresIn, start)
        : undefined;
  if (f.ip !== undefined) asUsage('--ip', () => parseSourceIp(f.ip!));
  const expiresAt = asked ?? parseExpiresFlag(DEFAULT_EXPIRES, start);
  const startAt = f.start ? parseDateFlag('--start', f.start, start) : undefined;
  if (refs.filter((r) => r === '-').length > 0 && refs.length > 1)
    throw new UsageError('Give either references or "-" (read them from stdin), not both.');
  if (refs.includes('-') && process.stdin.isTTY)
    throw new UsageError(
      '"-" reads references from stdin, but stdin is a terminal. Pipe them in: cat refs.txt | signet link -',
    );
  if (Boolean(f.keyPairId) !== Boolean(f.privateKey))
    throw new UsageError('CloudFront signing needs both --key-pair-id and --private-key.');
  if (f.method !== 'GET' && (f.downloadName || f.inline))
    throw new UsageError(`--download-name and --inline apply to downloads (GET), not to upload links (${f.method}).`);
  if (f.maxSize !== undefined && f.method !== 'POST')
    throw new UsageError(
      '--max-size limits upload forms (--method POST); a PUT link cannot limit the size. Add --method POST.',
    );
  // Without --profile: region, endpoint and addressing as the AWS CLI reads them (AWS_PROFILE,
  // ~/.aws/config incl. the services section, AWS_ENDPOINT_URL(_S3), AWS_REGION). An unknown
  // AWS_PROFILE stops here with one sentence.
  const aws = f.profile ? {} : await resolveAwsS3Settings();
  if (f.method === 'POST') {
    if (refs.length !== 1 || refs[0] === '-')
      throw new UsageError('An upload form (POST) is made for one reference at a time: give one s3://bucket/prefix/.');
    if (f.profile || f.keyPairId || f.privateKey || f.start || f.ip || f.resource)
      throw new UsageError(
        'Upload forms (POST) are signed with the AWS credentials (not --profile yet) and take no CloudFront options.',
      );
    await runPostLink({
      ref: refs[0]!,
      expiresAt,
      now: fixedNow,
      maxBytes: f.maxSize !== undefined ? parseSizeFlag('--max-size', f.maxSize) : undefined,
      contentType: f.contentType,
      ...s3ConfigFromAws(f, aws),
      json: Boolean(f.json),
    });
    return EXIT_OK;
  }
  const method = f.method; // GET or PUT from here on

  if (f.profile) {
    if (f.keyPairId || f.privateKey || f.region || f.endpoint || f.pathStyle) {
      throw new UsageError(
        '--profile already says where the bucket is and how to sign: leave out --key-pair-id, --private-key, --region, --endpoint and --path-style.',
      );
    }
    if (f.resource)
      throw new UsageError(
        '--resource is not available with --profile yet; give --key-pair-id and --private-key instead.',
      );
    if (f.signingDate)
      throw new UsageError(
        '--signing-date cannot be combined with --profile (recorded links are signed at the current time).',
      );
  }
  // Links a profile signs are recorded in the history a batch at a time (one write, not one per
  // link), before the batch is printed: no link is shown unrecorded.
  const history = new HistoryBatch();
  const profileSigner = f.profile ? createProfileRefSigner({ ...f, method }, startAt, asked, history) : undefined;
  const stateless = () =>
    createRefSigner({
      credentials: () => markedAsAffectingEveryRef(() => resolveCredentials(undefined)),
      ...s3ConfigFromAws(f, aws),
      folderMarker: f.folderMarker,
      method,
      downloadName: f.downloadName,
      inline: f.inline,
      contentType: f.contentType,
      cloudFront:
        f.keyPairId && f.privateKey
          ? () =>
              markedAsAffectingEveryRef(() =>
                createCloudFrontSigner({
                  keyPairId: f.keyPairId!,
                  privateKey: loadCloudFrontKeyFile(f.privateKey!),
                  hash: f.hash,
                }),
              )
          : undefined,
      startAt,
      ipAddress: f.ip,
      resource: f.resource,
    });
  // No --profile and nothing that only stateless signing does: a Signet profile that covers a
  // reference signs it (as `share` does), and says so; other references use the AWS chain.
  const statelessOnly = f.region || f.endpoint || f.pathStyle || f.keyPairId || f.resource || f.signingDate;
  const signer =
    profileSigner ??
    (statelessOnly
      ? stateless()
      : withCoveringProfile(stateless(), {
          // Read from the profiles file alone: the sharing engine loads only when a profile signs.
          load: async () => (await import('../lib/read-profiles.js')).readProfiles(),
          viaProfile: (ref, profileId) =>
            createProfileRefSigner({ ...f, method, profile: profileId }, startAt, asked, history).sign(
              ref,
              expiresAt,
              fixedNow ?? new Date(),
            ),
          folderMarker: f.folderMarker,
          fallbackFailsAll: (err) => affectsEveryRef.has(err as object),
          onProfile: (p) =>
            process.stderr.write(
              `signet: signed with Signet profile "${p.id}" (bucket ${p.bucket}${p.endpoint ? ` on ${p.endpoint}` : ''}); --profile picks another.\n`,
            ),
        }));

  const warned = new Set<string>();
  const fromStdin = refs[0] === '-';
  const result = await signRefs(
    fromStdin ? readLineBatches(process.stdin) : [refs.map((line, i) => ({ line, lineNo: i + 1 }))],
    fromStdin,
    {
      sign: (ref) => signer.sign(ref, expiresAt, fixedNow ?? new Date()),
      stopsAll: f.profile ? stopsEveryProfileLink : (err) => affectsEveryRef.has(err as object),
      // Nothing is written out before the batch's links are in the history (beforeOutput) when a
      // profile may sign; a batch is one chunk of stdin, so this holds a few thousand lines at most.
      out: new BatchedOutput(process.stdout, f.profile || !statelessOnly ? Infinity : undefined),
      beforeOutput: () => history.release(),
      json: Boolean(f.json),
      onLink: (link, where) => {
        if (link.warnings.length) reportWarnings(link.warnings, warned, where());
        if (!f.json && link.headers)
          reportOnce(
            warned,
            `The uploader must send ${Object.entries(link.headers)
              .map(([k, v]) => `${k}: ${v}`)
              .join(', ')} with the upload.`,
          );
      },
      report: (text) =>
        process.stderr.write(`signet: ${text}
`),
    },
  );
  if (result.failed === 0) return EXIT_OK;
  // One reference given and its value is wrong (bad bucket, -e 8d for S3, a folder): the
  // command line is wrong, exit 2. Several: some were signed, exit 1 says "not all".
  // --profile naming no profile is wrong for every line; naming one that does not cover the
  // object (another server, another bucket) is wrong for that reference: both exit 2.
  const code = (result.firstError as { code?: unknown } | undefined)?.code;
  if (f.profile && code === 'PROFILE_NOT_FOUND') return EXIT_USAGE;
  const single = !fromStdin && refs.length === 1;
  if (single && f.profile && code === 'NO_PROFILE_FOR_OBJECT') return EXIT_USAGE;
  return single && isBadValueError(result.firstError) ? EXIT_USAGE : EXIT_ERROR;
}

/** Without a profile (whose default expiry applies otherwise), links last this long unless --expires says. */
const DEFAULT_EXPIRES = '1h';

/**
 * Errors from resolving the AWS credentials or loading the CloudFront key (stateless signing):
 * they affect every reference, so the run stops there. Marked where they arise rather than
 * guessed from a code: a per-reference error may carry a similar code (KEY_INVALID is an object key).
 */
const affectsEveryRef = new WeakSet<object>();
function markedAsAffectingEveryRef<T>(fn: () => T): T {
  try {
    const r = fn();
    if (r instanceof Promise) {
      return r.catch((e: unknown) => {
        if (typeof e === 'object' && e) affectsEveryRef.add(e);
        throw e;
      }) as T;
    }
    return r;
  } catch (e) {
    if (typeof e === 'object' && e) affectsEveryRef.add(e);
    throw e;
  }
}

/** With a profile: errors about the profile, its secrets or the keychain, never about one reference. */
const PROFILE_WIDE_CODES = new Set([
  'CREDENTIALS_MISSING',
  'CREDENTIALS_EXPIRED',
  'CREDENTIALS_REJECTED',
  'KEY_NOT_PRIVATE',
  'KEY_ENCRYPTED',
  'KEY_PASSPHRASE_WRONG',
  'KEY_UNSUPPORTED',
  'KEY_MALFORMED',
  'KEY_PAIR_ID_INVALID',
  'KEYCHAIN_LOCKED',
  'KEYCHAIN_UNAVAILABLE',
  'PROFILE_NOT_FOUND',
  'PROFILE_INVALID',
  'CONFIG_CORRUPT',
  'CONFIG_LOCKED',
  'HISTORY_CORRUPT',
  'HISTORY_LOCKED',
]);
const stopsEveryProfileLink = (err: unknown) => PROFILE_WIDE_CODES.has((err as { code?: string }).code ?? '');

function reportWarnings(warnings: LinkWarning[], seen: Set<string>, where = ''): void {
  // Said once per kind (the first line it applies to), not once per line of a bulk run.
  for (const w of warnings) reportOnce(seen, `${where}warning: ${w.message}`, w.code);
}

function reportOnce(seen: Set<string>, text: string, key = text): void {
  if (seen.has(key)) return;
  seen.add(key);
  process.stderr.write(`signet: ${text}\n`);
}

/** Signs through the sharing engine with a profile: credentials/key from the keychain, recorded. */
/** A batch of links signed with profiles (profiles read once, history written once), released before it is printed. */
class HistoryBatch {
  private release_: (() => Promise<void>) | undefined;

  hold(service: { beginBatch(): () => Promise<void> }): void {
    this.release_ ??= service.beginBatch();
  }

  async release(): Promise<void> {
    const release = this.release_;
    this.release_ = undefined;
    await release?.();
  }
}

function createProfileRefSigner(
  f: LinkFlags & { method: 'GET' | 'PUT' },
  startAt: Date | undefined,
  asked: Date | undefined,
  history: HistoryBatch,
): RefSigner {
  return {
    async sign(ref) {
      // The sharing engine (keychain, history, S3 client) is loaded only when a profile signs.
      const { sharing } = await import('../lib/sharing.js');
      history.hold(sharing());
      const r = await sharing().link({
        ref,
        profileId: f.profile!,
        // The user named the profile: its credentials may also sign other buckets on its server.
        profileScope: 'its-server',
        ...(f.folderMarker ? { folderMarker: true } : {}),
        // undefined: the profile's default expiry
        // Past the year 9999 the ISO form is "+021192-…", which the engine cannot read back: send
        // the weeks instead (at most 9 digits), so the profile's limit (S3 7 days, CloudFront 10 years) is what it says.
        ...(asked
          ? {
              expires:
                asked.getUTCFullYear() > 9999
                  ? `${Math.ceil((asked.getTime() - Date.now()) / 604_800_000)}w`
                  : asked.toISOString(),
            }
          : {}),
        options: {
          method: f.method,
          ...(f.downloadName ? { downloadName: f.downloadName } : {}),
          ...(f.inline ? { inline: true } : {}),
          ...(f.contentType ? { contentType: f.contentType } : {}),
          ...(startAt ? { startAt } : {}),
          ...(f.ip ? { ipAddress: f.ip } : {}),
        },
        source: 'cli',
        ...(f.history === false ? { record: 'never' as const } : {}),
      });
      return {
        url: r.url,
        kind: r.kind,
        method: r.method,
        expiresAt: new Date(r.expiresAt),
        effectiveExpiresAt: new Date(r.effectiveExpiresAt),
        warnings: r.warnings,
        ...(r.headers ? { headers: r.headers } : {}),
      };
    },
  };
}
