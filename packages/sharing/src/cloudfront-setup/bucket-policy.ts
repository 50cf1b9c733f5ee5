// The bucket-policy statement that lets one CloudFront distribution (through its origin access
// control) read — and, for upload links, write — a private bucket, merged into whatever policy
// the bucket already has. Pure data: no I/O. Existing statements are never dropped or edited;
// only Signet's own statement (found by its Sid) is added or replaced.

/** One IAM policy statement, as far as Signet needs to read it. Unknown fields are kept. */
export interface PolicyStatement {
  Sid?: string;
  Effect?: string;
  Principal?: unknown;
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, unknown>>;
  [field: string]: unknown;
}

export interface BucketPolicy {
  Version?: string;
  Id?: string;
  Statement: PolicyStatement[];
  [field: string]: unknown;
}

const CLOUDFRONT_SERVICE = 'cloudfront.amazonaws.com';

/** Signet's statement for a distribution: one per distribution, named after it. */
function oacStatementSid(distributionId: string): string {
  return `SignetCloudFront${distributionId.replace(/[^A-Za-z0-9]/g, '')}`;
}

/** The statement AWS documents for an OAC: service principal + AWS:SourceArn of the distribution. */
export function buildOacStatement(input: {
  bucket: string;
  distributionId: string;
  distributionArn: string;
  uploads: boolean;
}): PolicyStatement {
  return {
    Sid: oacStatementSid(input.distributionId),
    Effect: 'Allow',
    Principal: { Service: CLOUDFRONT_SERVICE },
    Action: input.uploads ? ['s3:GetObject', 's3:PutObject'] : 's3:GetObject',
    Resource: `arn:aws:s3:::${input.bucket}/*`,
    Condition: { StringEquals: { 'AWS:SourceArn': input.distributionArn } },
  };
}

/** Parses a bucket policy document; undefined text (no policy yet) is an empty policy. */
export function parseBucketPolicy(text: string | undefined): BucketPolicy {
  if (text === undefined || text.trim() === '') return { Version: '2012-10-17', Statement: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('The bucket policy is not valid JSON.');
  }
  if (!data || typeof data !== 'object') throw new Error('The bucket policy is not a JSON object.');
  const p = data as { Statement?: unknown };
  const statements = Array.isArray(p.Statement) ? p.Statement : p.Statement ? [p.Statement] : [];
  return { ...(data as BucketPolicy), Statement: statements as PolicyStatement[] };
}

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)]);

function principalServices(p: unknown): string[] {
  if (!p || typeof p !== 'object') return [];
  return list((p as { Service?: unknown }).Service);
}

/** The distribution ARNs a statement's AWS:SourceArn condition names (any operator, any case of the key). */
function sourceArnsOf(s: PolicyStatement): string[] {
  const out: string[] = [];
  for (const op of Object.values(s.Condition ?? {})) {
    for (const [k, v] of Object.entries(op ?? {})) if (k.toLowerCase() === 'aws:sourcearn') out.push(...list(v));
  }
  return out;
}

const actionCovers = (actions: string[], wanted: string) =>
  actions.some((a) => a === '*' || a === 's3:*' || a.toLowerCase() === wanted.toLowerCase());
const resourceCovers = (resources: string[], bucket: string) =>
  resources.some((r) => r === '*' || r === `arn:aws:s3:::${bucket}/*` || r === `arn:aws:s3:::*`);

/** What the policy grants CloudFront (service principal statements that Allow). */
export interface CloudFrontGrant {
  sid?: string;
  distributionArns: string[];
  canRead: boolean;
  canWrite: boolean;
}

export function cloudFrontGrantsOf(policy: BucketPolicy, bucket: string): CloudFrontGrant[] {
  return policy.Statement.filter(
    (s) =>
      s.Effect === 'Allow' &&
      principalServices(s.Principal).includes(CLOUDFRONT_SERVICE) &&
      resourceCovers(list(s.Resource), bucket),
  ).map((s) => ({
    ...(s.Sid ? { sid: s.Sid } : {}),
    distributionArns: sourceArnsOf(s),
    canRead: actionCovers(list(s.Action), 's3:GetObject'),
    canWrite: actionCovers(list(s.Action), 's3:PutObject'),
  }));
}

/** Does the policy already let this distribution read (and write, if asked) the bucket? */
export function policyGrantsDistribution(
  policy: BucketPolicy,
  bucket: string,
  distributionArn: string,
  uploads: boolean,
): boolean {
  return cloudFrontGrantsOf(policy, bucket).some(
    (g) => g.distributionArns.includes(distributionArn) && g.canRead && (!uploads || g.canWrite),
  );
}

/**
 * The policy with the distribution's statement added (or Signet's own statement for it
 * replaced). `changed` is false when the policy already grants what is needed: a re-run
 * writes nothing.
 */
export function mergeOacStatement(
  policy: BucketPolicy,
  input: { bucket: string; distributionId: string; distributionArn: string; uploads: boolean },
): { policy: BucketPolicy; changed: boolean } {
  if (policyGrantsDistribution(policy, input.bucket, input.distributionArn, input.uploads))
    return { policy, changed: false };
  const statement = buildOacStatement(input);
  const kept = policy.Statement.filter((s) => s.Sid !== statement.Sid);
  return {
    policy: { ...policy, Version: policy.Version ?? '2012-10-17', Statement: [...kept, statement] },
    changed: true,
  };
}

/** A line diff of two policies (pretty-printed JSON), `-` removed, `+` added, two-space context. */
export function diffPolicies(before: BucketPolicy | undefined, after: BucketPolicy): string {
  const a = before && before.Statement.length > 0 ? JSON.stringify(before, null, 2).split('\n') : [];
  const b = JSON.stringify(after, null, 2).split('\n');
  // Longest common subsequence: policies are small (tens of lines).
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push(`+ ${b[j]}`);
      j++;
    } else {
      out.push(`- ${a[i]}`);
      i++;
    }
  }
  return out.join('\n');
}
