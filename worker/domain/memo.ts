/**
 * Puts `value` in a memo an isolate keeps between calls, starting the memo over once it holds `max`
 * entries, so what it remembers stays bounded whatever its callers ask. Answers `value`.
 */
export function remember<K, V>(memo: Map<K, V>, key: K, value: V, max: number): V {
  if (memo.size >= max && !memo.has(key)) memo.clear();
  memo.set(key, value);
  return value;
}
