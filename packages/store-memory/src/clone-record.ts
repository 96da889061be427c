/**
 * A deep copy of JSON-shaped data (plain objects, arrays and primitives), several times
 * faster than `structuredClone` for the records a store keeps. Anything else (a Date, a Map,
 * a class instance) is handed to `structuredClone`, so the result is always a true copy.
 */
export function cloneRecord<TValue>(value: TValue): TValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const copy = new Array(value.length);
    for (let index = 0; index < value.length; index++) copy[index] = cloneRecord(value[index]);
    return copy as TValue;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return structuredClone(value);
  const copy: Record<string, unknown> = prototype === null ? Object.create(null) : {};
  for (const key of Object.keys(value)) {
    const item = cloneRecord((value as Record<string, unknown>)[key]);
    // An own "__proto__" key is data: define it, since assigning it would set the prototype.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy as TValue;
}
