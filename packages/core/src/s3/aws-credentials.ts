/** AWS credentials as the signers take them. Never logged, never part of an error. */
export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials (STS, SSO, roles): sent as X-Amz-Security-Token. */
  sessionToken?: string | undefined;
  /** When temporary credentials expire: links signed with them die then. */
  expiration?: Date | undefined;
}
