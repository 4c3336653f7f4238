/** An `EmbeddingBackend` whose model runs in a worker thread (`embed-worker.ts`). */
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { BackendOptions, EmbeddingBackend } from './backend.js';
import type { SerializedError, WorkerReply, WorkerRequest } from './embed-worker.js';

/** The worker script: the compiled `embed-worker.js` beside this module (from `dist/` when running from sources). */
export function workerScript(): URL {
  const here = fileURLToPath(import.meta.url);
  const fromSources = /[\\/]src[\\/][^\\/]+\.ts$/u.test(here);
  return new URL(fromSources ? '../dist/embed-worker.js' : './embed-worker.js', import.meta.url);
}

function revive(e: SerializedError): Error {
  const err = new Error(e.message);
  err.name = e.name;
  if (e.code) (err as Error & { code?: string }).code = e.code;
  return err;
}

/** Starts the worker, waits for the model to load, and returns a backend that sends it requests. */
export async function workerBackend(options: BackendOptions): Promise<EmbeddingBackend> {
  const worker = new Worker(workerScript(), { workerData: options });
  const pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let exited: Error | null = null;

  const info = await new Promise<EmbeddingBackend['info']>((resolve, reject) => {
    const onReply = (reply: WorkerReply): void => {
      if ('id' in reply) {
        const p = pending.get(reply.id);
        pending.delete(reply.id);
        if (!pending.size) worker.unref();
        if (reply.type === 'error') p?.reject(revive(reply.error));
        else p?.resolve(reply);
      } else if (reply.type === 'ready') {
        worker.unref();
        resolve(reply.info);
      } else {
        void worker.terminate();
        reject(revive(reply.error));
      }
    };
    worker.on('message', onReply);
    worker.on('error', (err) => {
      exited = err;
      reject(err);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
    });
    worker.on('exit', (code) => {
      exited ??= new Error(`embedding worker exited (code ${code})`);
      for (const p of pending.values()) p.reject(exited);
      pending.clear();
    });
  });

  type Unsent = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;
  const request = (req: Unsent): Promise<WorkerReply> => {
    if (exited) return Promise.reject(exited);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...req, id } as WorkerRequest);
    });
  };

  return {
    info,
    async embed(texts) {
      const r = await request({ type: 'embed', texts: [...texts] });
      return r.type === 'vectors' ? r.vectors : [];
    },
    async countTokens(texts) {
      const r = await request({ type: 'count', texts: [...texts] });
      return r.type === 'counts' ? r.counts : [];
    },
    async dispose() {
      if (exited) return;
      await request({ type: 'dispose' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
