// `topictag models …` and `topictag tag --mode semantic|hybrid`, run as a user runs them (the built bin,
// a separate process), on the tiny model scripts/make-tiny-model.mjs writes. `models pull` downloads
// from a hub served on 127.0.0.1 by this test (HF_ENDPOINT), through transformers.js.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTinyModel } from '../../../scripts/make-tiny-model.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'packages/cli/dist/bin.js');
const seeds = join(root, 'seeds');
const tmp = mkdtempSync(join(tmpdir(), 'topictag-models-'));
const tiny = join(tmp, 'tiny');
makeTinyModel(tiny);

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...env }, maxBuffer: 1 << 26 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

// A stand-in for the hub: GET/HEAD /<owner>/<name>/resolve/main/<file>, only for test-org/tiny.
let server: Server;
let endpoint = '';
const requests: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const m = /^\/test-org\/tiny\/resolve\/main\/(.+)$/u.exec(decodeURIComponent(req.url ?? ''));
    const file = m ? join(tiny, m[1]!) : '';
    if (!m || m[1]!.includes('..') || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(tmp, { recursive: true, force: true });
});

describe('topictag models', () => {
  it('pull downloads a model through transformers.js into TOPICTAG_MODELS; list shows it; tag uses it by id', async () => {
    const models = join(tmp, 'models');
    const env = { TOPICTAG_MODELS: models, HF_ENDPOINT: endpoint };
    const pulled = await run(['models', 'pull', 'test-org/tiny', '--dtype', 'fp32'], env);
    expect(pulled.stderr).toContain('onnx/model.onnx');
    expect(pulled.code).toBe(0);
    for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx', '1_Pooling/config.json']) {
      expect(readFileSync(join(models, 'test-org/tiny', f))).toEqual(readFileSync(join(tiny, f)));
    }
    const list = await run(['models', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^test-org\/tiny\tfp32\t[\d.]+ MB\n$/u);
    const listJson = JSON.parse((await run(['models', 'list', '-o', 'json'], env)).stdout) as Array<{ id: string; dtypes: string[] }>;
    expect(listJson).toMatchObject([{ id: 'test-org/tiny', dtypes: ['fp32'] }]);
    expect((await run(['models', 'dir'], env)).stdout).toBe(`${models}\n`);

    const before = requests.length;
    const tagged = await run(['tag', seeds, '--mode', 'semantic', '--model', 'test-org/tiny', '--dtype', 'fp32'], env);
    expect(tagged.code).toBe(0);
    expect(requests.length).toBe(before); // tagging never touches the network
  }, 60_000);

  it('pull of a model the hub does not have fails with exit 1 and says why', async () => {
    const r = await run(['models', 'pull', 'test-org/missing'], { TOPICTAG_MODELS: join(tmp, 'm2'), HF_ENDPOINT: endpoint });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot pull test-org\/missing/u);
  }, 30_000);

  it('bad usage exits 2', async () => {
    expect((await run(['models'])).code).toBe(2);
    expect((await run(['models', 'pull', 'x/y', '--dtype', 'fp64'])).code).toBe(2);
  }, 30_000);
});

describe('topictag tag --mode semantic|hybrid', () => {
  it('hybrid with a model folder: records with lexical and semantic scores, evidence offsets into the text', async () => {
    const r = await run(['tag', seeds, '--mode', 'hybrid', '--model', tiny, '--dtype', 'fp32', '--include-text']);
    expect(r.code).toBe(0);
    const records = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as {
      text: string;
      topics: Array<{ score: number; lexical: number; semantic: number; evidence: Array<{ start: number; end: number; text: string }> }>;
    });
    expect(records).toHaveLength(5);
    for (const rec of records) {
      expect(rec.topics.length).toBeGreaterThan(0);
      for (const t of rec.topics) {
        expect(typeof t.lexical).toBe('number');
        expect(typeof t.semantic).toBe('number');
        for (const e of t.evidence) expect(rec.text.slice(e.start, e.end)).toBe(e.text);
      }
    }
  }, 30_000);

  it('a missing model is a usage error (exit 2) that says how to get it, without hanging', async () => {
    const t0 = Date.now();
    const r = await run(['tag', seeds, '--mode', 'semantic'], { TOPICTAG_MODELS: join(tmp, 'empty') });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/topictag models pull Xenova\/multilingual-e5-small/u);
    expect(Date.now() - t0).toBeLessThan(20_000);
  }, 30_000);

  it('rejects a bad --mode, and --model without a semantic mode', async () => {
    expect((await run(['tag', seeds, '--mode', 'fuzzy'])).code).toBe(2);
    expect((await run(['tag', seeds, '--model', tiny])).code).toBe(2);
  }, 30_000);
});
