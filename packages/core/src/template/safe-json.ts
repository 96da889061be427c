/**
 * `JSON.stringify` for template data that never runs code from the data: `toJSON`
 * methods, getters and inherited properties are ignored. For plain JSON data the
 * output is identical to `JSON.stringify(value, null, indent)`; bigints are written
 * as their digits and cycles or runaway sizes fail instead of hanging.
 */

/** The serialized text exceeded the allowed length. */
export class JsonTooLongError extends Error {}

const maxDepth = 500;

/**
 * Serializes `value`, or returns `undefined` for values JSON has no text for
 * (`undefined`, functions, symbols). Throws a `TypeError` on cycles, a `RangeError`
 * past 500 levels of nesting and {@link JsonTooLongError} past `maxLength` characters.
 */
export function toSafeJson(value: unknown, indent = '', maxLength = Number.POSITIVE_INFINITY): string | undefined {
  const ancestors = new Set<object>();

  const serialize = (current: unknown, currentIndent: string): string | undefined => {
    switch (typeof current) {
      case 'string':
        return JSON.stringify(current);
      case 'number':
        return Number.isFinite(current) ? String(current) : 'null';
      case 'boolean':
      case 'bigint':
        return String(current);
      case 'object':
        if (current === null) return 'null';
        if (current instanceof Date) return serializeDate(current);
        if (ancestors.has(current)) throw new TypeError('cannot serialize a circular structure to JSON');
        if (ancestors.size >= maxDepth) throw new RangeError(`cannot serialize data nested deeper than ${maxDepth} levels`);
        ancestors.add(current);
        try {
          return Array.isArray(current) ? serializeArray(current, currentIndent) : serializeObject(current, currentIndent);
        } finally {
          ancestors.delete(current);
        }
      default:
        return undefined;
    }
  };

  const join = (parts: string[], open: string, close: string, currentIndent: string): string => {
    if (parts.length === 0) return open + close;
    if (indent === '') return open + parts.join(',') + close;
    const inner = currentIndent + indent;
    return `${open}\n${inner}${parts.join(`,\n${inner}`)}\n${currentIndent}${close}`;
  };

  const serializeArray = (array: unknown[], currentIndent: string): string => {
    const parts: string[] = [];
    let size = 0;
    for (let index = 0; index < array.length; index += 1) {
      const part = serialize(readOwnData(array, index), currentIndent + indent) ?? 'null';
      size += part.length + 1;
      if (size > maxLength) throw new JsonTooLongError();
      parts.push(part);
    }
    return join(parts, '[', ']', currentIndent);
  };

  const serializeObject = (object: object, currentIndent: string): string => {
    const parts: string[] = [];
    let size = 0;
    const separator = indent === '' ? ':' : ': ';
    for (const key of Object.keys(object)) {
      const part = serialize(readOwnData(object, key), currentIndent + indent);
      if (part === undefined) continue;
      const entry = JSON.stringify(key) + separator + part;
      size += entry.length + 1;
      if (size > maxLength) throw new JsonTooLongError();
      parts.push(entry);
    }
    return join(parts, '{', '}', currentIndent);
  };

  const text = serialize(value, '');
  if (text !== undefined && text.length > maxLength) throw new JsonTooLongError();
  return text;
}

/** The value of own data property `key`; accessors and inherited properties read as `undefined`. */
function readOwnData(target: object, key: string | number): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  return descriptor !== undefined && Object.hasOwn(descriptor, 'value') ? descriptor.value : undefined;
}

function serializeDate(date: Date): string {
  try {
    const time = Date.prototype.getTime.call(date);
    return Number.isNaN(time) ? 'null' : JSON.stringify(new Date(time).toISOString());
  } catch {
    return '{}';
  }
}
