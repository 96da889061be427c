import { describe, expect, it } from 'vitest';
import { LlmActionsError, TemplateError } from '../errors/index.js';
import { createTemplateEngine, defaultTemplateLimits, type RenderOptions, type TemplateEngine } from './index.js';

function renderError(engine: TemplateEngine, source: string, data: unknown, options?: RenderOptions): TemplateError {
  try {
    engine.render(source, data, options);
  } catch (error) {
    if (TemplateError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected the render to fail');
}

describe('limits', () => {
  it('has documented defaults', () => {
    expect(defaultTemplateLimits).toEqual({
      maxOutputLength: 1_000_000,
      maxLoopIterations: 10_000,
      maxPartialDepth: 10,
      maxPartialIncludes: 100_000,
      maxTemplateLength: 100_000,
    });
  });

  it('maxOutputLength bounds text, values and partials', () => {
    const engine = createTemplateEngine({ limits: { maxOutputLength: 10 } });
    expect(engine.render('0123456789', {})).toBe('0123456789');
    const error = renderError(engine, 'abc {{ body }}', { body: 'x'.repeat(7) });
    expect(error.code).toBe('TEMPLATE_LIMIT');
    expect(error.message).toContain('maxOutputLength (10 characters)');
    expect(error.problems[0]).toMatchObject({ line: 1, column: 5 });
    expect(renderError(engine, '0123456789x', {}).code).toBe('TEMPLATE_LIMIT');
    expect(renderError(engine, '{{> p}}', {}, { partials: { p: 'x'.repeat(11) } }).code).toBe('TEMPLATE_LIMIT');
  });

  it('maxOutputLength also bounds json output before it is built in full', () => {
    const engine = createTemplateEngine({ limits: { maxOutputLength: 100 } });
    const error = renderError(engine, '{{ data | json }}', { data: Array.from({ length: 1000 }, (_, index) => index) });
    expect(error.code).toBe('TEMPLATE_LIMIT');
    expect(error.problems[0]).toMatchObject({ line: 1, column: 11, name: 'json' });
  });

  it('maxLoopIterations counts all loops of a render together, nested ones included', () => {
    const engine = createTemplateEngine({ limits: { maxLoopIterations: 6 } });
    expect(engine.render('{{#each xs as x}}{{x}}{{/each}}', { xs: [1, 2, 3, 4, 5, 6] })).toBe('123456');
    expect(renderError(engine, '{{#each xs as x}}{{x}}{{/each}}', { xs: [1, 2, 3, 4, 5, 6, 7] }).code).toBe('TEMPLATE_LIMIT');
    const nested = '{{#each xs as x}}{{#each xs as y}}.{{/each}}{{/each}}';
    expect(engine.render(nested, { xs: [1, 2] })).toBe('....');
    const error = renderError(engine, nested, { xs: [1, 2, 3] });
    expect(error.code).toBe('TEMPLATE_LIMIT');
    expect(error.message).toContain('maxLoopIterations (6 per render)');
  });

  it('maxPartialDepth bounds nesting of partials', () => {
    const engine = createTemplateEngine({ limits: { maxPartialDepth: 2 } });
    const partials = { a: '{{> b}}', b: '{{> c}}', c: 'deep' };
    expect(engine.render('{{> b}}', {}, { partials })).toBe('deep');
    const error = renderError(engine, '{{> a}}', {}, { partials });
    expect(error.code).toBe('TEMPLATE_LIMIT');
    expect(error.message).toContain('maxPartialDepth (2)');
    expect(error.details).toMatchObject({ template: 'b' });
  });

  it('maxPartialIncludes stops fan-out that produces no output', () => {
    const engine = createTemplateEngine({ limits: { maxPartialIncludes: 50 } });
    const fan = '{{> next}}'.repeat(10);
    const partials = { a: fan.replaceAll('next', 'b'), b: fan.replaceAll('next', 'c'), c: fan.replaceAll('next', 'd'), d: '' };
    expect(renderError(engine, '{{> a}}', {}, { partials }).code).toBe('TEMPLATE_LIMIT');
  });

  it('maxTemplateLength bounds templates and partials', () => {
    const engine = createTemplateEngine({ limits: { maxTemplateLength: 5 } });
    expect(engine.render('12345', {})).toBe('12345');
    const error = renderError(engine, '123456', {});
    expect(error.code).toBe('TEMPLATE_LIMIT');
    expect(error.message).toContain('maxTemplateLength (5)');
    expect(renderError(engine, '{{>p}}', {}, { partials: { p: '123456' } }).code).toBe('TEMPLATE_LIMIT');
    expect(() => engine.compile('123456')).toThrowError(/maxTemplateLength/);
    expect(engine.analyze('123456').errors).toEqual([expect.objectContaining({ line: 1, column: 1 })]);
  });

  it('rejects invalid limit overrides with INVALID_INPUT', () => {
    for (const limits of [{ maxOutputLength: -1 }, { maxLoopIterations: 1.5 }, { maxPartialDepth: Number.NaN }, { maxTypo: 1 }]) {
      try {
        createTemplateEngine({ limits: limits as never });
        expect.unreachable();
      } catch (error) {
        expect(LlmActionsError.isInstance(error) && error.code).toBe('INVALID_INPUT');
      }
    }
  });
});
