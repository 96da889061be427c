export { EventBus, type EventListener } from './event-bus.js';
export type {
  AnyLlmActionsEvent,
  BatchProgress,
  EventError,
  LlmActionsEvent,
  LlmActionsEventMap,
  LlmActionsEventType,
} from './event-types.js';
