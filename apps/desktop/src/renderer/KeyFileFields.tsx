/**
 * The CloudFront private key fields of the profile forms: a .pem file picker and its passphrase.
 * `onFile` gets the picked file (undefined when the pick is cleared); the caller keeps what it
 * needs of it (main reads the file from its path; the secret never passes through here).
 */
export function KeyFileFields({
  label,
  onFile,
  passphrase,
  onPassphrase,
}: {
  label: string;
  onFile: (file: File | undefined) => void;
  passphrase: string;
  onPassphrase: (value: string) => void;
}) {
  return (
    <>
      <label className="field">
        <span>{label}</span>
        <input type="file" accept=".pem,.key" onChange={(e) => onFile(e.target.files?.[0])} />
      </label>
      <label className="field">
        <span>Key passphrase (if any)</span>
        <input type="password" value={passphrase} onChange={(e) => onPassphrase(e.target.value)} autoComplete="off" />
      </label>
    </>
  );
}
