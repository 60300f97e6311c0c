/** A copy of `a` with room for `size` values: the dedupe stage's tables grow by doubling and are kept between threads. */
export function grown(a: Int32Array, size = a.length * 2): Int32Array<ArrayBuffer> {
  const g = new Int32Array(size);
  g.set(a.length > size ? a.subarray(0, size) : a);
  return g;
}
