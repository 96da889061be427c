import { count, times, verdict, type Table } from './format.js';
import { compareSync } from './measure.js';
import { assertEqual, type BenchmarkResult, type TargetCheck } from './result.js';
import type { BenchSettings } from './settings.js';
import { largeData, loopData, smallData, truncateLength, truncateText } from './template-data.js';
import { createCompilers, engineNames, templatePrompts, type EngineName } from './template-engines.js';

/** The text every engine must produce, built with plain string operations. */
const expectedOutputs: Record<string, string> = {
  'small interpolation': `You are helping ${smallData.user.name} write a ${smallData.kind} about ${smallData.topic}. Answer in ${smallData.language}.`,
  '20-item loop with conditionals': `Rate these products:\n${loopData.products
    .map((product) => `- ${product.name} (${product.category})${product.inStock ? `: ${product.price} EUR` : ': sold out'}${product.featured ? ' [featured]' : ''}\n`)
    .join('')}One line per product.`,
  '50 KB body with filters': `${largeData.title.toUpperCase()}\n\n${truncateText(largeData.body, truncateLength)}\n\nTags: ${largeData.tags.join(', ')}\nBy ${largeData.author.toLowerCase()}`,
};

/**
 * Benchmark 2: renders per second of compiled templates, ours against Handlebars, Mustache
 * and LiquidJS, on three prompts whose outputs are first checked to be identical.
 */
export async function runTemplateBenchmark(settings: BenchSettings): Promise<BenchmarkResult> {
  const compilers = createCompilers();
  const rows: string[][] = [];
  const targets: TargetCheck[] = [];
  const data: Record<string, unknown> = {};
  for (const prompt of templatePrompts) {
    const renders = Object.fromEntries(engineNames.map((engine) => [engine, compilers[engine](prompt.sources[engine], prompt.data)])) as Record<
      EngineName,
      () => string
    >;
    const expected = expectedOutputs[prompt.name]!;
    for (const engine of engineNames) assertEqual(renders[engine](), expected, `${engine} renders "${prompt.name}" exactly as expected`);
    const stats = compareSync(renders, settings.templates);
    const ours = stats['@llm-actions/core']!.opsPerSecond;
    const handlebars = stats.Handlebars!.opsPerSecond;
    rows.push([
      prompt.name,
      `${expected.length.toLocaleString('en-US')} chars`,
      ...engineNames.map((engine) => count(stats[engine]!.opsPerSecond)),
      times(ours / handlebars),
    ]);
    targets.push({
      target: `templates: at least 2x Handlebars on "${prompt.name}"`,
      met: ours >= 2 * handlebars,
      detail: `${times(ours / handlebars)} Handlebars`,
    });
    data[prompt.name] = { outputLength: expected.length, outputsIdentical: true, stats };
  }
  const table: Table = {
    title: '2. Template rendering, compiled templates (renders per second, median of timed batches)',
    headers: ['prompt', 'output', ...engineNames, 'ours / Handlebars'],
    rows,
    notes: [
      `${settings.templates.iterations} timed batches of ${settings.templates.batchSize} renders per engine and prompt after ${settings.templates.warmup} warm-up batches, interleaved in ${settings.templates.rounds ?? 5} rounds.`,
      'All four engines produce exactly the same text on every prompt, checked against a plain-JavaScript rendering before timing; no whitespace normalisation was needed (block tags sit inside lines, so no standalone-line rule applies).',
      'Handlebars is compiled with noEscape and given upper/lower/truncate/join helpers; Mustache renders with escaping off and lambdas for upper/lower/truncate/join; LiquidJS uses upcase/downcase/truncate/join and renderSync.',
      ...targets.map((check) => `Target — ${check.target}: ${verdict(check.met, check.detail)}`),
    ],
  };
  return { id: 'templates', tables: [table], data, targets };
}
