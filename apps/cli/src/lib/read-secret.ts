import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { UsageError } from './usage-error.js';

/** Reads all of stdin (for --secret-stdin), trimmed. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

/** Asks for a secret on the terminal without echoing it. Refuses when stdin is not a terminal. */
export async function promptSecret(question: string, hint: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError(`No terminal to ask for the ${question}. ${hint}`);
  const muted = new Writable({ write: (_c, _e, cb) => cb() });
  process.stderr.write(`${question}: `);
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer.trim();
}
