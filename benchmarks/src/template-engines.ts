import { createTemplateEngine } from '@llm-actions/core';
import Handlebars from 'handlebars';
import { Liquid } from 'liquidjs';
import Mustache from 'mustache';
import { largeData, loopData, smallData, truncateLength, truncateText } from './template-data.js';

/** The four engines compared, by display name. */
export const engineNames = ['@llm-actions/core', 'Handlebars', 'Mustache', 'LiquidJS'] as const;
export type EngineName = (typeof engineNames)[number];

/** One prompt written for each engine, with its data. */
export interface TemplatePrompt {
  name: string;
  data: Record<string, unknown>;
  sources: Record<EngineName, string>;
}

const small = 'You are helping {{ user.name }} write a {{ kind }} about {{ topic }}. Answer in {{ language }}.';

/** The three prompts. Block tags sit inside lines, so no engine's standalone-line rule applies. */
export const templatePrompts: TemplatePrompt[] = [
  { name: 'small interpolation', data: smallData, sources: { '@llm-actions/core': small, Handlebars: small, Mustache: small, LiquidJS: small } },
  {
    name: '20-item loop with conditionals',
    data: loopData,
    sources: {
      '@llm-actions/core':
        'Rate these products:\n{{#each products as product}}- {{ product.name }} ({{ product.category }}){{#if product.inStock}}: {{ product.price }} EUR{{else}}: sold out{{/if}}{{#if product.featured}} [featured]{{/if}}\n{{/each}}One line per product.',
      Handlebars:
        'Rate these products:\n{{#each products as |product|}}- {{product.name}} ({{product.category}}){{#if product.inStock}}: {{product.price}} EUR{{else}}: sold out{{/if}}{{#if product.featured}} [featured]{{/if}}\n{{/each}}One line per product.',
      Mustache:
        'Rate these products:\n{{#products}}- {{name}} ({{category}}){{#inStock}}: {{price}} EUR{{/inStock}}{{^inStock}}: sold out{{/inStock}}{{#featured}} [featured]{{/featured}}\n{{/products}}One line per product.',
      LiquidJS:
        'Rate these products:\n{% for product in products %}- {{ product.name }} ({{ product.category }}){% if product.inStock %}: {{ product.price }} EUR{% else %}: sold out{% endif %}{% if product.featured %} [featured]{% endif %}\n{% endfor %}One line per product.',
    },
  },
  {
    name: '50 KB body with filters',
    data: largeData,
    sources: {
      '@llm-actions/core': `{{ title | upper }}\n\n{{ body | truncate: ${truncateLength}, "..." }}\n\nTags: {{ tags | join: ", " }}\nBy {{ author | lower }}`,
      Handlebars: `{{upper title}}\n\n{{truncate body ${truncateLength} "..."}}\n\nTags: {{join tags ", "}}\nBy {{lower author}}`,
      // Mustache has no filters: lambdas (its helper mechanism) do the same work.
      Mustache: '{{#upper}}{{title}}{{/upper}}\n\n{{#truncate}}{{body}}{{/truncate}}\n\nTags: {{joinedTags}}\nBy {{#lower}}{{author}}{{/lower}}',
      LiquidJS: `{{ title | upcase }}\n\n{{ body | truncate: ${truncateLength}, "..." }}\n\nTags: {{ tags | join: ", " }}\nBy {{ author | downcase }}`,
    },
  },
];

/** Compiles `source` once and returns a function rendering it with `data`. */
type Prepare = (source: string, data: Record<string, unknown>) => () => string;

/** Handlebars without HTML escaping (prompts are not HTML), with the helpers it lacks. */
function handlebarsCompiler(): Prepare {
  const handlebars = Handlebars.create();
  handlebars.registerHelper('upper', (value: string) => value.toUpperCase());
  handlebars.registerHelper('lower', (value: string) => value.toLowerCase());
  handlebars.registerHelper('truncate', (value: string, length: number, suffix: string) => truncateText(value, length, suffix));
  handlebars.registerHelper('join', (values: string[], separator: string) => values.join(separator));
  return (source, data) => {
    const template = handlebars.compile(source, { noEscape: true });
    return () => template(data);
  };
}

/** Mustache with escaping off and the lambdas prompt 3 needs merged into its view (once). */
function mustacheCompiler(): Prepare {
  const helpers = {
    upper: () => (text: string, render: (text: string) => string) => render(text).toUpperCase(),
    lower: () => (text: string, render: (text: string) => string) => render(text).toLowerCase(),
    truncate: () => (text: string, render: (text: string) => string) => truncateText(render(text), truncateLength),
    joinedTags(this: { tags: string[] }) {
      return this.tags.join(', ');
    },
  };
  const config = { escape: (text: string) => text };
  return (source, data) => {
    Mustache.parse(source);
    const view = { ...data, ...helpers };
    return () => Mustache.render(source, view, undefined, config);
  };
}

/** LiquidJS parses once and renders synchronously; it does not escape output by default. */
function liquidCompiler(): Prepare {
  const liquid = new Liquid();
  return (source, data) => {
    const parsed = liquid.parse(source);
    return () => liquid.renderSync(parsed, data) as string;
  };
}

/** Our engine: `createTemplateEngine().compile(source).render(data)`. */
function ownCompiler(): Prepare {
  const engine = createTemplateEngine();
  return (source, data) => {
    const template = engine.compile(source);
    return () => template.render(data);
  };
}

/** A prepare function per engine. */
export function createCompilers(): Record<EngineName, Prepare> {
  return { '@llm-actions/core': ownCompiler(), Handlebars: handlebarsCompiler(), Mustache: mustacheCompiler(), LiquidJS: liquidCompiler() };
}
