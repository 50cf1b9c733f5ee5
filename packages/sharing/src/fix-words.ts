// The "what to do" halves of the doctor's fixes and of the CloudFront tools' refusals, as the
// reader can act on them: a `signet` command in the terminal, the window's own controls in the
// desktop. The sentences around them are the same for both.

export interface FixWords {
  /** Store the right access key and secret for the profile. */
  setSecret(profileId: string): string;
  setRegion(profileId: string, region: string): string;
  importKey(profileId: string): string;
  rotate(profileId: string): string;
  setKeyId(profileId: string, keyId: string): string;
  /** Set CloudFront up for the bucket: a new distribution, or this existing one. */
  setUp(bucket: string, profileId: string, distributionId?: string): string;
  /** What `setUp` does with uploads allowed. */
  setUpUploads: string;
  retire(profileId: string): string;
  /** Retire a key the reader picks, whether or not it is due. */
  retireChosen(profileId: string): string;
  /** Have the profile's configuration checked (starts a sentence). */
  checkSetup(profileId: string): string;
  /** How to wait for a deployment. */
  waitDeployed: string;
}

export const CLI_WORDS: FixWords = {
  setSecret: (id) => `signet profile set-secret ${id} --access-key-id <id>`,
  setRegion: (id, region) => `signet profile add ${id} --region ${region}`,
  importKey: (id) => `signet key import <pem> --profile ${id}`,
  rotate: (id) => `signet cloudfront rotate-key --profile ${id}`,
  setKeyId: (id, keyId) => `signet profile add ${id} --key-pair-id ${keyId}`,
  setUp: (bucket, id, dist) =>
    dist
      ? `signet cloudfront setup --bucket ${bucket} --profile ${id} --distribution ${dist}`
      : `signet cloudfront setup --bucket ${bucket} --profile ${id} --create`,
  setUpUploads: 'signet cloudfront setup --uploads',
  retire: (id) => `signet cloudfront retire-key --profile ${id}`,
  retireChosen: (id) => `signet cloudfront retire-key --profile ${id} --key <id> --now`,
  checkSetup: (id) => `Run signet doctor --profile ${id}`,
  waitDeployed: 'signet cloudfront setup … --wait waits for it',
};

const card = "on the profile's card in Settings";

const WINDOW_WORDS: FixWords = {
  setSecret: () => `"Replace the access key" ${card}`,
  setRegion: (_id, region) => `Edit… ${card}, Region ${region}`,
  importKey: () => `Keys → CloudFront private key (.pem) ${card}`,
  rotate: () => `"Rotate signing key…" ${card}`,
  setKeyId: (_id, keyId) => `Edit… ${card}, Public key id ${keyId}`,
  setUp: (_bucket, _id, dist) =>
    dist
      ? `Settings → CloudFront → Set up CloudFront…, with the existing distribution ${dist}`
      : 'Settings → CloudFront → Set up CloudFront…',
  setUpUploads: 'Set up CloudFront… with "Allow uploads through CloudFront"',
  retire: () => `"Retire old key now" ${card}`,
  retireChosen: () => `"Retire old key now" ${card}`,
  checkSetup: () => `"Check setup" ${card} says what is wrong`,
  waitDeployed: 'Check setup again in a few minutes',
};

export const fixWordsFor = (surface: 'cli' | 'window' | undefined): FixWords =>
  surface === 'window' ? WINDOW_WORDS : CLI_WORDS;
