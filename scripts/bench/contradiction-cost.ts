/**
 * What the contradiction family adds to a lint, per file, on a run of 1,000 real prompts: each file is linted
 * with all built-in rules and with all but the `contradiction/*` rules, and the difference is the family's cost
 * on that file. CPU time of this process (a busy machine's waiting does not count), the fastest of three
 * interleaved rounds per file; every file is parsed once beforehand, so parsing counts in neither.
 */
import { readFileSync } from "node:fs";
import { builtinRules } from "../../rules/index.js";
import { lintDocument } from "../../src/engine/linter.js";
import type { PromptDocument } from "../../src/model/document.js";
import { parsePrompt } from "../../tests/contradiction/parse-prompt.js";
import { cpuMs } from "../../tests/perf/growth.js";

const ROUNDS = 3;

/** `count` files spread evenly over `files` (sorted), so every corpus is represented. */
function sample(files: readonly string[], count: number): string[] {
  const sorted = [...files].sort();
  if (sorted.length <= count) return sorted;
  return Array.from({ length: count }, (_, i) => sorted[Math.floor((i * sorted.length) / count)]!);
}

function parseFile(path: string): PromptDocument | undefined {
  try {
    return parsePrompt(path, readFileSync(path, "utf8"));
  } catch {
    return undefined;
  }
}

type Rules = Parameters<typeof lintDocument>[1]["rules"];

/** CPU time of each document's lint with `rules`, in milliseconds. */
async function lintEach(documents: readonly PromptDocument[], rules: Rules): Promise<number[]> {
  const times: number[] = [];
  for (const document of documents) {
    const started = cpuMs();
    // A shallow copy per run: the contradiction check is memoised per document object.
    await lintDocument({ ...document }, { rules, unusedDirectives: 1 });
    times.push(cpuMs() - started);
  }
  return times;
}

export interface ContradictionCost {
  files: number;
  medianBytes: number;
  /** The family's cost summed over the files, divided by their number. */
  meanMs: number;
  /** The family's cost on the median file. */
  medianMs: number;
  /** The whole lint per file, with every rule. */
  allMeanMs: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function contradictionCost(files: readonly string[], count = 1_000): Promise<ContradictionCost> {
  const documents = sample(files, count).flatMap((f) => parseFile(f) ?? []);
  const all: Rules = builtinRules.map((rule) => ({ rule, severity: 2 as const }));
  const without: Rules = all.filter(({ rule }) => !rule.meta.id.startsWith("contradiction/"));
  // One untimed round: modules, lexicons and patterns load and compile on first use.
  await lintEach(documents, all);
  const best = (a: number[] | undefined, b: number[]) => (a ? a.map((x, i) => Math.min(x, b[i]!)) : b);
  let allMs: number[] | undefined;
  let withoutMs: number[] | undefined;
  for (let round = 0; round < ROUNDS; round++) {
    allMs = best(allMs, await lintEach(documents, all));
    withoutMs = best(withoutMs, await lintEach(documents, without));
  }
  const added = allMs!.map((x, i) => Math.max(0, x - withoutMs![i]!));
  const n = Math.max(1, documents.length);
  return {
    files: documents.length,
    medianBytes: median(documents.map((d) => d.source.length)),
    meanMs: added.reduce((a, b) => a + b, 0) / n,
    medianMs: median(added),
    allMeanMs: allMs!.reduce((a, b) => a + b, 0) / n,
  };
}
