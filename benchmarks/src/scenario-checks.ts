import type { LlmActions } from '@llm-actions/core';
import type { MockLanguageModelV3 } from 'ai/test';
import { aiSdkGenerate, aiSdkStream, langChainInvoke, langChainStream, type createLangChainChain } from './rivals.js';
import { assertEqual } from './result.js';
import { benchSubject, outputChunks, scenario, scenarioRequest, summaryAction } from './scenario.js';

/** What each library sent and answered, checked once before timing. */
export interface ScenarioCheck {
  samePrompt: boolean;
  sameOutput: boolean;
  sameChunks: boolean;
}

type LangChain = ReturnType<typeof createLangChainChain>;

/** The system and user texts an AI SDK call passed to its model. */
function aiSdkPrompt(model: MockLanguageModelV3, calls: 'doGenerateCalls' | 'doStreamCalls') {
  const prompt = model[calls].at(-1)?.prompt ?? [];
  return prompt.map((message) => ({
    role: message.role,
    content: typeof message.content === 'string' ? message.content : message.content.map((part) => ('text' in part ? part.text : '')).join(''),
  }));
}

/**
 * Proves the libraries are compared on equal work: the same two messages reach every model
 * and every library returns the same text (and, streaming, the same chunks).
 */
export async function checkScenario(llm: LlmActions, aiModel: MockLanguageModelV3, langChain: LangChain): Promise<ScenarioCheck> {
  const expectedMessages = scenarioRequest().messages.map(({ role, content }) => ({ role, content }));
  const preview = await llm.preview(summaryAction, benchSubject());
  assertEqual(preview.messages, expectedMessages, '@llm-actions renders the scenario prompt');
  const ours = await llm.run(summaryAction, benchSubject());
  assertEqual(ours.run.messages, expectedMessages, '@llm-actions sends the scenario prompt');
  assertEqual(ours.output, scenario.output, '@llm-actions returns the scenario output');

  assertEqual(await aiSdkGenerate(aiModel), scenario.output, 'AI SDK generateText returns the scenario output');
  assertEqual(aiSdkPrompt(aiModel, 'doGenerateCalls'), expectedMessages, 'AI SDK sends the scenario prompt');

  const formatted = await langChain.prompt.formatMessages({ input: scenario.input });
  const roles: Record<string, string> = { system: 'system', human: 'user' };
  assertEqual(
    formatted.map((message) => ({ role: roles[message._getType()], content: message.content })),
    expectedMessages,
    'LangChain formats the scenario prompt',
  );
  assertEqual(await langChainInvoke(langChain.chain), scenario.output, 'LangChain invoke returns the scenario output');

  const streamed = { ours: [] as string[], ai: [] as string[], langChain: [] as string[] };
  await llm.run(summaryAction, benchSubject(), { stream: true, onChunk: (delta) => streamed.ours.push(delta) });
  await aiSdkStream(aiModel, (delta) => streamed.ai.push(delta));
  assertEqual(aiSdkPrompt(aiModel, 'doStreamCalls'), expectedMessages, 'AI SDK streamText sends the scenario prompt');
  await langChainStream(langChain.chain, (delta) => streamed.langChain.push(delta));
  assertEqual(streamed.ours, outputChunks, '@llm-actions streams the scenario chunks');
  assertEqual(streamed.ai, outputChunks, 'AI SDK streamText streams the scenario chunks');
  assertEqual(streamed.langChain, outputChunks, 'LangChain stream streams the scenario chunks');
  return { samePrompt: true, sameOutput: true, sameChunks: true };
}
