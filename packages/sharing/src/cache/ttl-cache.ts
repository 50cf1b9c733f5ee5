// One small cache for the sharing service's "keep it for a minute" needs (signers, S3 clients,
// "is a secret stored" answers). An entry is a hit only while fresh and only for the same
// version of what it was made from (e.g. the profile's JSON: an edited profile misses).

export class TtlCache<V> {
  private readonly entries = new Map<string, { at: number; version: string; value: V }>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get(key: string, version = ''): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.version !== version || this.clock() - hit.at >= this.ttlMs) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: V, version = ''): V {
    this.entries.set(key, { at: this.clock(), version, value });
    return value;
  }

  /** The fresh entry for key + version, or a new one from `create` (kept from now). */
  getOrCreate(key: string, version: string, create: () => V): V {
    return this.get(key, version) ?? this.set(key, create(), version);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
