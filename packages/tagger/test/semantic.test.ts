/** @jest-environment ./packages/tagger/test/onnx-environment.cjs */
// The whole semantic path on a tiny model that scripts/make-tiny-model.mjs writes at test time:
// loading through transformers.js from a local folder, tokenization, ONNX inference, pooling, caching,
// chunking, fusion and offline errors. No mocks.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTinyModel } from '../../../scripts/make-tiny-model.mjs';
import {
  chunkSentences,
  createEmbedder,
  createTagger,
  defaultTaxonomy,
  locateModel,
  ModelNotFoundError,
  type Embedder,
  type TagResult,
} from '@topictag/tagger';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'topictag-semantic-'));
const tiny = join(tmp, 'tiny');
const tinyCls = join(tmp, 'tiny-cls');
makeTinyModel(tiny);
makeTinyModel(tinyCls, { pooling: 'cls' });
const seeds = readdirSync(join(root, 'seeds')).filter((f) => f.endsWith('.txt')).sort().map((f) => ({
  id: f.replace(/\.txt$/u, ''),
  source: f,
  text: readFileSync(join(root, 'seeds', f), 'utf8'),
}));
const cosine = (a: Float32Array, b: Float32Array): number => a.reduce((s, x, i) => s + x * b[i]!, 0);
const norm = (a: Float32Array): number => Math.sqrt(cosine(a, a));

let embedder: Embedder;
beforeAll(async () => {
  embedder = await createEmbedder({ model: tiny, dtype: 'fp32' });
});
afterAll(async () => {
  await embedder.dispose();
  rmSync(tmp, { recursive: true, force: true });
});

describe('createEmbedder (transformers.js, local folder)', () => {
  it('loads the model and reads pooling and length from its config', () => {
    expect(embedder.info).toMatchObject({ path: tiny, dtype: 'fp32', pooling: 'mean', normalize: true, dimensions: 32, maxTokens: 64 });
    expect(embedder.info.prefixes).toEqual({ query: '', passage: '' });
  });

  it('returns unit vectors; a text gives the same vector alone and padded in a batch', async () => {
    const texts = ['ОДКБ', 'Председательство в Организации Договора о коллективной безопасности перешло к Казахстану.', 'حل الدولتين'];
    const batch = await createEmbedder({ model: tiny, dtype: 'fp32', cacheSize: 0, batchSize: 8 });
    const together = await batch.embed(texts);
    for (const [i, t] of texts.entries()) {
      expect(norm(together[i]!)).toBeCloseTo(1, 5);
      const [alone] = await batch.embed([t]);
      expect(cosine(alone!, together[i]!)).toBeCloseTo(1, 5);
    }
    expect(cosine(together[0]!, together[1]!)).toBeLessThan(0.99);
    await batch.dispose();
  });

  it('pools by the CLS token when 1_Pooling/config.json says so', async () => {
    const cls = await createEmbedder({ model: tinyCls, dtype: 'fp32' });
    expect(cls.info.pooling).toBe('cls');
    const [a, b] = await cls.embed(['Казахстан', 'Gaza Strip ceasefire']);
    expect(cosine(a!, b!)).toBeCloseTo(1, 5); // a static model's [CLS] vector is the same for every text
    await cls.dispose();
  });

  it('loads the int8 weights for dtype q8 and int8: close to fp32, not the same', async () => {
    const q8 = await createEmbedder({ model: tiny, dtype: 'q8' });
    const int8 = await createEmbedder({ model: tiny, dtype: 'int8' });
    const text = 'Шанхайская организация сотрудничества';
    const [f] = await embedder.embed([text]);
    const [q] = await q8.embed([text]);
    const [i] = await int8.embed([text]);
    expect(cosine(f!, q!)).toBeGreaterThan(0.99);
    expect(Array.from(f!)).not.toEqual(Array.from(q!));
    expect(Array.from(q!)).toEqual(Array.from(i!));
    await Promise.all([q8.dispose(), int8.dispose()]);
  });

  it('caches embeddings by model and text', async () => {
    const e = await createEmbedder({ model: tiny, dtype: 'fp32', cacheSize: 100 });
    const first = await e.embed(['один', 'два', 'один']);
    expect(e.stats).toEqual({ computed: 2, cached: 0 });
    const again = await e.embed(['два', 'один']);
    expect(e.stats).toEqual({ computed: 2, cached: 2 });
    expect(again[1]).toBe(first[0]);
    await e.dispose();
  });

  it('uses the E5 prefixes for E5 models: "query: " for topics, "passage: " for sentences', async () => {
    const e5path = join(tmp, 'multilingual-e5-tiny');
    cpSync(tiny, e5path, { recursive: true });
    const e5 = await createEmbedder({ model: e5path, dtype: 'fp32', cacheSize: 0 });
    expect(e5.info.prefixes).toEqual({ query: 'query: ', passage: 'passage: ' });
    const [q] = await e5.embed(['Казахстан'], 'query');
    const [p] = await e5.embed(['Казахстан'], 'passage');
    const [plain] = await embedder.embed(['query: Казахстан']);
    expect(cosine(q!, plain!)).toBeCloseTo(1, 5);
    expect(cosine(q!, p!)).toBeLessThan(0.999);
    await e5.dispose();
  });

  it('runs the model in a worker thread with the same results', async () => {
    const w = await createEmbedder({ model: tiny, dtype: 'fp32', worker: true });
    const texts = ['ШОС', 'Астана принимает саммит'];
    const [a, b] = await w.embed(texts);
    const [c, d] = await embedder.embed(texts);
    expect(Array.from(a!)).toEqual(Array.from(c!));
    expect(Array.from(b!)).toEqual(Array.from(d!));
    expect(await w.countTokens(texts)).toEqual(await embedder.countTokens(texts));
    await w.dispose();
  });
});

