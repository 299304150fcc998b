/**
 * Appends every item of `items` to `target`. `target.push(...items)` passes each item as an argument, and an
 * array of more than about 100,000 items (the lines of a large file, the comments of a long YAML file)
 * overflows the call stack.
 */
export function appendAll<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
