/**
 * Blast radius of a change: every prompt that extends, copies or includes a changed file, directly or
 * through other files. When a base or a partial changes, these are the prompts whose text as sent to the
 * model changed too, so they are linted (and evaluated) with it.
 */
import path from "node:path";
import { directReferences, listPromptFiles, readText } from "./scan.js";

export interface DependencyGraph {
  /** file -> files it is composed from. */
  uses: Map<string, string[]>;
  /** file -> files composed from it. */
  usedBy: Map<string, string[]>;
}

/** The composition graph of the prompt files under `roots`. */
export async function dependencyGraph(roots: readonly string[]): Promise<DependencyGraph> {
  const files = await listPromptFiles(roots);
  const known = new Set(files);
  const uses = new Map<string, string[]>();
  const usedBy = new Map<string, string[]>();
  await Promise.all(
    files.map(async (file) => {
      const text = await readText(file);
      if (text === undefined) return;
      if (!text.startsWith("---") && !text.includes("{{") && !text.includes("{%")) return;
      const refs = directReferences(file, text, (f) => known.has(f));
      const targets = [...new Set([...(refs.base ? [refs.base.target] : []), ...refs.includes])];
      if (targets.length > 0) uses.set(file, targets);
    }),
  );
  for (const [file, targets] of [...uses].sort((a, b) => a[0].localeCompare(b[0]))) {
    for (const target of targets) {
      const list = usedBy.get(target) ?? [];
      list.push(file);
      usedBy.set(target, list);
    }
  }
  return { uses, usedBy };
}

/** Every file composed from `file`, transitively, sorted. */
export function dependentsIn(graph: DependencyGraph, file: string): string[] {
  const out = new Set<string>();
  const stack = [file];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    for (const dependent of graph.usedBy.get(cur) ?? []) {
      if (dependent === file || out.has(dependent)) continue;
      out.add(dependent);
      stack.push(dependent);
    }
  }
  return [...out].sort();
}

/**
 * For each changed file (absolute, or relative to `repoRoot`), the prompts under `repoRoot` that extend,
 * copy or include it, transitively, as absolute paths. Changed files without dependents are left out.
 * `changed` is echoed as given.
 */
export async function dependentsOf(changedFiles: string[], repoRoot: string): Promise<{ changed: string; dependents: string[] }[]> {
  if (changedFiles.length === 0) return [];
  const graph = await dependencyGraph([repoRoot]);
  const out: { changed: string; dependents: string[] }[] = [];
  for (const changed of changedFiles) {
    const dependents = dependentsIn(graph, path.resolve(repoRoot, changed));
    if (dependents.length > 0) out.push({ changed, dependents });
  }
  return out;
}
