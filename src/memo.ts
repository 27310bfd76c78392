// Memoised formatting for the per-record reports: the same few values repeat (lexicon weights times a few rule
// factors), and number formatting was a fifth of writing a record.

/** `compute`, remembered per argument; starts over when `max` values are held, so a batch job cannot grow it
 *  without limit. */
export function boundedMemo<K, V>(compute: (key: K) => V, max: number): (key: K) => V {
  const memo = new Map<K, V>();
  return (key) => {
    let value = memo.get(key);
    if (value === undefined) {
      value = compute(key);
      if (memo.size >= max) memo.clear();
      memo.set(key, value);
    }
    return value;
  };
}
