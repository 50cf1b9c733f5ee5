import { type z } from 'zod';
import { SignetError } from '../errors.js';
import { profileSchema, type Profile } from './profile-schema.js';

/**
 * Validates a profile (from a config file, the CLI or the desktop settings) and fills defaults.
 * Throws PROFILE_INVALID naming each wrong field and what to write instead.
 */
export function parseProfile(input: unknown): Profile {
  const r = profileSchema.safeParse(input);
  if (r.success) return r.data;
  const id = typeof input === 'object' && input && 'id' in input ? String((input as { id: unknown }).id) : undefined;
  const lines = r.error.issues.map(
    (i) => `${i.path.length ? i.path.join('.') : 'profile'}: ${describeIssue(i).replace(/\.$/, '')}`,
  );
  throw new SignetError('PROFILE_INVALID', `Profile${id ? ` "${id}"` : ''} is not valid — ${lines.join('; ')}.`, {
    details: { issues: lines },
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `unknown field(s) ${issue.keys.join(', ')} (secrets never go in a profile: they are kept in the keychain)`;
  if (issue.code === 'invalid_type' && issue.path.length === 0)
    return 'expected an object with at least id, bucket and region';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'missing';
  return issue.message;
}
