import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { watchFirstRequest } from '../../../src/action/watch-first-request.js';

/** Whether `promise` has resolved by the time already-queued work has run. */
async function settledYet(promise: Promise<void>): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('watchFirstRequest (the Action lets its first request leave before loading more code)', () => {
  it('with Node’s fetch, tells when the headers are on the socket, before any answer', async () => {
    const held: ServerResponse[] = [];
    let arrived = (): void => undefined;
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    const server = createServer((_req, res) => {
      held.push(res);
      arrived();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const watched = watchFirstRequest(globalThis.fetch);
      const response = watched.fetch(
        `http://127.0.0.1:${(server.address() as AddressInfo).port}/user`,
      );
      await arrival; // the server has the request and holds its answer
      await watched.firstLeft;
      expect(held).toHaveLength(1);
      held[0]!.writeHead(200, { 'content-type': 'application/json' }).end('{"login":"a"}');
      expect(await (await response).json()).toEqual({ login: 'a' });
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('with another fetch (the stand-in’s), tells when the request settles, not before', async () => {
    let answer: (response: Response) => void = () => undefined;
    const pending = new Promise<Response>((resolve) => (answer = resolve));
    const watched = watchFirstRequest(() => pending);
    const response = watched.fetch('http://127.0.0.1:1/user');
    expect(await settledYet(watched.firstLeft)).toBe(false);
    answer(new Response('{}'));
    await response;
    expect(await settledYet(watched.firstLeft)).toBe(true);
  });

  it('tells when the request cannot connect, and the caller still sees the failure', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve())); // nothing listens there now
    const watched = watchFirstRequest(globalThis.fetch);
    await expect(watched.fetch(`http://127.0.0.1:${port}/user`)).rejects.toThrow();
    expect(await settledYet(watched.firstLeft)).toBe(true);
  });
});
