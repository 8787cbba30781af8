/**
 * Calls of `String.prototype[method]` made while `run` runs whose first argument `counted` accepts
 * (every call by default): tests of huge pages count the work done rather than time it.
 */
export function countStringCalls(method: 'replace' | 'split', run: () => void, counted: (pattern: unknown) => boolean = () => true): number {
  const original = String.prototype[method];
  let calls = 0;
  (String.prototype as unknown as Record<string, unknown>)[method] = function (this: string, ...args: unknown[]) {
    if (counted(args[0])) calls++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  try {
    run();
  } finally {
    (String.prototype as unknown as Record<string, unknown>)[method] = original;
  }
  return calls;
}
