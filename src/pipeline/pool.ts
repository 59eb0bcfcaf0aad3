/**
 * Analysis on several cores: a pool of worker threads (worker.ts), each with its own copy of the models,
 * that analyze batches of texts and hand back the documents. The results are exactly what `analyze` gives in
 * this thread (every stage is a pure function of the text and its date), so a caller can mix the two freely;
 * the pool only changes how fast they come. A text the worker could not analyze comes back as null, and so
 * does every text of a worker that died: the caller analyzes those itself and reports the error there.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ArabicDoc } from '../doc.js';
import { PACKAGE_ROOT } from '../resources.js';

export interface AnalysisRequest {
  text: string;
  published: string | null;
}

export interface WorkerTask {
  id: number;
  items: AnalysisRequest[];
}

export interface WorkerReply {
  id: number;
  results: Array<ArabicDoc | { error: string }>;
}

/** Texts per message: small enough to keep every worker busy to the end of a batch, big enough to amortize a message. */
const CHUNK = 16;

/** Worker threads worth starting here: one per core, at most 4 (each holds its own models, ~350 MB). */
export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * The compiled worker script: beside this module, or in dist/ when this module runs from its TypeScript source
 * (tests). Throws, naming where it looked, when there is none.
 */
export function workerScript(): string {
  const here = fileURLToPath(new URL('./worker.js', import.meta.url));
  if (existsSync(here)) return here;
  const built = join(PACKAGE_ROOT, 'dist', 'src', 'pipeline', 'worker.js');
  if (existsSync(built)) return built;
  throw new Error(`analysis worker not found (${here}); run npm run build`);
}

interface Job {
  task: WorkerTask;
  resolve: (results: WorkerReply['results'] | null) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  dead: boolean;
}

export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number = defaultWorkers()) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`worker count must be a whole number ≥ 1, not ${size}`);
    const script = workerScript();
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: new Worker(script), job: null, dead: false };
      slot.worker.unref(); // an idle pool never keeps the process alive
      slot.worker.on('message', (reply: WorkerReply) => this.finish(slot, reply.results));
      // a crashed worker: its job comes back empty (the caller analyzes it itself); the others carry on
      const die = () => {
        if (slot.dead) return;
        slot.dead = true;
        this.finish(slot, null);
        this.failQueuedIfAllDead();
      };
      slot.worker.on('error', die);
      slot.worker.on('exit', die);
      this.slots.push(slot);
    }
  }

  /** Analyzed documents in the order of `requests`; null where the text must be analyzed by the caller. */
  async analyzeMany(requests: AnalysisRequest[]): Promise<Array<ArabicDoc | null>> {
    if (this.closed) throw new Error('analysis pool is closed');
    const parts: Array<Promise<WorkerReply['results'] | null>> = [];
    for (let at = 0; at < requests.length; at += CHUNK) {
      const items = requests.slice(at, at + CHUNK);
      parts.push(new Promise((resolve) => this.queue.push({ task: { id: this.nextId++, items }, resolve })));
    }
    this.failQueuedIfAllDead();
    this.dispatch();
    const out: Array<ArabicDoc | null> = [];
    for (const [k, p] of parts.entries()) {
      const results = await p;
      const n = Math.min(CHUNK, requests.length - k * CHUNK);
      for (let i = 0; i < n; i++) {
        const r = results?.[i];
        out.push(r && !('error' in r) ? r : null);
      }
    }
    return out;
  }

  /** Stops the workers (pending work comes back empty). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const j of this.queue.splice(0)) j.resolve(null);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.dead || slot.job || !this.queue.length) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.ref(); // busy: the process waits for it
      slot.worker.postMessage(job.task);
    }
  }

  private finish(slot: Slot, results: WorkerReply['results'] | null): void {
    const job = slot.job;
    slot.job = null;
    if (!slot.dead) slot.worker.unref();
    job?.resolve(results);
    this.dispatch();
  }

  private failQueuedIfAllDead(): void {
    if (this.slots.every((s) => s.dead)) for (const j of this.queue.splice(0)) j.resolve(null);
  }
}
