import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { FakeReply, ProtocolFake, RecordedRequest } from './protocol-fake.js';

/** What a fake's request handler receives for one HTTP request. */
export interface FakeExchange {
  /** The request as recorded (already in `fake.requests`). */
  recorded: RecordedRequest;
  request: IncomingMessage;
  response: ServerResponse;
  /** Takes the next queued reply, or the default reply when the queue is empty. */
  nextReply(): FakeReply;
  /** The models the fake currently knows. */
  models(): string[];
  /** True once the client went away or the fake dropped the connection. */
  isClosed(): boolean;
  /** Destroys the connection on purpose (fault injection); not recorded as a client close. */
  dropConnection(): void;
  /** Waits `ms`, resolving early when the connection closes. */
  wait(ms: number | undefined): Promise<void>;
}

/** Options of {@link startFakeServer}. */
export interface FakeServerOptions {
  /** Name of the API, reported as `fake.api`. */
  api: string;
  /** Appended to `http://127.0.0.1:PORT` to form `fake.baseURL`, e.g. `/v1`. */
  basePath?: string;
  /** Models known initially and after `reset()`. */
  defaultModels: string[];
  /** Reply used when the queue is empty, initially and after `reset()`. */
  defaultReply: FakeReply;
  /** Answers one request; it may throw, which yields a 500 with the error's message. */
  handle(exchange: FakeExchange): Promise<void>;
}

/**
 * The API-neutral half of a protocol fake: an HTTP server on 127.0.0.1 (random port)
 * that records every request, notices clients that disconnect early, and hands out
 * scripted replies in order. Each fake adds only its wire format on top.
 */
export async function startFakeServer(options: FakeServerOptions): Promise<ProtocolFake> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  const sockets = new Set<Socket>();
  let defaultReply = options.defaultReply;
  let models = [...options.defaultModels];

  const server = createServer((request, response) => {
    void readBody(request).then((rawBody) => {
      const recorded = recordRequest(request, rawBody);
      requests.push(recorded);
      let droppedByServer = false;
      const closeWaiters = new Set<() => void>();
      response.on('close', () => {
        if (!response.writableFinished && !droppedByServer) recorded.closedByClientAt = Date.now();
        for (const wake of closeWaiters) wake();
      });
      const exchange: FakeExchange = {
        recorded,
        request,
        response,
        nextReply: () => queue.shift() ?? defaultReply,
        models: () => models,
        isClosed: () => response.destroyed || droppedByServer || recorded.closedByClientAt !== undefined,
        dropConnection: () => {
          droppedByServer = true;
          // Ending flushes what was written, so the client sees the output before the cut.
          const socket = response.socket;
          socket?.end(() => socket.destroy());
        },
        wait: (ms) => waitUnlessClosed(ms, exchange.isClosed, closeWaiters),
      };
      return options.handle(exchange).catch((error: unknown) => failInternally(response, error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    api: options.api,
    baseURL: `http://127.0.0.1:${port}${options.basePath ?? ''}`,
    requests,
    enqueue: (...replies) => void queue.push(...replies),
    setDefaultReply: (reply) => void (defaultReply = reply),
    setModels: (next) => void (models = [...next]),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      defaultReply = options.defaultReply;
      models = [...options.defaultModels];
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    // A client that aborts while sending still gets its (partial) request recorded.
    request.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    request.on('error', () => resolve(Buffer.concat(parts).toString('utf8')));
  });
}

function recordRequest(request: IncomingMessage, rawBody: string): RecordedRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  let body: unknown;
  try {
    body = rawBody === '' ? undefined : JSON.parse(rawBody);
  } catch {
    body = undefined;
  }
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  return { method: request.method ?? 'GET', path, headers, body, rawBody, receivedAt: Date.now() };
}

function waitUnlessClosed(ms: number | undefined, isClosed: () => boolean, waiters: Set<() => void>): Promise<void> {
  if (!ms || ms <= 0 || isClosed()) return Promise.resolve();
  return new Promise((resolve) => {
    const wake = (): void => {
      clearTimeout(timer);
      waiters.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    waiters.add(wake);
  });
}

function failInternally(response: ServerResponse, error: unknown): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  response.writeHead(500, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ error: `fake server failure: ${message}` }));
}

/** Writes a complete `application/json` response, unless the connection is already gone. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}
