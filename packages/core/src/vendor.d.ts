// natural's stemmer submodules ship without per-file type declarations. We import submodules only:
// natural's root import is slow, pulls in database drivers and prints to stdout.
declare module 'natural/lib/natural/stemmers/porter_stemmer_ru.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const stemmer: { stem(word: string): string };
  export default stemmer;
}
