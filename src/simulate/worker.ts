import { parentPort, workerData } from 'node:worker_threads';
import { runRequest, transferList, type AnyWorkerRequest, type WorkerMessage } from './worker-protocol.js';

// entry of a simulation worker thread (bundled to dist/simulate-worker.js)
if (parentPort) {
  const port = parentPort;
  try {
    const tally = runRequest(workerData as AnyWorkerRequest, (done) => port.postMessage({ type: 'progress', done } satisfies WorkerMessage));
    port.postMessage({ type: 'done', tally } satisfies WorkerMessage, transferList(tally));
  } catch (error) {
    port.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
  }
}
