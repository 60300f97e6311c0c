// ml-distance ships types at a path its `exports` map does not expose to Bundler resolution.
declare module 'ml-distance' {
  export const similarity: { cosine(a: number[], b: number[]): number };
  export const distance: Record<string, (a: number[], b: number[]) => number>;
}
