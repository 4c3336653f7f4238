#!/usr/bin/env node
// Writes a tiny but valid transformers.js feature-extraction model folder, for tests and the benchmark:
//
//   config.json, tokenizer.json, tokenizer_config.json, modules.json, 1_Pooling/config.json,
//   onnx/model.onnx            (fp32: a static-embedding graph)
//   onnx/model_quantized.onnx  (q8: the same table stored as int8 + DequantizeLinear; also as model_int8.onnx)
//
// The graph is a "static embedding" model: last_hidden_state = (E[input_ids] + T[token_type_ids]) ·
// attention_mask, i.e. one Gather over a seeded random embedding table. The tokenizer is BERT-style
// WordPiece (lowercasing, punctuation split) whose vocabulary holds every word of the seed corpus and
// the default taxonomy, plus every character alone and as a "##" continuation, so any text in those
// scripts tokenizes without [UNK]. Mean pooling of such a model is a bag of random word vectors: it
// gives real, deterministic vectors through the real code path, not meaningful semantics.
//
//   node scripts/make-tiny-model.mjs [OUT_DIR] [--dim N] [--max-length N] [--pooling mean|cls]
//
// No dependency: the ONNX ModelProto is protobuf-encoded by hand (the subset of onnx.proto used is
// listed next to each message below).
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));

// ------------------------------------------------------------------------------------ protobuf
/** Protobuf wire encoding: varints, length-delimited fields, fixed32 floats. */
class Writer {
  parts = [];
  varint(n) {
    let v = BigInt(n);
    if (v < 0n) v += 1n << 64n; // int64 two's complement
    const bytes = [];
    do {
      let b = Number(v & 0x7fn);
      v >>= 7n;
      if (v) b |= 0x80;
      bytes.push(b);
    } while (v);
    this.parts.push(Uint8Array.from(bytes));
    return this;
  }
  tag(field, wire) {
    return this.varint((field << 3) | wire);
  }
  int(field, n) {
    return this.tag(field, 0).varint(n);
  }
  bytes(field, data) {
    const u8 = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    this.tag(field, 2).varint(u8.length);
    this.parts.push(u8);
    return this;
  }
  message(field, build) {
    const w = new Writer();
    build(w);
    return this.bytes(field, w.finish());
  }
  float(field, x) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, x, true);
    this.tag(field, 5);
    this.parts.push(b);
    return this;
  }
  finish() {
    const n = this.parts.reduce((s, p) => s + p.length, 0);
    const out = new Uint8Array(n);
    let o = 0;
    for (const p of this.parts) {
      out.set(p, o);
      o += p.length;
    }
    return out;
  }
}

// onnx.proto TensorProto.DataType
const FLOAT = 1;
const INT8 = 3;
const INT64 = 7;

// TensorProto { repeated int64 dims = 1; int32 data_type = 2; string name = 8; bytes raw_data = 9; }
function tensor(w, field, { name, type, dims, raw }) {
  w.message(field, (t) => {
    for (const d of dims) t.int(1, d);
    t.int(2, type).bytes(8, name).bytes(9, raw);
  });
}
// ValueInfoProto { string name = 1; TypeProto type = 2; }
// TypeProto { Tensor tensor_type = 1; }  Tensor { int32 elem_type = 1; TensorShapeProto shape = 2; }
// TensorShapeProto { repeated Dimension dim = 1; }  Dimension { int64 dim_value = 1; string dim_param = 2; }
function valueInfo(w, field, name, elemType, dims) {
  w.message(field, (v) => {
    v.bytes(1, name).message(2, (t) =>
      t.message(1, (tt) => {
        tt.int(1, elemType).message(2, (s) => {
          for (const d of dims) s.message(1, (dim) => (typeof d === 'number' ? dim.int(1, d) : dim.bytes(2, d)));
        });
      }),
    );
  });
}
// NodeProto { repeated string input = 1; repeated string output = 2; string name = 3; string op_type = 4;
//             repeated AttributeProto attribute = 5; }
// AttributeProto { string name = 1; int64 i = 3; AttributeType type = 20 (INT = 2); }
function node(w, { op, inputs, outputs, name, ints = {} }) {
  w.message(1, (n) => {
    for (const i of inputs) n.bytes(1, i);
    for (const o of outputs) n.bytes(2, o);
    n.bytes(3, name).bytes(4, op);
    for (const [k, v] of Object.entries(ints)) n.message(5, (a) => a.bytes(1, k).int(3, v).int(20, 2));
  });
}

const f32 = (arr) => new Uint8Array(Float32Array.from(arr).buffer);
const i64 = (arr) => new Uint8Array(BigInt64Array.from(arr.map(BigInt)).buffer);

