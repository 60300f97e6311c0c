// natural ships no types for its submodules; threadmap imports only these two, never the index
// (which loads database clients and prints to stdout).
declare module 'natural/lib/natural/util/stopwords.js' {
  export const words: string[];
}
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(word: string): string };
  export default PorterStemmer;
}
