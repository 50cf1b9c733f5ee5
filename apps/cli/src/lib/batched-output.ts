import type { Writable } from 'node:stream';

/**
 * Collects output lines and writes them in large pieces: a bulk run writes 50,000 links in a
 * few dozen writes instead of 50,000. `flush()` waits when the stream is full, so output never
 * piles up in memory faster than the reader takes it.
 */
export class BatchedOutput {
  private pending = '';

  constructor(
    private readonly stream: Writable,
    private readonly highWater = 64 * 1024,
  ) {}

  /** Queues one line (newline added); writes when enough has piled up. */
  line(text: string): void {
    this.pending += `${text}\n`;
    if (this.pending.length >= this.highWater) this.writePending();
  }

  /** Writes what is queued and waits until the stream can take more. */
  async flush(): Promise<void> {
    if (this.writePending()) return;
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        this.stream.off('error', onError);
        resolve();
      };
      const onError = (e: Error) => {
        this.stream.off('drain', onDrain);
        reject(e);
      };
      this.stream.once('drain', onDrain);
      this.stream.once('error', onError);
    });
  }

  /** True when the stream can take more right away. */
  private writePending(): boolean {
    if (!this.pending) return !this.stream.writableNeedDrain;
    const ok = this.stream.write(this.pending);
    this.pending = '';
    return ok;
  }
}
