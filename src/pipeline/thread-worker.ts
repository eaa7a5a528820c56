// One pipeline thread (src/pipeline/threads.ts): loads the knowledge base and, through the
// components, the models once, then cleans each batch of pages or runs the document components over
// each batch of Docs it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { Doc } from '../core/doc.js';
import type { Message } from '../core/messages.js';
import { loadKnowledgeBase } from '../kb/index.js';
import { adoptModelFiles } from '../nlp/perceptron/shared-models.js';
import { createPipeline } from './component.js';
import { DOCUMENT_COMPONENTS, GIVEN_LAYERS } from './components.js';
import { runDocument } from './run-document.js';
import { cleanChromePage } from './clean-inputs.js';
import type { FromWorker, ThreadData, ToWorker } from './threads.js';

const port = parentPort;
if (!port) throw new Error('thread-worker.js runs only as a worker thread');
const { kbDirs, release, models } = workerData as ThreadData;
// the models the pool read in shared memory: no thread reads them again
adoptModelFiles(models);
const pipeline = createPipeline(DOCUMENT_COMPONENTS, GIVEN_LAYERS, { kb: loadKnowledgeBase(kbDirs) });

port.on('message', (message: ToWorker) => {
  if ('stop' in message) return void port.close();
  if ('pages' in message) {
    // cleanChromePage catches what breaks on one page: the batch always comes back whole
    const reply: FromWorker = { batch: message.batch, cleaned: message.pages.map(cleanChromePage) };
    return void port.postMessage(reply);
  }
  try {
    const reported: Message[] = [];
    const docs = message.docs.map((data) => runDocument(pipeline, Doc.from(data), (m) => reported.push(m))).filter((d) => d !== null);
    for (const doc of docs) doc.release(...release);
    const reply: FromWorker = { batch: message.batch, docs, reported };
    port.postMessage(reply);
  } catch (error) {
    const reply: FromWorker = { batch: message.batch, error: error instanceof Error ? error.message : String(error) };
    port.postMessage(reply);
  }
});
const ready: FromWorker = { ready: true };
port.postMessage(ready);
