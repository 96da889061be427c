import type { Attributes, AttributeValue } from '@opentelemetry/api';
import type { LlmActionsEvent, LlmActionsEventMap } from '@llm-actions/core';
import { chatOperation, genAiAttributes as gen, llmActionsAttributes as ours } from './semantic-attributes.js';

type Usage = NonNullable<LlmActionsEventMap['run:finish']['usage']>;
type FinishReason = LlmActionsEventMap['run:response']['finishReason'];

/** Generation settings as core names them; read from `run:start` when it carries them. */
interface SettingsLike {
  temperature?: unknown;
  maxOutputTokens?: unknown;
  topP?: unknown;
  topK?: unknown;
  stop?: unknown;
  seed?: unknown;
}

/** Drops keys whose value is not a valid attribute value (undefined, empty arrays, NaN). */
export function definedAttributes(attributes: Record<string, AttributeValue | undefined>): Attributes {
  const result: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (typeof value === 'number' && !Number.isFinite(value)) continue;
    result[key] = value;
  }
  return result;
}

/** Splits a `provider/model` reference; the model part may itself contain `/` and `:`. */
export function splitModelReference(reference: string): { provider: string; model: string } {
  const slash = reference.indexOf('/');
  return slash === -1 ? { provider: reference, model: reference } : { provider: reference.slice(0, slash), model: reference.slice(slash + 1) };
}

/** The span name the GenAI conventions ask for: `{gen_ai.operation.name} {gen_ai.request.model}`. */
export function runSpanName(event: LlmActionsEvent<'run:start'>): string {
  return `${chatOperation} ${splitModelReference(event.data.model).model}`;
}

const number = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

/** `gen_ai.request.*` settings. Core's `run:start` does not carry settings yet; read them when it does. */
export function settingsAttributes(settings: SettingsLike | undefined): Attributes {
  if (!settings || typeof settings !== 'object') return {};
  const stop = Array.isArray(settings.stop) ? settings.stop.filter((item): item is string => typeof item === 'string') : undefined;
  return definedAttributes({
    [gen.requestTemperature]: number(settings.temperature),
    [gen.requestMaxTokens]: number(settings.maxOutputTokens),
    [gen.requestTopP]: number(settings.topP),
    [gen.requestTopK]: number(settings.topK),
    [gen.requestStopSequences]: stop,
    [gen.requestSeed]: number(settings.seed),
  });
}

/** The attributes a run span starts with; `user` only when content capture is on (personal data). */
export function startAttributes(event: LlmActionsEvent<'run:start'>, captureContent: boolean): Attributes {
  const { provider, model } = splitModelReference(event.data.model);
  const data = event.data as LlmActionsEvent<'run:start'>['data'] & { settings?: SettingsLike; outputFormat?: unknown };
  return definedAttributes({
    [gen.operationName]: chatOperation,
    [gen.providerName]: provider,
    [gen.system]: provider,
    [gen.requestModel]: model,
    [gen.outputType]: data.outputFormat === 'json' || data.outputFormat === 'text' ? data.outputFormat : undefined,
    ...settingsAttributes(data.settings),
    [ours.runId]: event.runId,
    [ours.runKind]: event.data.kind,
    [ours.parentRunId]: event.parentRunId,
    [ours.actionId]: event.actionId,
    [ours.actionVersion]: event.data.actionVersion,
    [ours.subjectType]: event.data.subject?.type,
    [ours.subjectId]: event.data.subject?.id,
    [ours.user]: captureContent ? event.data.user : undefined,
  });
}

/** `gen_ai.usage.*` token counts; absent counts are unknown and left out, not zero. */
export function usageAttributes(usage: Usage | undefined): Attributes {
  if (!usage) return {};
  return definedAttributes({
    [gen.usageInputTokens]: usage.inputTokens,
    [gen.usageOutputTokens]: usage.outputTokens,
    [gen.usageCacheReadInputTokens]: usage.cacheReadTokens,
    [gen.usageCacheCreationInputTokens]: usage.cacheWriteTokens,
    [gen.usageReasoningOutputTokens]: usage.reasoningTokens,
  });
}

const finishReasons: Record<FinishReason['unified'], string | undefined> = {
  stop: 'stop',
  length: 'length',
  'content-filter': 'content_filter',
  'tool-calls': 'tool_call',
  error: 'error',
  other: undefined,
};

/** Core's unified finish reason in the conventions' words; `other` keeps the API's own word. */
export function finishReasonValue(reason: FinishReason): string {
  return finishReasons[reason.unified] ?? reason.raw ?? 'other';
}

/** What a `run:response` says about the reply: finish reason, response id and model, usage. */
export function responseAttributes(data: LlmActionsEventMap['run:response']): Attributes {
  const response = typeof data.response === 'object' && data.response !== null ? (data.response as { id?: unknown; modelId?: unknown }) : {};
  return definedAttributes({
    [gen.responseFinishReasons]: [finishReasonValue(data.finishReason)],
    [gen.responseId]: typeof response.id === 'string' ? response.id : undefined,
    [gen.responseModel]: typeof response.modelId === 'string' ? response.modelId : undefined,
    ...usageAttributes(data.usage),
  });
}
