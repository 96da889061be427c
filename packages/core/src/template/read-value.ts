/**
 * Safe reads from host data. Only own data properties are read: inherited properties,
 * getters and setters are treated as absent, so no function in the data ever runs
 * (proxies are the one exception, as with any JavaScript read).
 */

/** Why a value is missing; drives the message of a missing-variable problem. */
export type MissingReason = 'absent' | 'function' | 'filter' | 'outside-loop';

/** Marks a value the data does not provide. Internal: never reaches host code. */
export class MissingValue {
  constructor(
    readonly reason: MissingReason,
    /** The filter that returned nothing, for reason `filter`. */
    readonly filter?: string,
  ) {}
}

/** Absent, `null` or `undefined`. */
export const absent = new MissingValue('absent');
/** A function found in the data; it is never called. */
export const functionValue = new MissingValue('function');
/** `@index` and friends used outside `{{#each}}`. */
export const outsideLoop = new MissingValue('outside-loop');

/**
 * Reads own data property `key` of `target`. `null`, `undefined`, accessors and
 * inherited properties are {@link absent}; functions become {@link functionValue}.
 */
export function readOwn(target: unknown, key: string | number): unknown {
  if (typeof target !== 'object' || target === null) return absent;
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (descriptor === undefined || !Object.hasOwn(descriptor, 'value')) return absent;
  const value: unknown = descriptor.value;
  if (value === null || value === undefined) return absent;
  return typeof value === 'function' ? functionValue : value;
}

/**
 * Truthiness of `{{#if}}`: missing values, `false`, `''`, `0`, `NaN`, `0n`, empty arrays
 * and objects without own enumerable keys are false; everything else is true.
 */
export function isTruthy(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return Boolean(value);
  if (value instanceof MissingValue) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof Date) return true;
  return Object.keys(value).length > 0;
}

/** A short description of a value's type for error messages: `an object`, `an array`, ... */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/**
 * Text for a scalar: strings as they are, numbers, booleans and bigints through
 * `String`, valid dates as ISO 8601. Anything else returns `undefined`.
 */
export function scalarText(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      return value instanceof Date ? dateText(value) : undefined;
    default:
      return undefined;
  }
}

function dateText(value: Date): string | undefined {
  try {
    // The intrinsic, not `value.toISOString`, which the data could override.
    const time = Date.prototype.getTime.call(value);
    return Number.isNaN(time) ? undefined : new Date(time).toISOString();
  } catch {
    // An object that only inherits from Date.prototype has no time value.
    return undefined;
  }
}
