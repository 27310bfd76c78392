// natural ships no declarations for its submodule files; tilfreds imports them one by one (never natural's index,
// which loads dotenv and prints to stdout), so declare just what is used.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
