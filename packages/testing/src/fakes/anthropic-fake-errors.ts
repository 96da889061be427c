import type { ServerResponse } from 'node:http';
import type { FakeErrorReply } from './protocol-fake.js';
import { fakeId } from './shared-fake-replies.js';
import { sendJson } from './shared-fake-server.js';

/** Anthropic's error body: `{"type":"error","error":{"type","message"},"request_id"}` (wire reference §4.1). */
export interface AnthropicErrorBody {
  type: 'error';
  error: { type: string; message: string };
  request_id: string;
}

/** The error type the API documents for each status (wire reference §4.1 and the SDK's `ErrorType`). */
const errorTypes: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

/** Default messages, worded as the API and its docs word them. */
const errorMessages: Record<string, string> = {
  invalid_request_error: 'There was an issue with the format or content of your request.',
  authentication_error: 'invalid x-api-key',
  billing_error: 'Your credit balance is too low to access the Anthropic API.',
  permission_error: 'Your API key does not have permission to use the specified resource.',
  not_found_error: 'The requested resource could not be found.',
  request_too_large: 'Request exceeds the maximum allowed number of bytes.',
  rate_limit_error: 'Number of request tokens has exceeded your per-minute rate limit.',
  api_error: 'Internal server error',
  timeout_error: 'Request timed out',
  overloaded_error: 'Overloaded',
};

/** The error type for an HTTP status: documented ones by table, other 5xx `api_error`, other 4xx `invalid_request_error`. */
export function anthropicErrorType(status: number): string {
  return errorTypes[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
}

/** A request id in the API's style, sent as the `request-id` header and in error bodies. */
export function anthropicRequestId(): string {
  return fakeId('req_fake_');
}

/** An error body of the given type, with the documented default message when none is given. */
export function anthropicErrorBody(type: string, message?: string, requestId = anthropicRequestId()): AnthropicErrorBody {
  return { type: 'error', error: { type, message: message ?? errorMessages[type] ?? type }, request_id: requestId };
}

/** Sends an Anthropic-format error response with the `request-id` header every API response carries. */
export function sendAnthropicError(response: ServerResponse, status: number, type: string, message?: string): void {
  const requestId = anthropicRequestId();
  sendJson(response, status, anthropicErrorBody(type, message, requestId), { 'request-id': requestId });
}

/** Sends a scripted error reply: its raw `body` when given (text or JSON), else the documented body for its status. */
export function sendScriptedAnthropicError(response: ServerResponse, reply: FakeErrorReply): void {
  const { status, message, type, headers = {}, body } = reply.error;
  const requestId = anthropicRequestId();
  const allHeaders = { 'request-id': requestId, ...headers };
  if (typeof body === 'string') {
    if (response.destroyed) return;
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...allHeaders });
    response.end(body);
    return;
  }
  const errorBody = body ?? anthropicErrorBody(type ?? anthropicErrorType(status), message, requestId);
  sendJson(response, status, errorBody, allHeaders);
}

/**
 * Checks the headers the API requires before it looks at a body: a credential (`x-api-key`,
 * or `Authorization: Bearer`, which `@anthropic-ai/sdk` 1.x sends for an API key),
 * `anthropic-version`, and a JSON content type on requests with a body.
 * Sends the error and returns false when one is missing.
 */
export function checkAnthropicHeaders(response: ServerResponse, method: string, headers: Record<string, string>): boolean {
  const bearer = /^bearer\s+\S+/i.test(headers.authorization ?? '');
  if (!headers['x-api-key'] && !bearer) {
    sendAnthropicError(response, 401, 'authentication_error', 'x-api-key header is required');
    return false;
  }
  if (!headers['anthropic-version']) {
    sendAnthropicError(response, 400, 'invalid_request_error', 'anthropic-version: header is required');
    return false;
  }
  if (method === 'POST' && !(headers['content-type'] ?? '').toLowerCase().includes('application/json')) {
    sendAnthropicError(response, 400, 'invalid_request_error', 'content-type: must be application/json');
    return false;
  }
  return true;
}
