import { subscribe, unsubscribe } from 'node:diagnostics_channel';

/** What Node's fetch (undici) publishes once a request's headers are written to its socket. */
const HEADERS_SENT = 'undici:client:sendHeaders';

/** A fetch that tells when the first request through it has left. */
export interface WatchedFetch {
  fetch: typeof globalThis.fetch;
  /** Resolves once the first request's headers are on the socket (Node's fetch), or it settled (any fetch). */
  firstLeft: Promise<void>;
}

/**
 * Wraps a fetch so its caller can let the first request leave before compiling more code: Node's
 * fetch needs turns of the event loop to connect and write, which a long synchronous compile would
 * hold back. A fetch that is not Node's (the tests' stand-in) is known to be done when it settles;
 * so is a request that could not connect.
 */
export function watchFirstRequest(fetch: typeof globalThis.fetch): WatchedFetch {
  let markLeft = (): void => undefined;
  const firstLeft = new Promise<void>((resolve) => {
    markLeft = () => {
      unsubscribe(HEADERS_SENT, markLeft);
      resolve();
    };
  });
  subscribe(HEADERS_SENT, markLeft);
  return {
    fetch: (input, init) => {
      const response = fetch(input, init);
      response.then(markLeft, markLeft);
      return response;
    },
    firstLeft,
  };
}
