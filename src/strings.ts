// Strings taken from the input are slices of 1 MB decoded chunks, and a slice keeps its whole chunk alive.
// Anything that outlives a record (a group key, a memo entry) must hold a copy of its own.

/** A string with storage of its own (V8 flattens the concatenation into a new string, and slices that). */
export function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}
