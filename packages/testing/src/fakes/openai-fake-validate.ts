import { openAIErrorBody, type OpenAIErrorBody } from './openai-fake-bodies.js';

const roles = new Set(['system', 'developer', 'user', 'assistant', 'tool']);
const namePattern = /^[a-zA-Z0-9_-]{1,64}$/;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function invalid(message: string, param: string | null = null, code: string | null = null): OpenAIErrorBody {
  return openAIErrorBody(message, 'invalid_request_error', code, param);
}

function missing(param: string): OpenAIErrorBody {
  return invalid(`Missing required parameter: '${param}'.`, param, 'missing_required_parameter');
}

/**
 * Checks a `POST /v1/chat/completions` body the way the real API does for the mistakes a
 * provider can make, and returns OpenAI's 400 body, or undefined when the body is acceptable.
 */
export function validateChatRequest(body: unknown): OpenAIErrorBody | undefined {
  if (!isObject(body)) {
    return invalid(
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)",
    );
  }
  if (typeof body.model !== 'string' || body.model === '') return invalid('you must provide a model parameter');
  if (!Array.isArray(body.messages)) return missing('messages');
  if (body.messages.length === 0) return invalid("[] is too short - 'messages'", 'messages');
  return validateMessages(body.messages) ?? validateOptions(body);
}

function validateMessages(messages: unknown[]): OpenAIErrorBody | undefined {
  const toolCallIds = new Set<string>();
  for (const [index, message] of messages.entries()) {
    if (!isObject(message) || typeof message.role !== 'string') return missing(`messages[${index}].role`);
    if (!roles.has(message.role)) {
      return invalid(`Invalid value: '${message.role}'. Supported values are: 'system', 'assistant', 'user', 'tool', 'function', and 'developer'.`, `messages[${index}].role`, 'invalid_value');
    }
    if (message.role === 'assistant' && Array.isArray(message.tool_calls)) {
      for (const [callIndex, call] of message.tool_calls.entries()) {
        const path = `messages[${index}].tool_calls[${callIndex}]`;
        if (!isObject(call) || typeof call.id !== 'string') return missing(`${path}.id`);
        if (!isObject(call.function) || typeof call.function.arguments !== 'string') {
          return invalid(`Invalid type for '${path}.function.arguments': expected a string.`, `${path}.function.arguments`, 'invalid_type');
        }
        toolCallIds.add(call.id);
      }
    } else if (message.role === 'tool') {
      if (typeof message.tool_call_id !== 'string') return missing(`messages[${index}].tool_call_id`);
      if (!toolCallIds.has(message.tool_call_id)) {
        return invalid("Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", `messages.[${index}].role`);
      }
    } else if (message.content === undefined) {
      return missing(`messages[${index}].content`);
    }
  }
  return undefined;
}

function validateOptions(body: Json): OpenAIErrorBody | undefined {
  if (body.stream_options !== undefined && body.stream !== true) {
    return invalid("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 'stream_options', 'invalid_value');
  }
  const format = body.response_format;
  if (isObject(format) && format.type === 'json_schema') {
    if (!isObject(format.json_schema)) return missing('response_format.json_schema');
    const name = format.json_schema.name;
    if (typeof name !== 'string') return missing('response_format.json_schema.name');
    if (!namePattern.test(name)) {
      return invalid(`Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`, 'response_format.json_schema.name', 'invalid_value');
    }
  }
  if (isObject(format) && format.type === 'json_object' && !JSON.stringify(body.messages).toLowerCase().includes('json')) {
    return invalid("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", 'messages');
  }
  if (body.tools !== undefined) {
    if (!Array.isArray(body.tools)) return invalid("Invalid type for 'tools': expected an array.", 'tools', 'invalid_type');
    for (const [index, tool] of body.tools.entries()) {
      if (!isObject(tool) || !isObject(tool.function) || typeof tool.function.name !== 'string') return missing(`tools[${index}].function.name`);
      if (!namePattern.test(tool.function.name)) {
        return invalid(`Invalid 'tools[${index}].function.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`, `tools[${index}].function.name`, 'invalid_value');
      }
    }
  }
  if (body.tool_choice !== undefined && body.tools === undefined) {
    return invalid("Invalid value for 'tool_choice': 'tool_choice' is only allowed when 'tools' are specified.", 'tool_choice');
  }
  return undefined;
}
