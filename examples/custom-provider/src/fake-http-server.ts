import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { FakeReply, ProtocolFake, RecordedRequest } from '@llm-actions/testing';

/** One HTTP request as a fake's handler sees it. */
export interface FakeCall {
  /** The request as recorded (already in `fake.requests`). */
  recorded: RecordedRequest;
  response: ServerResponse;
  /** The next scripted reply, or the default reply when none is queued. */
  nextReply(): FakeReply;
  /** The models the fake currently knows. */
  models(): string[];
  /** True once the client went away or the fake dropped the connection. */
  isClosed(): boolean;
  /** Cuts the connection on purpose, after flushing what was written (fault injection). */
  drop(): void;
  /** Waits `ms` milliseconds, or less when the connection closes first. */
  wait(ms: number | undefined): Promise<void>;
}

/** Options of {@link startFakeHttpServer}. */
export interface FakeHttpServerOptions {
  /** Name of the API, reported as `fake.api`. */
  api: string;
  /** Appended to `http://127.0.0.1:PORT` to form `fake.baseURL`, e.g. `/v1`. */
  basePath: string;
  /** Models known at start and after `reset()`. */
  defaultModels: string[];
  /** Reply used when the queue is empty, at start and after `reset()`. */
  defaultReply: FakeReply;
  /** Answers one request. */
  handle(call: FakeCall): Promise<void>;
}

/**
 * A small HTTP server on 127.0.0.1 (random port) that implements the protocol-neutral
 * half of `ProtocolFake`: it records requests, notices clients that hang up early
 * (`closedByClientAt`) and hands out scripted replies in order. The API's wire format
 * is left to `options.handle`.
 */
export async function startFakeHttpServer(options: FakeHttpServerOptions): Promise<ProtocolFake> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  const sockets = new Set<Socket>();
  let defaultReply = options.defaultReply;
  let models = [...options.defaultModels];

  const server = createServer((request, response) => {
    void readBody(request).then(async (rawBody) => {
      const recorded = record(request, rawBody);
      requests.push(recorded);
      let dropped = false;
      const wakers = new Set<() => void>();
      response.on('close', () => {
        if (!response.writableFinished && !dropped) recorded.closedByClientAt = Date.now();
        for (const wake of wakers) wake();
      });
      const isClosed = (): boolean => dropped || response.destroyed || recorded.closedByClientAt !== undefined;
      const call: FakeCall = {
        recorded,
        response,
        nextReply: () => queue.shift() ?? defaultReply,
        models: () => models,
        isClosed,
        drop: () => {
          dropped = true;
          const socket = response.socket;
          socket?.end(() => socket.destroy());
        },
        wait: (ms) =>
          !ms || isClosed()
            ? Promise.resolve()
            : new Promise<void>((resolve) => {
                const wake = (): void => {
                  clearTimeout(timer);
                  wakers.delete(wake);
                  resolve();
                };
                const timer = setTimeout(wake, ms);
                wakers.add(wake);
              }),
      };
      try {
        await options.handle(call);
      } catch (error) {
        if (response.headersSent) return void response.destroy();
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'internal', message: `fake failure: ${String(error)}` } }));
      }
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
    baseURL: `http://127.0.0.1:${port}${options.basePath}`,
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
    request.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    request.on('error', () => resolve(Buffer.concat(parts).toString('utf8')));
  });
}

function record(request: IncomingMessage, rawBody: string): RecordedRequest {
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

/** Writes a whole JSON response, unless the client is already gone. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (response.destroyed) return;
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
}
