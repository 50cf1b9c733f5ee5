// Turns a zod failure into one sentence a person can act on ("params.ref: too small"), never a
// dump of the offending value (it may hold a signed URL).
import type { z } from 'zod';

export function formatZodIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'the message is invalid';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'message';
  return `${where}: ${issue.message}`;
}
