/** Every base prompt under some folders with its forks and their drift: what `promptvet forks` prints. */
import { composePrompt, defaultComposeRoot, readFrontmatter, withinRoots, type ComposeError } from "../compose/index.js";
import { computeDrift, type ForkDrift } from "./drift.js";
import { pinnedModel } from "./model.js";
import { directReferences, listPromptFiles, readText } from "./scan.js";

export interface ForkEntry {
  fork: string;
  kind: "extends" | "forked_from";
  drift?: ForkDrift;
  /** Why the fork could not be composed. */
  error?: { message: string; filePath: string; line: number; column: number };
}

export interface BaseGroup {
  base: string;
  /** The model the base pins, if any. */
  model?: string;
  /** False when the base file does not exist. */
  exists: boolean;
  forks: ForkEntry[];
}

export async function collectForks(
  roots: readonly string[],
  settings: Readonly<Record<string, unknown>> = {},
  composeRoots: (file: string) => Promise<string[]> = async (file) => [defaultComposeRoot(file)],
): Promise<BaseGroup[]> {
  const files = await listPromptFiles(roots);
  const known = new Set(files);
  const groups = new Map<string, BaseGroup>();
  for (const file of files) {
    const text = await readText(file);
    if (text === undefined || !text.startsWith("---")) continue;
    const refs = directReferences(file, text, (f) => known.has(f));
    if (!refs.base) continue;
    const allowed = await composeRoots(file);
    let group = groups.get(refs.base.target);
    if (!group) {
      // A base outside the allowed folders is not read: the fork's entry says why (see composePrompt).
      const baseText = withinRoots(refs.base.target, allowed) ? await readText(refs.base.target) : undefined;
      group = { base: refs.base.target, exists: baseText !== undefined, forks: [], model: baseText ? pinnedModel(readFrontmatter(baseText).data)?.value : undefined };
      groups.set(refs.base.target, group);
    }
    const entry: ForkEntry = { fork: file, kind: refs.base.kind };
    try {
      const composed = await composePrompt(file, readText, { roots: allowed });
      entry.drift = await computeDrift(composed, settings);
    } catch (error) {
      if ((error as Error).name !== "ComposeError") throw error;
      const e = error as ComposeError;
      entry.error = { message: e.message, filePath: e.filePath, line: e.line, column: e.column };
    }
    group.forks.push(entry);
  }
  return [...groups.values()].sort((a, b) => a.base.localeCompare(b.base));
}
