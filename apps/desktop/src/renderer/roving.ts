// Arrow-key movement for tab lists and radio groups (WAI-ARIA APG): Left/Up and Right/Down move
// and select, Home/End jump; only the selected item is in the Tab order (roving tabindex).
import type { KeyboardEvent } from 'react';

export function rovingKeyDown<T>(
  e: KeyboardEvent<HTMLElement>,
  values: readonly T[],
  current: T,
  select: (v: T) => void,
): void {
  const i = values.indexOf(current);
  const next =
    e.key === 'ArrowRight' || e.key === 'ArrowDown'
      ? (i + 1) % values.length
      : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
        ? (i - 1 + values.length) % values.length
        : e.key === 'Home'
          ? 0
          : e.key === 'End'
            ? values.length - 1
            : -1;
  // Not a moving key, or nothing to move to (an empty group: the modulo gives NaN).
  const value = next >= 0 ? values[next] : undefined;
  if (value === undefined) return;
  e.preventDefault();
  select(value);
  // Focus follows selection: the element for the new value is a sibling with data-value.
  const group = e.currentTarget.closest('[role=tablist],[role=radiogroup]');
  requestAnimationFrame(() => group?.querySelector<HTMLElement>(`[data-value="${String(value)}"]`)?.focus());
}
