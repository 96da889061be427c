/** Data for the three template prompts: deterministic, so every run renders the same text. */

/** Prompt 1: a few interpolated values. */
export const smallData = {
  user: { name: 'Ann Editor' },
  kind: 'product description',
  topic: 'a reusable water bottle & its "lifetime" warranty',
  language: 'English',
};

const categories = ['kitchen', 'garden', 'office', 'outdoor'];

/** Prompt 2: 20 products, some sold out, some featured. */
export const loopData = {
  products: Array.from({ length: 20 }, (_, index) => ({
    name: `Product ${index + 1} <${String.fromCharCode(65 + index)}>`,
    category: categories[index % categories.length]!,
    price: Number((9.99 + index * 2.5).toFixed(2)),
    inStock: index % 3 !== 0,
    featured: index % 5 === 0,
  })),
};

const sentences = [
  'The team tested the prototype in three cities & collected feedback from 120 "early" users.',
  'Battery life improved by 40% after the firmware update <v2.1>, while weight stayed the same.',
  'Editors asked for shorter summaries, so the model now writes two sentences instead of five.',
  'Costs fell when the pipeline cached rendered prompts and skipped unchanged records.',
];

/** About 50 KB of article text: paragraphs of plain ASCII with characters HTML would escape. */
function articleBody(targetLength: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  for (let index = 0; length < targetLength; index += 1) {
    const paragraph = `${index + 1}. ${sentences[index % 4]} ${sentences[(index + 1) % 4]} ${sentences[(index + 2) % 4]}`;
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** Prompt 3: a 50 KB body cut to 40,000 characters, an upper-cased title, joined tags. */
export const largeData = {
  title: 'Field report: what we learned from the spring pilot',
  body: articleBody(50 * 1024),
  tags: ['pilot', 'hardware', 'feedback', 'costs'],
  author: 'ANN EDITOR',
};

/** The truncation length used by prompt 3. */
export const truncateLength = 40_000;

/** Truncation as all four engines do it: at most `length` characters, `...` included. */
export function truncateText(text: string, length: number, suffix = '...'): string {
  return text.length <= length ? text : text.slice(0, Math.max(0, length - suffix.length)) + suffix;
}
