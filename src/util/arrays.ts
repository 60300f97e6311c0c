/**
 * `n` empty lists, built by a loop. Lists of lists filled per thread (units per comment, spans set
 * aside per comment) made with `map(() => [])` came out in shapes that varied from thread to thread,
 * and V8 threw away the code it had compiled for them each time a new shape came (measured with
 * --trace-deopt on a batch worker; see link/context.ts).
 */
export function emptyLists<T>(n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < n; i++) out.push([]);
  return out;
}
