/**
 * Memoise a pure function of a text over the last `size` distinct texts. Several stages analyse the
 * same article text one after another (segmentation, candidate time expressions); this lets them share
 * the work without threading it through every signature. The result is shared between callers, so it
 * must be treated as read-only (`segment` freezes its result).
 */
export function memoByText<T>(compute: (text: string) => T, size: number): (text: string) => T {
  const cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined) {
      // Most recently used last, so that the oldest entry is the first one evicted.
      cache.delete(text);
      cache.set(text, hit);
      return hit;
    }
    const value = compute(text);
    cache.set(text, value);
    if (cache.size > size) cache.delete(cache.keys().next().value as string);
    return value;
  };
}