describe('offline: a missing model is an error that says how to get it, at once', () => {
  it('a model id not in the models folder', async () => {
    const empty = mkdtempSync(join(tmp, 'models-'));
    const t0 = Date.now();
    const err = await createEmbedder({ model: 'Xenova/multilingual-e5-small', modelsDir: empty }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelNotFoundError);
    expect((err as Error).message).toMatch(/topictag models pull Xenova\/multilingual-e5-small/u);
    expect((err as Error).message).toContain(join(empty, 'Xenova', 'multilingual-e5-small'));
    expect(Date.now() - t0).toBeLessThan(5000);
    await expect(createTagger({ mode: 'semantic', modelsDir: empty })).rejects.toThrow(ModelNotFoundError);
  });

  it('a folder without the ONNX file of the dtype', async () => {
    const err = await createEmbedder({ model: tiny, dtype: 'fp16' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ModelNotFoundError);
    expect((err as Error).message).toMatch(/onnx\/model_fp16\.onnx/u);
  });

  it('model ids resolve inside the models folder, paths stay paths', () => {
    expect(locateModel('Xenova/LaBSE', '/m')).toEqual({ spec: 'Xenova/LaBSE', path: join('/m', 'Xenova', 'LaBSE'), isPath: false });
    expect(locateModel(tiny, '/m')).toMatchObject({ path: tiny, isPath: true });
  });
});

describe('chunkSentences', () => {
  it('keeps sentences that fit, cuts longer ones at spaces into pieces that fit', async () => {
    const long = Array.from({ length: 80 }, (_, i) => `слово${i}`).join(' ');
    const text = `Короткое предложение. ${long}.`;
    const sentences = [
      { start: 0, end: 21, text: 'Короткое предложение.' },
      { start: 22, end: text.length, text: text.slice(22) },
    ];
    const chunks = await chunkSentences(text, sentences, { countTokens: (t) => embedder.countTokens(t), maxTokens: 64 });
    expect(chunks[0]).toMatchObject({ start: 0, end: 21, first: 0, last: 0 });
    expect(chunks.length).toBeGreaterThan(2);
    const counts = await embedder.countTokens(chunks.map((c) => c.text));
    for (const [i, c] of chunks.entries()) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(counts[i]).toBeLessThanOrEqual(64);
    }
    expect(chunks.slice(1).every((c) => c.first === 1 && c.last === 1)).toBe(true);
    expect(chunks.at(-1)!.end).toBe(text.length);
  });

  it('joins consecutive sentences into windows while they fit', async () => {
    const text = 'Один. Два. Три.';
    const sentences = [
      { start: 0, end: 5, text: 'Один.' },
      { start: 6, end: 10, text: 'Два.' },
      { start: 11, end: 15, text: 'Три.' },
    ];
    const chunks = await chunkSentences(text, sentences, { countTokens: (t) => embedder.countTokens(t), maxTokens: 64, window: 2 });
    expect(chunks.map((c) => [c.text, c.first, c.last])).toEqual([
      ['Один. Два.', 0, 1],
      ['Два. Три.', 1, 2],
      ['Три.', 2, 2],
    ]);
  });
});

