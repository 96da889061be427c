/**
 * @module @llm-actions/otel
 * An OpenTelemetry bridge for `@llm-actions/core`: run events become spans that follow
 * the GenAI semantic conventions. Core never loads OpenTelemetry; only importing this
 * package does.
 */
export {
  instrumentLlmActions,
  instrumentationScope,
  type InstrumentableLlmActions,
  type InstrumentLlmActionsOptions,
} from './instrument-llm-actions.js';
export { chatOperation, genAiAttributes, llmActionsAttributes, llmActionsEvents } from './semantic-attributes.js';
