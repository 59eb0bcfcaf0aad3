/**
 * An analysis worker thread (see pool.ts): receives batches of texts, answers with their analyzed documents
 * (or a one-line error per text that could not be analyzed). Models load on the first batch.
 */
import { parentPort } from 'node:worker_threads';
import { analyze } from './analyze.js';
import type { AnalysisRequest, WorkerReply, WorkerTask } from './pool.js';

if (!parentPort) throw new Error('pipeline/worker.js runs as a worker thread (see pipeline/pool.ts)');
const port = parentPort;
port.on('message', (task: WorkerTask) => {
  const results = task.items.map((r: AnalysisRequest) => {
    try {
      return analyze(r.text, { published: r.published });
    } catch (err) {
      return { error: (err instanceof Error ? err.message : String(err)).split('\n')[0] };
    }
  });
  const reply: WorkerReply = { id: task.id, results };
  port.postMessage(reply);
});
