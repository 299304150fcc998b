/**
 * Contradiction benchmark. Every file goes through the linter as a user runs it (file collection, config, the
 * real format parsers, all built-in rules); only the contradiction-family messages are scored.
 *
 *   npm run bench:contradictions                 development sets
 *   npm run bench:contradictions -- --heldout    held-out sets (score once per change set, never while tuning)
 *   npm run bench:contradictions -- --corpora    findings per 100 files on ../shared/corpora
 *   npm run bench:contradictions -- --corpora --corpus NAME    one corpus folder only
 *   npm run bench:contradictions -- --cost       CPU time the contradiction rules add per file, 1,000 corpora files
 *   add --verbose to print every miss and false alarm
 *
 * Sections, most telling first:
 *   1. the realistic set (tests/fixtures/contradictions/real): corpus prompts with planted conflicts and near
 *      misses, built from a manifest; per-kind recall, strict pair recall, precision;
 *   2. the instruction-vs-example set (tests/fixtures/contradictions/examples-real): few-shot answers that
 *      break their prompt's rules;
 *   3. the first hand-written sets (tests/fixtures/contradictions/{dev,heldout,heldout2}), kept for continuity.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { buildSet, corporaRoot, type Split } from "../tests/fixtures/contradictions/real/build.js";
import { ratio, scoreExamples, scorePairs, type ExampleLabel, type Finding, type PairLabel, type Tally } from "./bench/contradiction-score.js";
import { CONFLICT_RULES, DUPLICATE_RULE, EXAMPLE_RULE, findingsOf, lintFolder } from "./bench/lint-set.js";

const root = resolve(import.meta.dirname, "..");
const fixtures = join(root, "tests/fixtures/contradictions");
const args = new Set(process.argv.slice(2));
const verbose = args.has("--verbose");
const split: Split = args.has("--heldout") ? "heldout" : "dev";

function row(name: string, t: Tally): string {
  return `${name.padEnd(30)} ${String(t.labels).padStart(6)}  ${ratio(t.found, t.labels).padStart(6)}  ${ratio(t.strict, t.labels).padStart(6)}`;
}

function printTallies(title: string, tallies: Map<string, Tally>): void {
  console.log(`${title.padEnd(30)} ${"labels".padStart(6)}  ${"recall".padStart(6)}  ${"strict".padStart(6)}`);
  for (const [name, t] of [...tallies.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) console.log(row(name, t));
}

function short(text: string, n = 110): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}

function lineOf(dir: string, file: string, line: number): string {
  const lines = readFileSync(join(dir, file), "utf8").split("\n");
  return short((lines[line - 1] ?? "").trim());
}

async function realisticSet(): Promise<void> {
  if (!existsSync(corporaRoot())) {
    console.log(`realistic set skipped: corpora not found at ${corporaRoot()} (set PROMPTVET_CORPORA)`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "promptvet-bench-contra-"));
  try {
    const built = buildSet([split], dir);
    const { results, ms } = await lintFolder(dir, built.files);
    const conflicts = findingsOf(results, dir, CONFLICT_RULES);
    const duplicates = findingsOf(results, dir, [DUPLICATE_RULE]);
    const examples = findingsOf(results, dir, [EXAMPLE_RULE]);
    const labels: PairLabel[] = built.labels;
    const score = scorePairs(labels, conflicts);
    const clean = built.cases.filter((c) => c.conflicts.length === 0);
    const cleanIds = new Set(clean.map((c) => c.id));
    const cleanAlarms = conflicts.filter((f) => cleanIds.has(f.file.split("/")[1]!));
    const duplicatesOnConflicts = duplicates.filter((d) => labels.some((l) => l.file === d.file && l.lines.includes(d.line) && (d.otherLine === undefined || l.lines.includes(d.otherLine))));

    console.log(`\n== Realistic set, ${split}: ${built.cases.length} prompts (${clean.length} clean with near misses), ${built.files.length} files, ${labels.length} labelled conflicts`);
    console.log(`   lint time ${(ms / built.files.length).toFixed(1)} ms per file (whole pipeline, all rules)\n`);
    printTallies("kind", score.byKind);
    console.log("-".repeat(54));
    printTallies("slice", score.bySlice);
    console.log("-".repeat(54));
    console.log(row("all conflicts", score.all));
    console.log(`\nrecall = a finding on either line of the pair; strict = a finding naming both lines.`);
    console.log(`precision ${ratio(score.correctFindings, score.findings)} (${score.correctFindings} of ${score.findings} conflict findings on a labelled pair)`);
    console.log(`false alarms on clean prompts: ${cleanAlarms.length} in ${clean.length} prompts (${((cleanAlarms.length * 100) / Math.max(1, clean.length)).toFixed(1)} per 100)`);
    console.log(`conflicts reported as duplicates: ${duplicatesOnConflicts.length}; other duplicate findings: ${duplicates.length - duplicatesOnConflicts.length}; example findings: ${examples.length}`);
    if (score.byDetectorKind.size > 0) {
      console.log("\nprecision by detector kind:");
      for (const [k, d] of [...score.byDetectorKind.entries()].sort()) console.log(`  ${k.padEnd(34)} ${ratio(d.correct, d.findings)}  (${d.correct}/${d.findings})`);
    }
    if (verbose) {
      for (const l of score.missed) {
        console.log(`MISS [${l.kind}] ${l.file}:${l.lines[0]} / ${l.otherFile ?? ""}:${l.lines[1]}\n   A: ${lineOf(dir, l.file, l.lines[0])}\n   B: ${lineOf(dir, l.otherFile ?? l.file, l.lines[1])}`);
      }
      for (const f of score.falseAlarms) console.log(`FALSE ALARM ${f.file}:${f.line}/${f.otherLine ?? "-"} ${short(f.message, 200)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface ExampleSet {
  dev: ExampleLabel[];
  heldout: ExampleLabel[];
}

function filesUnder(dir: string, base = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, base, out);
    else out.push(relative(base, p).split("\\").join("/"));
  }
  return out;
}

async function exampleSet(): Promise<void> {
  const base = join(fixtures, "examples-real");
  if (!existsSync(join(base, "labels.json"))) {
    console.log("\ninstruction-vs-example set: not present");
    return;
  }
  const labels = (JSON.parse(readFileSync(join(base, "labels.json"), "utf8")) as ExampleSet)[split];
  const files = filesUnder(join(base, split)).map((f) => `${split}/${f}`);
  const dir = mkdtempSync(join(tmpdir(), "promptvet-bench-examples-"));
  try {
    // Lint a copy, so the config written for the run never lands in the fixtures.
    for (const f of files) {
      const target = join(dir, f);
      const { mkdirSync, copyFileSync } = await import("node:fs");
      mkdirSync(join(target, ".."), { recursive: true });
      copyFileSync(join(base, f), target);
    }
    const { results } = await lintFolder(dir, files);
    const findings = findingsOf(results, dir, [EXAMPLE_RULE]);
    const score = scoreExamples(labels, findings);
    const labelled = new Set(labels.flatMap((l) => [l.file, l.exampleFile ?? l.file]));
    const clean = files.filter((f) => !labelled.has(f));
    const cleanAlarms = findings.filter((f) => clean.includes(f.file));
    console.log(`\n== Instruction-vs-example set, ${split}: ${files.length} files (${clean.length} clean), ${labels.length} labelled violations\n`);
    printTallies("kind", score.byKind);
    console.log("-".repeat(54));
    console.log(row("all violations", score.all));
    console.log(`\nrecall = a finding inside the offending example; strict = and naming the broken instruction's line.`);
    console.log(`precision ${ratio(score.correctFindings, score.findings)} (${score.correctFindings} of ${score.findings} example findings); findings on clean files: ${cleanAlarms.length}`);
    if (verbose) {
      for (const l of score.missed) console.log(`MISS [${l.kind}] ${l.file}:${l.instruction} -> ${l.exampleFile ?? l.file}:${l.example.join("-")}`);
      for (const f of score.falseAlarms) console.log(`FALSE ALARM ${f.file}:${f.line} ${short(f.message, 200)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface OldLabel {
  file: string;
  kind: string;
  lines: [number, number];
  otherFile?: string;
}

/** The first hand-written sets: exact line pairs, as they were scored before. */
async function handWrittenSets(): Promise<void> {
  const sets = split === "dev" ? ["dev"] : ["heldout", "heldout2"];
  for (const set of sets) {
    const labels: OldLabel[] = JSON.parse(readFileSync(join(fixtures, "labels.json"), "utf8"))[set] ?? [];
    const exampleLabels: OldLabel[] = existsSync(join(fixtures, "example-labels.json")) ? JSON.parse(readFileSync(join(fixtures, "example-labels.json"), "utf8"))[set] ?? [] : [];
    const folders = [set, `${set}-examples`].filter((f) => existsSync(join(fixtures, f)));
    const files = folders.flatMap((f) => readdirSync(join(fixtures, f)).filter((n) => /\.(md|txt|jsonl)$/.test(n)).map((n) => `${f}/${n}`));
    const dir = mkdtempSync(join(tmpdir(), "promptvet-bench-old-"));
    try {
      const { mkdirSync, copyFileSync } = await import("node:fs");
      for (const f of files) {
        mkdirSync(join(dir, f, ".."), { recursive: true });
        copyFileSync(join(fixtures, f), join(dir, f));
      }
      const { results } = await lintFolder(dir, files);
      const conflictLabels = labels.filter((l) => l.kind !== "duplicate");
      const duplicateLabels = labels.filter((l) => l.kind === "duplicate");
      const conflicts = scorePairs(conflictLabels, findingsOf(results, dir, CONFLICT_RULES));
      const duplicates = scorePairs(duplicateLabels, findingsOf(results, dir, [DUPLICATE_RULE]));
      const examples = scoreExamples(
        exampleLabels.map((l) => ({ file: l.file, kind: l.kind, instruction: l.lines[0], example: [l.lines[1], l.lines[1]], ...(l.otherFile ? { exampleFile: l.otherFile } : {}) })),
        findingsOf(results, dir, [EXAMPLE_RULE]),
      );
      console.log(`\n-- hand-written set ${set}: ${files.length} files`);
      console.log(`   conflicts  strict recall ${ratio(conflicts.all.strict, conflicts.all.labels)} (${conflicts.all.strict}/${conflicts.all.labels}), precision ${ratio(conflicts.correctFindings, conflicts.findings)} (${conflicts.findings} findings)`);
      console.log(`   duplicates strict recall ${ratio(duplicates.all.strict, duplicates.all.labels)} (${duplicates.all.strict}/${duplicates.all.labels}), precision ${ratio(duplicates.correctFindings, duplicates.findings)}`);
      console.log(`   examples   recall ${ratio(examples.all.found, examples.all.labels)} (${examples.all.found}/${examples.all.labels}), precision ${ratio(examples.correctFindings, examples.findings)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(md|mdc|txt|prompt|prompty|cursorrules)$/i.test(name)) out.push(p);
  }
}

async function corpora(): Promise<void> {
  const base = corporaRoot();
  if (!existsSync(base)) {
    console.warn(`corpora not found at ${base}; skipping`);
    return;
  }
  const chosen = process.argv.includes("--corpus") ? process.argv[process.argv.indexOf("--corpus") + 1] : undefined;
  for (const name of ["system_prompts_leaks_asgeirtj", "awesome-copilot_github", "awesome-cursorrules_PatrickJS", "awesome-chatgpt-prompts_f", "prompty_microsoft", "dotprompt_google"]) {
    if (chosen && name !== chosen) continue;
    const files: string[] = [];
    walk(join(base, name), files);
    const rel = files.map((f) => relative(base, f));
    // Lint in place would write a config into the corpora: lint from a temp folder that names them instead.
    const dir = mkdtempSync(join(tmpdir(), "promptvet-bench-corpora-"));
    try {
      const { results, ms } = await lintFolder(dir, rel.map((r) => join(base, r)));
      const rebased = results.map((r) => ({ ...r, filePath: relative(dir, resolve(base, relative(base, r.filePath))) }));
      const all: Finding[] = findingsOf(rebased, dir, [...CONFLICT_RULES, DUPLICATE_RULE, EXAMPLE_RULE]);
      const count = (ids: string[]) => all.filter((f) => ids.includes(f.ruleId)).length;
      const per100 = (n: number) => ((n * 100) / Math.max(1, files.length)).toFixed(1);
      const conflicts = count(CONFLICT_RULES);
      console.log(
        `${name}: ${files.length} files; contradictions ${conflicts} (${per100(conflicts)}/100 files), duplicates ${count([DUPLICATE_RULE])}, ` +
          `example violations ${count([EXAMPLE_RULE])}; ${(ms / files.length).toFixed(1)} ms/file (whole pipeline)`,
      );
      if (verbose) for (const f of all) console.log(`  [${f.ruleId}] ${relative(base, resolve(dir, f.file))}:${f.line}${f.otherLine ? `/${f.otherLine}` : ""} ${short(f.message, 180)}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** The contradiction family's cost per typical prompt (the budget is 1.5 ms per file on a 1,000-file run). */
async function cost(): Promise<void> {
  const base = corporaRoot();
  if (!existsSync(base)) {
    console.warn(`corpora not found at ${base}; skipping`);
    return;
  }
  const files: string[] = [];
  walk(base, files);
  const { contradictionCost } = await import("./bench/contradiction-cost.js");
  const c = await contradictionCost(files);
  console.log(
    `contradiction rules on ${c.files} corpora files (median ${c.medianBytes.toLocaleString("en-US")} characters), CPU per file: ` +
      `${c.medianMs.toFixed(2)} ms on the median file, ${c.meanMs.toFixed(2)} ms on average (the whole lint ${c.allMeanMs.toFixed(2)} ms; fastest of 3 rounds per file)`,
  );
}

if (args.has("--cost")) {
  await cost();
} else if (args.has("--corpora")) {
  await corpora();
} else {
  await realisticSet();
  await exampleSet();
  console.log("\n== Secondary: the first hand-written sets (written in the extractor's own style)");
  await handWrittenSets();
}