describe('createTagger({ mode: semantic | hybrid })', () => {
  const checkEvidence = (r: TagResult, text: string): void => {
    for (const t of r.topics) {
      expect(t.evidence.length).toBeGreaterThan(0);
      for (const e of t.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
    }
  };

  it('semantic: finds a topic from its description alone, with the sentence as evidence', async () => {
    const tagger = await createTagger({ mode: 'semantic', embedder });
    const sco = defaultTaxonomy().topics.find((t) => t.id === 'sco')!;
    const text = sco.description.en;
    const r = await tagger.tag(text);
    const topic = r.topics.find((t) => t.id === 'sco');
    expect(topic).toBeDefined();
    expect(topic!.semantic).toBe(1);
    expect(topic!.evidence[0]).toMatchObject({ start: 0, text: r.topics[0]!.evidence[0]!.text, matches: [] });
    expect(topic!.evidence[0]!.similarity).toBeCloseTo(1, 3);
    checkEvidence(r, text);
    await tagger.close();
  });

  it('semantic and hybrid on the seed corpus: evidence offsets point into the text; hybrid keeps every lexical topic', async () => {
    const lexical = await createTagger();
    const semantic = await createTagger({ mode: 'semantic', embedder });
    const hybrid = await createTagger({ mode: 'hybrid', embedder });
    expect(semantic.embedder).toBe(embedder);
    for (const doc of seeds) {
      const [l, s, h] = await Promise.all([lexical.tag(doc), semantic.tag(doc), hybrid.tag(doc)]);
      checkEvidence(s, doc.text);
      checkEvidence(h, doc.text);
      expect(Object.keys(h)).toEqual(Object.keys(l));
      for (const t of s.topics) expect(t.semantic).toBe(t.score);
      for (const t of l.topics) {
        const fused = h.topics.find((x) => x.id === t.id);
        expect(fused).toBeDefined();
        expect(fused!.score).toBeGreaterThanOrEqual(t.score);
      }
      for (const t of h.topics) {
        const w = 0.6;
        expect(t.score).toBeCloseTo(1 - (1 - t.lexical!) * (1 - w * t.semantic!), 2);
      }
    }
  });

  it('tagMany in a worker: one record per input, in order, errors pass through', async () => {
    const tagger = await createTagger({ mode: 'hybrid', model: tiny, dtype: 'fp32', worker: true, cacheSize: 0 });
    const inputs = [...seeds, { id: 'bad', source: 'x', error: { code: 'ENOENT', message: 'gone' } }, ...seeds];
    const ids: string[] = [];
    for await (const r of tagger.tagMany(inputs)) ids.push(r.id);
    expect(ids).toEqual(inputs.map((d) => d.id));
    await tagger.close();
  });

  it('lexical mode loads no model and its results are unchanged', async () => {
    const tagger = await createTagger();
    expect(tagger.mode).toBe('lexical');
    expect(tagger.embedder).toBeNull();
    const r = await tagger.tag(seeds[1]!);
    expect(r.topics.every((t) => t.semantic === undefined && t.lexical === undefined)).toBe(true);
  });

  it('no module imports the model runtime statically', () => {
    const src = join(root, 'packages/tagger/src');
    for (const f of readdirSync(src).filter((name) => name.endsWith('.ts'))) {
      expect([f, /^\s*import[^(]*['"]@huggingface\/transformers['"]/mu.test(readFileSync(join(src, f), 'utf8').replace(/import type[^;]*;/gu, ''))]).toEqual([f, false]);
    }
  });
});
