/** Something about a link its user should know, in words (e.g. it dies earlier than asked). */
export interface LinkWarning {
  /** Stable code: CREDENTIALS_EXPIRE_FIRST, SIGV4_MAX, START_IN_FUTURE, … */
  code: 'CREDENTIALS_EXPIRE_FIRST' | 'SIGV4_MAX' | 'EXPIRY_ROUNDED' | 'START_IN_FUTURE' | (string & {});
  message: string;
}
