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
// az (Az.js) ships its OpenCorpora dictionary without type declarations; we use its DAWG reader only
// (the dictionary's other files are read by morphology.ts).
declare module 'az' {
  interface Dawg {
    /**
     * Entries of `word` (with `replaces` tried per letter): [key, payloads] each; a payload is
     * [paradigm index, form index] in a `words` DAWG, [count, paradigm index, form index] in a `probs` one.
     */
    findAll(word: string, replaces: Record<string, string>, stutter: number, typos: number): Array<[string, Array<[number, number] | [number, number, number]>]>;
  }
  const Az: { DAWG: { fromArrayBuffer(data: ArrayBuffer, format: 'words' | 'probs' | 'int'): Dawg } };
  export default Az;
}
