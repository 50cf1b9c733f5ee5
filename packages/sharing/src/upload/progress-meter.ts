// Turns "bytes uploaded so far" into what a progress bar shows: percent, a smoothed rate and
// an ETA. Parts finish in bursts (progress is counted per part sent), so the rate is an
// exponential moving average over time, not the last interval.
import type { UploadProgress } from '../api.js';

/** Time constant of the rate average: recent seconds count most, bursts are evened out. */
const TAU_MS = 3_000;

export class ProgressMeter {
  private rate = 0;
  private lastT: number;
  private lastLoaded = 0;

  constructor(
    private readonly file: string,
    private readonly total: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.lastT = clock();
  }

  /** The progress after `loaded` bytes (monotonic: a smaller value than before is ignored). */
  update(loaded: number): UploadProgress {
    const t = this.clock();
    const bytes = Math.min(this.total, Math.max(loaded, this.lastLoaded));
    const dt = t - this.lastT;
    if (dt > 0 && bytes > this.lastLoaded) {
      const instant = ((bytes - this.lastLoaded) * 1000) / dt;
      const alpha = this.rate === 0 ? 1 : 1 - Math.exp(-dt / TAU_MS);
      this.rate += alpha * (instant - this.rate);
      this.lastT = t;
      this.lastLoaded = bytes;
    } else if (bytes > this.lastLoaded) {
      this.lastLoaded = bytes; // same millisecond: count the bytes, keep the rate
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
