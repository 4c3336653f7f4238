/** `datePublished` out of JSON-LD blocks (plain objects, arrays and `@graph`). */

const MAX_DEPTH = 8;

function search(value: unknown, depth: number): string | null {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return null;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = search(item, depth + 1);
      if (found !== null) return found;
    }
    return null;
  }
  const record = value as Record<string, unknown>;
  const direct = record.datePublished;
  if (typeof direct === 'string' && direct.trim() !== '') return direct;
  for (const child of Object.values(record)) {
    const found = search(child, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** The first `datePublished` string in a JSON-LD script body; null if none or not valid JSON. */
export function findDatePublished(json: string): string | null {
  try {
    return search(JSON.parse(json) as unknown, 0);
  } catch {
    return null;
  }
}
