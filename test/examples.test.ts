import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Every example runs as a user would run it, and its output is checked.
const root = fileURLToPath(new URL('..', import.meta.url));
const example = (name: string) => {
  const r = spawnSync(process.execPath, ['examples/run.js', name], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('examples', () => {
  it('tag-string prints topics with evidence and entities with offsets', () => {
    const r = example('tag-string');
    expect(r.code).toBe(0);
    expect(r.out).toContain('language: ru');
    expect(r.out).toMatch(/csto-chairmanship \(CSTO chairmanship\) score/u);
    expect(r.out).toContain('matched: «');
    expect(r.out).toMatch(/person:kassym-jomart-tokayev Kassym-Jomart Tokayev: Касым-Жомарт Токаев@\d+/u);
  });

  it('tag-seeds prints every seed document with its topics', () => {
    const r = example('tag-seeds');
    expect(r.code).toBe(0);
    expect(r.out.match(/^\S+ \[(ru|kk|ar)\]/gmu)?.length).toBe(5);
    expect(r.out).toContain('sco-chairmanship');
  });

  it('custom-taxonomy uses the user file', () => {
    const r = example('custom-taxonomy');
    expect(r.code).toBe(0);
    expect(r.out).toContain('taxonomy "Energy in Eurasia": energy, oil-gas, nuclear-power');
    const lines = r.out.trim().split('\n').slice(1);
    expect(lines[0]).toMatch(/^\[ru\] .*oil-gas/u);
    expect(lines[1]).toMatch(/^\[kk\] .*nuclear-power/u);
    expect(lines[2]).toMatch(/^\[en\] .*oil-gas.*nuclear-power|^\[en\] .*nuclear-power.*oil-gas/u);
    expect(lines[3]).toMatch(/^\[ru\] no topic/u);
  });

  it('stream-jsonl yields one line per input line, bad ones as errors', () => {
    const r = example('stream-jsonl');
    expect(r.code).toBe(0);
    const recs = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; topics?: string[]; error?: { code: string } });
    expect(recs.map((x) => x.id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(recs[0]!.topics).toContain('csto');
    expect(recs[1]!.topics).toContain('sco');
    expect(recs[2]!.topics).toEqual(expect.arrayContaining(['middle-east', 'humanitarian-aid']));
    expect(recs[3]!.topics).toEqual(expect.arrayContaining(['disaster-response', 'afghanistan']));
    expect(recs[4]!.error?.code).toBe('BAD_INPUT');
  });

  it('lists the examples when no name is given', () => {
    expect(example('').err).toContain('tag-string');
  });
});
