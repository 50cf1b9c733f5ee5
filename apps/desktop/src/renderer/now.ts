import { useEffect, useState } from 'react';

/**
 * The clock for rendering: the time when the component mounted, then again every `everyMs`.
 * Rendering must not read Date.now() itself (a render may run again, or not at all, at any time);
 * a view whose words depend on the time ("that time has passed") reads this instead.
 */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
