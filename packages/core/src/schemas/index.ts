export {
  fieldPathSchema,
  idSchema,
  labelSchema,
  modelReferenceSchema,
  subjectRefSchema,
  subjectSchema,
  timestampSchema,
  usageSchema,
  type Subject,
  type SubjectRef,
  type Usage,
} from './common.js';
export {
  actionDefinitionSchema,
  actionPromptsSchema,
  actionSchema,
  actionScopeSchema,
  actionStatusSchema,
  actionTestCaseSchema,
  outputSpecSchema,
  settingsSchema,
  type ActionDefinition,
  type ActionDefinitionInput,
  type ActionRecord,
  type OutputSpec,
  type Settings,
} from './action.js';
export { bindingDefinitionSchema, bindingSchema, type Binding, type BindingDefinition } from './binding.js';
export { promptDefinitionSchema, promptSchema, type Prompt, type PromptDefinition } from './prompt.js';
export {
  diffLineSchema,
  proposalSchema,
  proposalStatusSchema,
  type DiffLine,
  type Proposal,
  type ProposalStatus,
} from './proposal.js';
export {
  runErrorSchema,
  runEventSchema,
  runKindSchema,
  runMessageSchema,
  runSchema,
  runStatusSchema,
  type Run,
  type RunEvent,
  type RunKind,
  type RunStatus,
} from './run.js';
export { jsonSchemas } from './json-schemas.js';
