export { EventBus, type EventListener } from './event-bus.js';
export type {
  AnyLlmActionsEvent,
  EventError,
  LlmActionsEvent,
  LlmActionsEventMap,
  LlmActionsEventType,
} from './event-types.js';
