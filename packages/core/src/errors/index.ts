export { errorCodes, type ErrorCode } from './error-codes.js';
export { LlmActionsError, type LlmActionsErrorOptions } from './llm-actions-error.js';
export {
  ProviderError,
  isRetryableStatus,
  kindFromStatus,
  type ProviderErrorKind,
  type ProviderErrorOptions,
} from './provider-error.js';
export {
  TemplateError,
  type TemplateErrorCode,
  type TemplateErrorOptions,
  type TemplateProblem,
} from './template-error.js';
