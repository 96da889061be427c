import { ChatPromptTemplate } from '@langchain/core/prompts';
import { AIMessage, AIMessageChunk } from '@langchain/core/messages';
import { FakeStreamingChatModel } from '@langchain/core/utils/testing';
import { generateText, streamText } from 'ai';
import { MockLanguageModelV3, convertArrayToReadableStream } from 'ai/test';
import { outputChunks, scenario } from './scenario.js';

const finishReason = { unified: 'stop', raw: 'stop' } as const;
const usage = () => ({
  inputTokens: { total: 42, noCache: 42, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 27, text: 27, reasoning: undefined },
});

/** The Vercel AI SDK's mock model answering `scenario.output`, whole or in the same chunks as ours. */
export function createAiSdkModel(): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    modelId: 'zero-latency',
    doGenerate: async () => ({ content: [{ type: 'text', text: scenario.output }], finishReason, usage: usage(), warnings: [] }),
    doStream: async () => ({
      stream: convertArrayToReadableStream([
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 'text-1' },
        ...outputChunks.map((delta) => ({ type: 'text-delta' as const, id: 'text-1', delta })),
        { type: 'text-end', id: 'text-1' },
        { type: 'finish', finishReason, usage: usage() },
      ]),
    }),
  });
}

/** The mock model keeps every call's options; dropping them keeps memory flat over long runs. */
function forgetCalls(model: MockLanguageModelV3): void {
  if (model.doGenerateCalls.length + model.doStreamCalls.length > 1000) {
    model.doGenerateCalls.length = 0;
    model.doStreamCalls.length = 0;
  }
}

/** `generateText` with the scenario's system prompt and user message; resolves to the text. */
export async function aiSdkGenerate(model: MockLanguageModelV3): Promise<string> {
  forgetCalls(model);
  const result = await generateText({ model, system: scenario.system, prompt: `${scenario.instruction}${scenario.input}` });
  return result.text;
}

/** `streamText`, consumed to the end; `onChunk` sees each text delta. */
export async function aiSdkStream(model: MockLanguageModelV3, onChunk: (delta: string) => void): Promise<void> {
  forgetCalls(model);
  const result = streamText({ model, system: scenario.system, prompt: `${scenario.instruction}${scenario.input}` });
  for await (const delta of result.textStream) onChunk(delta);
}

/** LangChain.js: a ChatPromptTemplate piped into its fake chat model, with the same chunks. */
export function createLangChainChain() {
  const prompt = ChatPromptTemplate.fromMessages([
    ['system', scenario.system],
    ['human', `${scenario.instruction}{input}`],
  ]);
  const model = new FakeStreamingChatModel({
    sleep: 0,
    responses: [new AIMessage(scenario.output)],
    chunks: outputChunks.map((content) => new AIMessageChunk(content)),
  });
  return { prompt, chain: prompt.pipe(model) };
}

export type LangChainChain = ReturnType<typeof createLangChainChain>['chain'];

/** `chain.invoke`; resolves to the reply text. */
export async function langChainInvoke(chain: LangChainChain): Promise<string> {
  const message = await chain.invoke({ input: scenario.input });
  return String(message.content);
}

/** `chain.stream`, consumed to the end; `onChunk` sees each text delta. */
export async function langChainStream(chain: LangChainChain, onChunk: (delta: string) => void): Promise<void> {
  for await (const chunk of await chain.stream({ input: scenario.input })) onChunk(String(chunk.content));
}
