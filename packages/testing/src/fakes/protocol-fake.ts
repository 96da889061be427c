/**
 * The shape every protocol fake shares, so that one conformance suite can script
 * the Ollama, OpenAI and Anthropic fakes alike. Replies are protocol-neutral; each
 * fake renders them in its own wire format (JSON, NDJSON or SSE, as the request asks).
 */

/** A usage report the fake puts into its reply, in the API's own fields. */
export interface FakeUsage {
  inputTokens: number;
  outputTokens: number;
  /** Rendered only by APIs that report cache tokens. */
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
}

/** A successful model reply. */
export interface FakeSuccessReply {
  /** The text of the reply. Streams split it into `chunks` when given, else into a few pieces. */
  text?: string;
  /** Explicit stream chunks; their concatenation is the text. */
  chunks?: string[];
  /** Tool calls the model makes. */
  toolCalls?: Array<{ id?: string; name: string; input: Record<string, unknown> }>;
  /** Unified finish reason; the fake maps it to the API's value. Default `stop` (or `tool-calls`). */
  finishReason?: 'stop' | 'length' | 'tool-calls';
  /** Usage; a default is computed from the text when absent. */
  usage?: FakeUsage;
  /** Delay before the response starts, in ms. */
  delayMs?: number;
  /** Delay between stream chunks, in ms. */
  chunkDelayMs?: number;
  /** Streams only: destroy the connection after this many chunks were written. */
  dropAfterChunks?: number;
  /** Streams only: write an unparsable chunk after this many chunks. */
  malformedAfterChunks?: number;
  /** Streams only: write the API's in-stream error event after `after` chunks. */
  streamErrorAfterChunks?: { after: number; message: string };
}

/** An HTTP error reply. */
export interface FakeErrorReply {
  error: {
    status: number;
    /** Message placed in the API's error body. */
    message?: string;
    /** The API's error type (`rate_limit_error`, `overloaded_error`, ...); derived from status when absent. */
    type?: string;
    /** Extra response headers, e.g. `retry-after`, `retry-after-ms`, `x-should-retry`. */
    headers?: Record<string, string>;
    /** A raw body that replaces the API's error body entirely. */
    body?: unknown;
  };
  /** Delay before the response, in ms. */
  delayMs?: number;
}

/** What the fake answers to the next model call. */
export type FakeReply = FakeSuccessReply | FakeErrorReply;

/** One request the fake received. */
export interface RecordedRequest {
  method: string;
  /** Path without query, e.g. `/api/chat`. */
  path: string;
  /** Lowercased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  body: unknown;
  /** The body as received. */
  rawBody: string;
  /** `Date.now()` when the request arrived. */
  receivedAt: number;
  /** `Date.now()` when the client closed the connection before the response ended. */
  closedByClientAt?: number;
}

/** A running fake server on 127.0.0.1. */
export interface ProtocolFake {
  /** Name of the API: `ollama`, `openai` or `anthropic`. */
  readonly api: string;
  /**
   * The URL a client library takes as its base: `http://127.0.0.1:PORT` for Ollama,
   * `http://127.0.0.1:PORT/v1` for OpenAI, `http://127.0.0.1:PORT` for Anthropic.
   */
  readonly baseURL: string;
  /** Every request received, in order (model calls and others). */
  readonly requests: RecordedRequest[];
  /** Queues replies for the next model calls, in order. With an empty queue the fake answers `default reply`. */
  enqueue(...replies: FakeReply[]): void;
  /** Sets the reply used when the queue is empty (initially a short text). */
  setDefaultReply(reply: FakeReply): void;
  /** Models the fake knows (for list and show endpoints, and not-found errors). Default: a few ids. */
  setModels(models: string[]): void;
  /** Empties the queue and the request log, and restores defaults. */
  reset(): void;
  /** Stops the server and destroys open connections. */
  close(): Promise<void>;
}
