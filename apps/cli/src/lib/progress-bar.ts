import { escapeForTerminal, formatBytes, formatDuration } from '@signet/core';
import type { UploadProgress } from '@signet/sharing';

/**
 * A one-line progress bar on stderr when it is a terminal; otherwise one plain line per finished
 * file (logs and CI keep a readable record without carriage-return noise).
 */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): {
  update(p: UploadProgress): void;
  done(): void;
} {
  const tty = stream.isTTY;
  const finished = new Set<string>();
  let last = 0;
  return {
    update(p) {
      if (!tty) {
        // Only the final event (100 %) means uploaded: a zero-byte file's first event (0 of 0 B,
        // 0 %) comes before anything is sent, and the upload can still fail.
        if (p.percent >= 100 && p.loaded >= p.total && !finished.has(p.file)) {
          finished.add(p.file);
          stream.write(`Uploaded ${escapeForTerminal(p.file)} (${formatBytes(p.total)}).\n`);
        }
        return;
      }
      const t = Date.now();
      if (t - last < 100 && p.loaded < p.total) return;
      last = t;
      const width = 24;
      const filled = Math.round((p.percent / 100) * width);
      // core's words, as the desktop says them: "3 minutes 5 seconds left"
      const eta = p.etaSeconds !== undefined && p.etaSeconds > 0 ? ` ${formatDuration(p.etaSeconds)} left` : '';
      // No rate in the first second (the meter waits for one it can trust), not "0 B/s".
      const rate = p.rate > 0 ? ` ${formatBytes(p.rate)}/s` : '';
      // File names are other people's choice: an escape in one must not drive the terminal.
      const name = escapeForTerminal(p.file.split(/[/\\]/).pop() ?? p.file);
      stream.write(
        `\r\x1b[K${name.slice(0, 30)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.percent.toFixed(0)}% ${formatBytes(p.loaded)}/${formatBytes(p.total)}${rate}${eta}`,
      );
    },
    done() {
      if (tty) stream.write('\r\x1b[K');
    },
  };
}
