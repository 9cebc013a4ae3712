/** Builds the app as `npm run build` would and runs it with `probot run`, as operators do. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { freePort } from './redis-server.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Bundles `app/index.ts` for a test (one folder per caller, so parallel test files do not
 * collide), with the parse worker beside it, where the parse pool looks for it.
 */
export async function buildAppBundle(name: string): Promise<string> {
  const dir = `node_modules/.cache/postmortem-tracker/${name}`;
  const common = {
    bundle: true,
    platform: 'node' as const,
    format: 'esm' as const,
    packages: 'external' as const,
    logLevel: 'warning' as const,
  };
  await build({
    ...common,
    entryPoints: [`${ROOT}app/index.ts`],
    outfile: `${ROOT}${dir}/app.mjs`,
  });
  if (existsSync(`${ROOT}src/io/parse-worker.ts`))
    await build({
      ...common,
      entryPoints: [`${ROOT}src/io/parse-worker.ts`],
      outfile: `${ROOT}${dir}/parse-worker.js`,
    });
  return `./${dir}/app.mjs`;
}

/** A running app process. */
export interface AppProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Posts a signed webhook; resolves with the status and how long the answer took. */
  deliver(event: string, payload: unknown, id?: string): Promise<{ status: number; ms: number }>;
  stop(): Promise<void>;
}

/** Starts `probot run <bundle>` on a free loopback port and waits until `/ping` answers. */
export async function startAppProcess(
  bundle: string,
  env: Record<string, string>,
  secret: string,
): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['node_modules/probot/bin/probot.js', 'run', bundle], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      WEBHOOK_SECRET: secret,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 25_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`the app did not listen:\n${output}`);
    try {
      if ((await fetch(`${url}/ping`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    child,
    output: () => output,
    async deliver(event, payload, id = randomUUID()) {
      const text = JSON.stringify(payload);
      const started = performance.now();
      const response = await fetch(`${url}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': event,
          'x-github-delivery': id,
          'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(text).digest('hex')}`,
        },
        body: text,
      });
      await response.arrayBuffer();
      return { status: response.status, ms: performance.now() - started };
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** An HTTP proxy in front of the stand-in that answers each request `delayMs` later. */
export async function slowProxy(
  target: string,
  delayMs: number,
): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      setTimeout(() => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(req.headers)) {
          if (['host', 'connection', 'content-length', 'transfer-encoding'].includes(k)) continue;
          if (typeof v === 'string') headers[k] = v;
        }
        const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
        fetch(`${target}${req.url ?? '/'}`, {
          method: req.method ?? 'GET',
          headers,
          ...(body && req.method !== 'GET' && req.method !== 'HEAD' ? { body } : {}),
        }).then(
          async (response) => {
            const out: Record<string, string> = {};
            response.headers.forEach((v, k) => {
              if (
                !['content-length', 'transfer-encoding', 'content-encoding', 'connection'].includes(
                  k,
                )
              )
                out[k] = v;
            });
            const buffer = Buffer.from(await response.arrayBuffer());
            res.writeHead(response.status, out);
            res.end(buffer);
          },
          () => {
            res.writeHead(502);
            res.end();
          },
        );
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
