/** `signet` exit codes: scripts rely on them. */
export const EXIT_OK = 0;
/** Something failed (a ref could not be signed, the server refused…). */
export const EXIT_ERROR = 1;
/** The command line itself is wrong (unknown option, bad value, missing argument). */
export const EXIT_USAGE = 2;
