/**
 * The embedding worker thread: loads the model with `loadBackend` and answers embedding requests, so
 * tokenization, inference and pooling run off the main thread. Started by `workerBackend`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadBackend, type BackendOptions, type EmbeddingBackend } from './backend.js';

/** A request from the main thread. */
export type WorkerRequest =
  | { id: number; type: 'embed'; texts: string[] }
  | { id: number; type: 'count'; texts: string[] }
  | { id: number; type: 'dispose' };

/** A reply: `ready` once (or `failed`), then one `result`/`error` per request. */
export type WorkerReply =
  | { type: 'ready'; info: EmbeddingBackend['info'] }
  | { type: 'failed'; error: SerializedError }
  | { id: number; type: 'vectors'; vectors: Float32Array[] }
  | { id: number; type: 'counts'; counts: number[] }
  | { id: number; type: 'done' }
  | { id: number; type: 'error'; error: SerializedError };

export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

const serialize = (err: unknown): SerializedError => {
  const e = err as Error & { code?: string };
  return { name: e.name ?? 'Error', message: e.message ?? String(err), code: e.code, stack: e.stack };
};

const port = parentPort;
if (port) {
  const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []): void => port.postMessage(reply, transfer);
  loadBackend(workerData as BackendOptions).then(
    (backend) => {
      post({ type: 'ready', info: backend.info });
      port.on('message', (req: WorkerRequest) => {
        const run = async (): Promise<void> => {
          if (req.type === 'embed') {
            const vectors = await backend.embed(req.texts);
            post({ id: req.id, type: 'vectors', vectors }, vectors.map((v) => v.buffer as ArrayBuffer));
          } else if (req.type === 'count') {
            post({ id: req.id, type: 'counts', counts: await backend.countTokens(req.texts) });
          } else {
            await backend.dispose();
            post({ id: req.id, type: 'done' });
          }
        };
        run().catch((err: unknown) => post({ id: req.id, type: 'error', error: serialize(err) }));
      });
    },
    (err: unknown) => post({ type: 'failed', error: serialize(err) }),
  );
}
