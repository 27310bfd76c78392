/** `sums`, or a copy twice as large when it holds fewer than `length` values: group sums grow by doubling. */
export function withRoom(sums: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  if (length <= sums.length) return sums;
  const bigger = new Float64Array(Math.max(length, sums.length * 2));
  bigger.set(sums);
  return bigger;
}
