/**
 * Precision, recall and F1 of the contradiction detector on the labelled prompts, per kind and overall, and
 * findings per 100 files on the real prompt corpora.
 *
 *   npm run bench:contradictions              dev set
 *   npm run bench:contradictions -- --heldout held-out set (evaluate rarely; --heldout2 for the second one)
 *   npm run bench:contradictions -- --corpora real corpora in ../shared/corpora (findings per 100 files, timing)
 *   add --verbose to print every miss and false alarm
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { checkDocument } from "../src/contradiction/check.js";
import { checkExamples } from "../src/contradiction/examples.js";
import { confirmConflicts } from "../src/contradiction/nlp.js";
import { kindOf } from "../src/contradiction/vocabulary.js";
import { makeDocumentAsync } from "../tests/contradiction/make-document.js";

const root = resolve(import.meta.dirname, "..");
const fixtures = join(root, "tests/fixtures/contradictions");
const args = new Set(process.argv.slice(2));
const verbose = args.has("--verbose");

interface Label {
  file: string;
  kind: string;
  lines: [number, number];
  otherFile?: string;
}

interface Prediction {
  file: string;
  kind: string;
  lines: [number, number];
  text: string;
}

async function predict(file: string): Promise<{ predictions: Prediction[]; ms: number }> {
  const path = join(fixtures, file);
  const source = readFileSync(path, "utf8");
  const document = await makeDocumentAsync(path, source);
  const t0 = performance.now();
  const check = checkDocument(document);
  const confirmed = await confirmConflicts(check.conflicts);
  const examples = await checkExamples(document);
  const ms = performance.now() - t0;
  const line = (offset: number) => document.lines.positionAt(offset).line;
  const predictions: Prediction[] = [];
  for (const c of confirmed) {
    const a = line(c.earlier.range[0]);
    const b = line(c.later.range[0]);
    predictions.push({ file, kind: kindOf(c.kind), lines: [Math.min(a, b), Math.max(a, b)], text: `${c.earlier.sentence} <-> ${c.later.sentence}` });
  }
  for (const d of check.duplicates) {
    const a = line(d.earlier.range[0]);
    const b = line(d.later.range[0]);
    predictions.push({ file, kind: "duplicate", lines: [Math.min(a, b), Math.max(a, b)], text: `${d.earlier.sentence} <=> ${d.later.sentence}` });
  }
  for (const v of examples) {
    const a = line(v.instruction.range[0]);
    const b = v.exampleLine;
    predictions.push({ file, kind: `example-${v.kind}`, lines: [a, b], text: `${v.instruction.sentence} / ${v.detail}` });
  }
  return { predictions, ms };
}

function pct(n: number): string {
  return Number.isFinite(n) ? n.toFixed(2) : "  - ";
}

async function evaluate(set: "dev" | "heldout" | "heldout2"): Promise<void> {
  const labels: Label[] = JSON.parse(readFileSync(join(fixtures, "labels.json"), "utf8"))[set];
  const files = [
    ...readdirSync(join(fixtures, set)).filter((f) => /\.(md|txt)$/.test(f)).map((f) => `${set}/${f}`),
    ...(existsSync(join(fixtures, `${set}-examples`)) ? readdirSync(join(fixtures, `${set}-examples`)).filter((f) => /\.md$/.test(f)).map((f) => `${set}-examples/${f}`) : []),
  ];
  const exampleLabels: Label[] = existsSync(join(fixtures, "example-labels.json"))
    ? JSON.parse(readFileSync(join(fixtures, "example-labels.json"), "utf8"))[set] ?? []
    : [];
  const allLabels = [...labels, ...exampleLabels];
  const stats = new Map<string, { tp: number; fp: number; fn: number }>();
  const stat = (k: string) => {
    if (!stats.has(k)) stats.set(k, { tp: 0, fp: 0, fn: 0 });
    return stats.get(k)!;
  };
  let totalMs = 0;
  for (const file of files) {
    const { predictions, ms } = await predict(file);
    totalMs += ms;
    const fileLabels = allLabels.filter((l) => l.file === file);
    const matched = new Set<Label>();
    for (const p of predictions) {
      const label = fileLabels.find((l) => !matched.has(l) && l.lines[0] === p.lines[0] && l.lines[1] === p.lines[1] && (p.kind === "duplicate") === (l.kind === "duplicate"));
      if (label) {
        matched.add(label);
        stat(label.kind).tp++;
        if (verbose && kindOf(label.kind as never) !== p.kind && !p.kind.startsWith("example-")) console.log(`  kind differs ${file}: labelled ${label.kind}, predicted ${p.kind}`);
      } else {
        stat(p.kind).fp++;
        if (verbose) console.log(`FP ${file} [${p.kind}] ${p.lines.join("/")} ${p.text}`);
      }
    }
    for (const l of fileLabels) {
      if (!matched.has(l)) {
        stat(l.kind).fn++;
        if (verbose) console.log(`FN ${file} [${l.kind}] ${l.lines.join("/")}`);
      }
    }
  }
  console.log(`\n${set}: ${files.length} files, ${allLabels.length} labels, ${(totalMs / files.length).toFixed(2)} ms per file (after parsing)\n`);
  console.log("kind                 precision  recall  F1     tp  fp  fn");
  const sum = { tp: 0, fp: 0, fn: 0 };
  const contra = { tp: 0, fp: 0, fn: 0 };
  for (const [kind, s] of [...stats.entries()].sort()) {
    const p = s.tp / (s.tp + s.fp);
    const r = s.tp / (s.tp + s.fn);
    const f = (2 * p * r) / (p + r);
    console.log(`${kind.padEnd(20)} ${pct(p).padStart(9)}  ${pct(r).padStart(6)}  ${pct(f).padStart(5)}  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`);
    sum.tp += s.tp;
    sum.fp += s.fp;
    sum.fn += s.fn;
    if (kind !== "duplicate" && !kind.startsWith("example-")) {
      contra.tp += s.tp;
      contra.fp += s.fp;
      contra.fn += s.fn;
    }
  }
  const line = (name: string, s: { tp: number; fp: number; fn: number }) => {
    const p = s.tp / (s.tp + s.fp);
    const r = s.tp / (s.tp + s.fn);
    console.log(`${name.padEnd(20)} ${pct(p).padStart(9)}  ${pct(r).padStart(6)}  ${pct((2 * p * r) / (p + r)).padStart(5)}  ${String(s.tp).padStart(3)} ${String(s.fp).padStart(3)} ${String(s.fn).padStart(3)}`);
  };
  console.log("-".repeat(60));
  line("instructions", contra);
  line("overall", sum);
}

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (/\.(md|mdc|txt|cursorrules|prompt|prompty)$/i.test(name) || name === ".cursorrules") out.push(p);
  }
}

async function corpora(): Promise<void> {
  const base = resolve(root, "../shared/corpora");
  if (!existsSync(base)) {
    console.warn(`corpora not found at ${base}; skipping`);
    return;
  }
  for (const name of ["system_prompts_leaks_asgeirtj", "awesome-copilot_github", "awesome-cursorrules_PatrickJS"]) {
    const files: string[] = [];
    walk(join(base, name), files);
    let conflicts = 0;
    let duplicates = 0;
    let examples = 0;
    let ms = 0;
    let bytes = 0;
    const byKind = new Map<string, number>();
    for (const f of files) {
      const source = readFileSync(f, "utf8");
      bytes += source.length;
      const document = await makeDocumentAsync(f, source);
      const t0 = performance.now();
      const check = checkDocument(document);
      check.conflicts = await confirmConflicts(check.conflicts);
      const ex = await checkExamples(document);
      ms += performance.now() - t0;
      conflicts += check.conflicts.length;
      duplicates += check.duplicates.length;
      examples += ex.length;
      const line = (o: number) => document.lines.positionAt(o).line;
      for (const c of check.conflicts) {
        byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + 1);
        if (verbose) console.log(`[${c.kind}] ${relative(base, f)}:${line(c.earlier.range[0])} -> ${line(c.later.range[0])}\n    A: ${c.earlier.sentence.slice(0, 160)}\n    B: ${c.later.sentence.slice(0, 160)}`);
      }
      if (args.has("--dups")) for (const d of check.duplicates) console.log(`[dup] ${relative(base, f)}:${line(d.earlier.range[0])} -> ${line(d.later.range[0])}\n    A: ${d.earlier.sentence.slice(0, 120)}\n    B: ${d.later.sentence.slice(0, 120)}`);
      if (args.has("--examples")) for (const e of ex) console.log(`[example-${e.kind}] ${relative(base, f)}:${line(e.instruction.range[0])} -> ${e.exampleLine} ${e.detail}`);
    }
    const per100 = (n: number) => ((n * 100) / files.length).toFixed(1);
    console.log(
      `${name}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB; contradictions ${conflicts} (${per100(conflicts)}/100 files) ` +
        `[${[...byKind.entries()].map(([k, v]) => `${k} ${v}`).join(", ")}]; duplicates ${duplicates} (${per100(duplicates)}/100); ` +
        `example violations ${examples}; detector time ${ms.toFixed(0)} ms (${(ms / files.length).toFixed(2)} ms/file)`,
    );
  }
}

if (args.has("--corpora")) await corpora();
else await evaluate(args.has("--heldout2") ? "heldout2" : args.has("--heldout") ? "heldout" : "dev");
