// The defaults a new profile gets: the profile schema fills them in, the CLI's help and the
// desktop's form show them. One place, so the form can never prefill something else.

/** A profile's region when none is given (also what S3-compatible servers usually accept). */
export const DEFAULT_REGION = 'us-east-1';
/** Object keys for uploads: a month folder and a random folder per file keep names from colliding. */
export const DEFAULT_KEY_TEMPLATE = '{yyyy}/{mm}/{uuid}/{name}';
/** How long a link lives when neither the request nor the profile says. */
export const DEFAULT_EXPIRY = '1d';
