// Times regular expressions on long adversarial lines, in a worker so that a pattern that never
// finishes can be stopped (worker.terminate() interrupts a running regex).
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { patterns, kinds, screenSize, fullSize, fullTop } = workerData;

const line = (kind, size) => {
  const room = Math.max(0, size - kind.prefix.length - kind.suffix.length);
  const body = kind.token.repeat(Math.ceil(room / kind.token.length)).slice(0, room);
  return kind.prefix + body + kind.suffix;
};

// Every match over the whole line, as the code's `replace` calls find them; a pattern without `g`
// is searched once, as `exec` and `test` do.
const time = (re, text) => {
  const start = performance.now();
  if (re.global) text.replace(re, '');
  else re.exec(text);
  return performance.now() - start;
};

const screenLines = kinds.map((k) => line(k, screenSize));
const fullLines = new Map();
const fullLine = (i) => {
  if (!fullLines.has(i)) fullLines.set(i, line(kinds[i], fullSize));
  return fullLines.get(i);
};

for (const [index, p] of patterns.entries()) {
  if (index < workerData.from) continue;
  parentPort.postMessage({ index, phase: 'start' });
  const re = new RegExp(p.source, p.flags);
  const screened = screenLines.map((text, i) => ({ i, ms: time(re, text) }));
  screened.sort((a, b) => b.ms - a.ms);
  parentPort.postMessage({ index, phase: 'screened', worst: screened[0] });
  let full = { i: -1, ms: 0 };
  for (const { i } of screened.slice(0, fullTop)) {
    const ms = Math.min(time(re, fullLine(i)), time(re, fullLine(i)));
    if (ms > full.ms) full = { i, ms };
  }
  parentPort.postMessage({ index, phase: 'done', screen: screened[0], full });
}
parentPort.postMessage({ phase: 'end' });
