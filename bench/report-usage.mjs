// Preloaded (--import) into every process the bench starts: at exit, writes the whole process's
// CPU time (all threads, the parse worker included) and peak RSS to file descriptor 3.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const r = process.resourceUsage();
  try {
    writeSync(3, JSON.stringify({ cpuUs: r.userCPUTime + r.systemCPUTime, maxRssKb: r.maxRSS }));
  } catch {
    // No fd 3: not started by the bench.
  }
});
