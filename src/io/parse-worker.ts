// Entry point of a parse worker: parses (and lints) one prepared text per message, off the main thread.
import { parentPort } from 'node:worker_threads';
import { runParseTask, type ParseTask } from '../core/lint/index.js';
import { errorMessage } from '../core/text/index.js';

const port = parentPort;
if (port === null) throw new Error('parse-worker.js runs only as a worker thread');
port.on('message', (message: { id: number; task: ParseTask }) => {
  try {
    port.postMessage({ id: message.id, result: runParseTask(message.task) });
  } catch (error) {
    port.postMessage({ id: message.id, error: errorMessage(error) });
  }
});
port.postMessage({ ready: true });
