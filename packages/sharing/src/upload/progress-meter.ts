// Turns "bytes uploaded so far" into what a progress bar shows: percent, a smoothed rate and
// an ETA. Parts finish in bursts (progress is counted per part sent), so the rate is an
// exponential moving average over time, not the last interval.
import type { UploadProgress } from '../api.js';

/** Time constant of the rate average: recent seconds count most, bursts are evened out. */
const TAU_MS = 3_000;
/**
 * No rate before this much time has passed: the first part lands in the socket buffer at once, so
 * the first sample of a 3 MB/s line read "22.1 MiB/s · 1 second left". After it, the average since
 * the start seeds the moving average.
 */
const WARMUP_MS = 1_000;

export class ProgressMeter {
  private rate = 0;
  private readonly startT: number;
  private lastT: number;
  /** bytes counted in the rate so far (lags `seen` by bytes that came in the same millisecond) */
  private lastLoaded = 0;
  private seen = 0;

  constructor(
    private readonly file: string,
    private readonly total: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.startT = this.lastT = clock();
  }

  /** The progress after `loaded` bytes (monotonic: a smaller value than before is ignored). */
  update(loaded: number): UploadProgress {
    const t = this.clock();
    const bytes = Math.min(this.total, Math.max(loaded, this.seen));
    this.seen = bytes;
    if (this.rate === 0) {
      const elapsed = t - this.startT;
      if (elapsed >= WARMUP_MS && bytes > 0) {
        this.rate = (bytes * 1000) / elapsed;
        this.lastT = t;
        this.lastLoaded = bytes;
      }
    } else {
      const dt = t - this.lastT;
      if (dt > 0 && bytes > this.lastLoaded) {
        const instant = ((bytes - this.lastLoaded) * 1000) / dt;
        this.rate += (1 - Math.exp(-dt / TAU_MS)) * (instant - this.rate);
        this.lastT = t;
        this.lastLoaded = bytes;
      }
    }
    const percent =
      this.total === 0 ? (bytes === 0 && loaded === 0 ? 0 : 100) : Math.min(100, (bytes / this.total) * 100);
    return {
      file: this.file,
      loaded: bytes,
      total: this.total,
      percent,
      rate: this.rate,
      ...(this.rate > 0 ? { etaSeconds: Math.max(0, (this.total - bytes) / this.rate) } : {}),
    };
  }

  /** The final event: everything is there. */
  done(): UploadProgress {
    return { ...this.update(this.total), percent: 100, etaSeconds: 0 };
  }
}
