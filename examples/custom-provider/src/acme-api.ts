/**
 * The wire format of the Acme Text API, an HTTP API invented for this example. It is
 * small on purpose and documented here in full, the way a plugin author would first
 * write down the API they are wrapping.
 *
 * - `POST {baseURL}/generate` with an {@link AcmeGenerateBody}, authenticated by
 *   `Authorization: Bearer <key>`. Answers an {@link AcmeGenerateResponse}, or with
 *   `"stream": true` newline-delimited JSON (`application/x-ndjson`), one
 *   {@link AcmeStreamEvent} a line, ending with a `done` (or an `error`) event.
 * - `GET {baseURL}/models` answers an {@link AcmeModelList}.
 * - Failures answer a non-2xx status with an {@link AcmeErrorBody}: 400 invalid request,
 *   401 bad key, 404 unknown model or route, 429 rate limited (with a `retry-after`
 *   header in seconds), 500 internal error, 503 overloaded.
 *
 * The API has no `top_k` and no `seed`, and `tool_choice` cannot name one tool.
 */

/** A message of the conversation; the system prompt travels separately. */
export type AcmeMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; tool_calls?: AcmeToolCall[] }
  | { role: 'tool'; tool_call_id: string; name: string; content: string };

/** A tool call made by the model; `arguments` is already a JSON object. */
export interface AcmeToolCall {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

/** A tool the model may call, described by a JSON Schema of its arguments. */
export interface AcmeTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

/** The body of `POST /generate`. */
export interface AcmeGenerateBody {
  model: string;
  /** The system prompt. */
  system?: string;
  messages: AcmeMessage[];
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  /** Up to four sequences that end generation. */
  stop?: string[];
  /** `json` makes the model answer with one JSON value, matching `schema` when given. */
  response_format?: { type: 'text' } | { type: 'json'; schema?: Record<string, unknown>; name?: string };
  tools?: AcmeTool[];
  /** `auto` (default), `none` or `required`; the API cannot force one named tool. */
  tool_choice?: 'auto' | 'none' | 'required';
  /** Stream the answer as NDJSON events. Default `false`. */
  stream?: boolean;
}

/** Why the model stopped. */
export type AcmeStopReason = 'end' | 'stop_sequence' | 'max_tokens' | 'tool_use' | 'filtered';

/** Token counts; `cached_prompt_tokens` is part of `prompt_tokens`. */
export interface AcmeUsage {
  prompt_tokens: number;
  output_tokens: number;
  cached_prompt_tokens?: number;
}

/** The answer of a non-streamed `POST /generate`. */
export interface AcmeGenerateResponse {
  id: string;
  model: string;
  output: string;
  tool_calls?: AcmeToolCall[];
  stop_reason: AcmeStopReason;
  usage: AcmeUsage;
}

/** One line of a streamed answer. */
export type AcmeStreamEvent =
  | { type: 'delta'; text: string }
  | { type: 'tool_call'; tool_call: AcmeToolCall }
  | { type: 'done'; id: string; model: string; stop_reason: AcmeStopReason; usage: AcmeUsage }
  | { type: 'error'; error: { code: string; message: string } };

/** The body of every error response. */
export interface AcmeErrorBody {
  error: {
    /** `invalid_request`, `invalid_api_key`, `model_not_found`, `not_found`, `rate_limited`, `internal`, `overloaded`. */
    code: string;
    message: string;
  };
}

/** The answer of `GET /models`. */
export interface AcmeModelList {
  models: Array<{ id: string; name: string; context_length: number }>;
}