/**
 * ModelProto { int64 ir_version = 1; string producer_name = 2; GraphProto graph = 7;
 *              repeated OperatorSetIdProto opset_import = 8; }   OperatorSetIdProto { string domain = 1; int64 version = 2; }
 * GraphProto { repeated NodeProto node = 1; string name = 2; repeated TensorProto initializer = 5;
 *              repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12; }
 */
function onnxModel({ vocabSize, dim, table, quantized }) {
  const w = new Writer();
  w.int(1, 8).bytes(2, 'topictag make-tiny-model');
  w.message(7, (g) => {
    let embedded = 'word_embeddings';
    if (quantized) {
      node(g, { op: 'Gather', inputs: ['E_q', 'input_ids'], outputs: ['word_q'], name: 'gather_words', ints: { axis: 0 } });
      node(g, { op: 'DequantizeLinear', inputs: ['word_q', 'E_scale', 'E_zero'], outputs: ['word_embeddings'], name: 'dequantize' });
    } else {
      node(g, { op: 'Gather', inputs: ['E', 'input_ids'], outputs: ['word_embeddings'], name: 'gather_words', ints: { axis: 0 } });
    }
    node(g, { op: 'Gather', inputs: ['T', 'token_type_ids'], outputs: ['type_embeddings'], name: 'gather_types', ints: { axis: 0 } });
    node(g, { op: 'Add', inputs: [embedded, 'type_embeddings'], outputs: ['embeddings'], name: 'add' });
    node(g, { op: 'Cast', inputs: ['attention_mask'], outputs: ['mask_f'], name: 'cast_mask', ints: { to: FLOAT } });
    node(g, { op: 'Unsqueeze', inputs: ['mask_f', 'last_axis'], outputs: ['mask_3d'], name: 'unsqueeze_mask' });
    node(g, { op: 'Mul', inputs: ['embeddings', 'mask_3d'], outputs: ['last_hidden_state'], name: 'mask' });
    g.bytes(2, 'static_embedding');
    if (quantized) {
      let max = 0;
      for (const x of table) max = Math.max(max, Math.abs(x));
      const scale = max / 127 || 1;
      const q = Int8Array.from(table, (x) => Math.max(-127, Math.min(127, Math.round(x / scale))));
      tensor(g, 5, { name: 'E_q', type: INT8, dims: [vocabSize, dim], raw: new Uint8Array(q.buffer) });
      tensor(g, 5, { name: 'E_scale', type: FLOAT, dims: [], raw: f32([scale]) });
      tensor(g, 5, { name: 'E_zero', type: INT8, dims: [], raw: new Uint8Array(1) });
    } else {
      tensor(g, 5, { name: 'E', type: FLOAT, dims: [vocabSize, dim], raw: f32(table) });
    }
    tensor(g, 5, { name: 'T', type: FLOAT, dims: [2, dim], raw: f32(new Array(2 * dim).fill(0)) });
    tensor(g, 5, { name: 'last_axis', type: INT64, dims: [1], raw: i64([-1]) });
    valueInfo(g, 11, 'input_ids', INT64, ['batch_size', 'sequence_length']);
    valueInfo(g, 11, 'attention_mask', INT64, ['batch_size', 'sequence_length']);
    valueInfo(g, 11, 'token_type_ids', INT64, ['batch_size', 'sequence_length']);
    valueInfo(g, 12, 'last_hidden_state', FLOAT, ['batch_size', 'sequence_length', dim]);
  });
  w.message(8, (o) => o.bytes(1, '').int(2, 13));
  return w.finish();
}

// ------------------------------------------------------------------------------------ tokenizer
// The same steps as the tokenizer's BertNormalizer (lowercase, no accent stripping) and BertPreTokenizer.
const PUNCT = '\\p{P}\\u0021-\\u002F\\u003A-\\u0040\\u005B-\\u0060\\u007B-\\u007E';
const WORDS = new RegExp(`[^\\s${PUNCT}]+|[${PUNCT}]`, 'gu');
const SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'];

function words(text) {
  const clean = [...text].filter((c) => !/^[\p{Cc}\p{Cf}\p{Co}\p{Cs}]$/u.test(c) || /\s/u.test(c)).join('');
  return clean.toLowerCase().match(WORDS) ?? [];
}

/** Every word of the seed corpus and the default taxonomy; every character alone and as "##c". */
function buildVocab(texts) {
  const wordSet = new Set();
  const chars = new Set();
  for (const t of texts) {
    for (const w of words(t)) {
      if (w.length <= 100) wordSet.add(w);
      for (const c of w) chars.add(c);
    }
  }
  const vocab = [...SPECIAL];
  const seen = new Set(vocab);
  const add = (t) => {
    if (!seen.has(t)) {
      seen.add(t);
      vocab.push(t);
    }
  };
  for (const c of [...chars].sort()) add(c);
  for (const c of [...chars].sort()) add(`##${c}`);
  for (const w of [...wordSet].sort()) add(w);
  return vocab;
}

