/** SigV4 presigned URLs live 1 s to 7 days (X-Amz-Expires 1–604800). */
export const SIGV4_MIN_EXPIRES_SECONDS = 1;
export const SIGV4_MAX_EXPIRES_SECONDS = 604_800;
