import path from "node:path";

/**
 * `path.relative(from, to)` with `/` separators. Most calls ask for a file below `from` (a file in the
 * repository or under a config's folder): a prefix cut answers those without `path.relative`'s resolving of
 * both paths, which was a measurable share of a 1,200-file run answered from the cache.
 */
export function relativePosix(from: string, to: string): string {
  const prefix = from.endsWith(path.sep) ? from : from + path.sep;
  if (to.startsWith(prefix) && path.isAbsolute(to) && !hasDotSegment(to, prefix.length)) {
    const rest = to.slice(prefix.length);
    return path.sep === "/" ? rest : rest.split(path.sep).join("/");
  }
  return path.relative(from, to).split(path.sep).join("/");
}

/** `.`/`..` segments or doubled separators after `start` need path.relative's normalising. */
function hasDotSegment(p: string, start: number): boolean {
  const sep = path.sep;
  return p.includes(`${sep}.`, start - 1) || p.includes(`${sep}${sep}`, start - 1) || p.endsWith(sep);
}