function tokenizerJson(vocab) {
  const id = (t) => vocab.indexOf(t);
  const special = (t) => ({ SpecialToken: { id: t, type_id: 0 } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map((t) => ({ id: id(t), content: t, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: false, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]')],
      pair: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]'), { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } }],
      special_tokens: Object.fromEntries(['[CLS]', '[SEP]'].map((t) => [t, { id: t, ids: [id(t)], tokens: [t] }])),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab: Object.fromEntries(vocab.map((t, i) => [t, i])) },
  };
}

// ------------------------------------------------------------------------------------ the folder
/** mulberry32: a small seeded PRNG, so the same options always write the same model. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The texts whose words the vocabulary covers: the seed corpus and the default taxonomy file. */
export function corpusTexts() {
  const texts = [];
  const seeds = join(root, 'seeds');
  if (existsSync(seeds)) for (const f of readdirSync(seeds).sort()) if (f.endsWith('.txt')) texts.push(readFileSync(join(seeds, f), 'utf8'));
  texts.push(readFileSync(join(root, 'packages/tagger/data/taxonomies/default.yaml'), 'utf8'));
  return texts;
}

/**
 * Writes the model folder; returns its path and figures.
 * @param {string} out
 * @param {{ dim?: number, maxLength?: number, pooling?: 'mean' | 'cls', seed?: number, texts?: string[] }} [options]
 */
export function makeTinyModel(out, { dim = 32, maxLength = 64, pooling = 'mean', seed = 5, texts = corpusTexts() } = {}) {
  const vocab = buildVocab(texts);
  const rand = random(seed);
  const table = new Float32Array(vocab.length * dim);
  for (let i = 0; i < table.length; i++) table[i] = rand() * 2 - 1;
  table.fill(0, 0, dim); // [PAD]
  const write = (file, data) => {
    const path = join(out, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, typeof data === 'string' || data instanceof Uint8Array ? data : `${JSON.stringify(data, null, 1)}\n`);
  };
  write('config.json', {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dim,
    vocab_size: vocab.length,
    max_position_embeddings: maxLength,
    type_vocab_size: 2,
    num_hidden_layers: 0,
    num_attention_heads: 1,
    pad_token_id: 0,
    _comment: 'topictag tiny static-embedding model (scripts/make-tiny-model.mjs): for tests, not for use',
  });
  write('tokenizer.json', tokenizerJson(vocab));
  write('tokenizer_config.json', {
    tokenizer_class: 'BertTokenizer',
    model_max_length: maxLength,
    do_lower_case: true,
    clean_up_tokenization_spaces: true,
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    mask_token: '[MASK]',
  });
  write('modules.json', [
    { idx: 0, name: '0', path: '', type: 'sentence_transformers.models.Transformer' },
    { idx: 1, name: '1', path: '1_Pooling', type: 'sentence_transformers.models.Pooling' },
    { idx: 2, name: '2', path: '2_Normalize', type: 'sentence_transformers.models.Normalize' },
  ]);
  write('1_Pooling/config.json', {
    word_embedding_dimension: dim,
    pooling_mode_cls_token: pooling === 'cls',
    pooling_mode_mean_tokens: pooling === 'mean',
    pooling_mode_max_tokens: false,
    pooling_mode_mean_sqrt_len_tokens: false,
  });
  write('onnx/model.onnx', onnxModel({ vocabSize: vocab.length, dim, table, quantized: false }));
  const q8 = onnxModel({ vocabSize: vocab.length, dim, table, quantized: true });
  write('onnx/model_quantized.onnx', q8); // dtype q8
  write('onnx/model_int8.onnx', q8); // dtype int8: the same int8 weights
  return { path: out, vocabSize: vocab.length, dim, maxLength, pooling };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { dim: { type: 'string' }, 'max-length': { type: 'string' }, pooling: { type: 'string' } },
  });
  const out = resolve(positionals[0] ?? join(root, 'packages/tagger/test/fixtures/tiny-model'));
  const info = makeTinyModel(out, {
    dim: values.dim ? Number(values.dim) : undefined,
    maxLength: values['max-length'] ? Number(values['max-length']) : undefined,
    pooling: values.pooling === 'cls' ? 'cls' : 'mean',
  });
  console.log(`wrote ${info.path}: vocabulary ${info.vocabSize}, ${info.dim} dimensions, max ${info.maxLength} tokens, ${info.pooling} pooling`);
}
