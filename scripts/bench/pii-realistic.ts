/**
 * The realistic PII and secrets set (tests/fixtures/pii-real): prompts and few-shot files written as teams write
 * them, with every personal value and credential labelled. Files go through the linter as the CLI runs it; a
 * finding of rule pii/<type> (or secrets/leaked-credential, type "secret") counts when its range overlaps a
 * labelled value of that type in the same file. dev/ and heldout/ are scored separately.
 *
 * Then "nothing printed in full": every report format is rendered for the same results and searched for each
 * labelled value (and for each longer line of a multi-line value, such as a PEM body).
 *
 * Values are never printed: only counts, and masked values with --show.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { maskValue } from "../../src/rule-api/mask.js";
import type { LintResult } from "../../src/rule-api/types.js";
import { lintFolder, renderReport } from "./lint-set.js";

const FIXTURES = resolve(import.meta.dirname, "../../tests/fixtures/pii-real");
/** The second realistic set, written in other phrasing (transcripts, signatures, forms, several countries). */
export const FIXTURES_2 = resolve(import.meta.dirname, "../../tests/fixtures/pii-real-2");
/** Written after the first two, dev only: no held-out part. */
export const FIXTURES_3 = resolve(import.meta.dirname, "../../tests/fixtures/pii-real-3");
/** Dev only too, written before the detectors were tuned on it: particles, double surnames, many languages, decoys. */
export const FIXTURES_4 = resolve(import.meta.dirname, "../../tests/fixtures/pii-real-4");
export const REPORT_FORMATS = ["json", "sarif", "github", "markdown", "compact", "junit", "stylish"] as const;

export interface ValueLabel {
  file: string;
  type: string;
  value: string;
  line: number;
}

interface Span {
  file: string;
  type: string;
  start: number;
  end: number;
}

/** Offsets of the start of each line (UTF-16), for turning 1-based line/column into offsets. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return starts;
}

/**
 * Where each labelled value sits. Labels of a file are listed in the order they appear, so a value is the first
 * occurrence on its line after the previous label of the same file: "Aoife Ní Bhriain ... Thank you, Aoife" on one
 * JSONL line is two labels at two places.
 */
export function labelSpans(labels: readonly ValueLabel[], texts: ReadonlyMap<string, string>): Span[] {
  const cursor = new Map<string, number>();
  return labels.map((label) => {
    const text = texts.get(label.file);
    if (text === undefined) throw new Error(`${label.file}: labelled file not found`);
    const lineStart = lineStarts(text)[label.line - 1] ?? 0;
    const start = text.indexOf(label.value, Math.max(lineStart, cursor.get(label.file) ?? 0));
    if (start < 0) throw new Error(`${label.file}:${label.line}: labelled ${label.type} value not found in the file`);
    cursor.set(label.file, start + label.value.length);
    return { file: label.file, type: label.type, start, end: start + label.value.length };
  });
}

export function typeOfRule(ruleId: string | null): string | undefined {
  if (!ruleId) return undefined;
  if (ruleId.startsWith("pii/")) return ruleId.slice(4);
  if (ruleId === "secrets/leaked-credential") return "secret";
  return undefined;
}

export function findingSpans(results: readonly LintResult[], dir: string, texts: Map<string, string>): Span[] {
  const spans: Span[] = [];
  for (const r of results) {
    const file = relative(dir, resolve(dir, r.filePath)).split("\\").join("/");
    const text = texts.get(file);
    if (text === undefined) continue;
    const starts = lineStarts(text);
    for (const m of r.messages) {
      const type = typeOfRule(m.ruleId);
      if (!type) continue;
      const start = (starts[m.line - 1] ?? 0) + m.column - 1;
      const end = (starts[(m.endLine ?? m.line) - 1] ?? 0) + (m.endColumn ?? m.column + 1) - 1;
      spans.push({ file, type, start, end: Math.max(end, start + 1) });
    }
  }
  return spans;
}

const overlaps = (a: Span, b: Span) => a.file === b.file && a.start < b.end && b.start < a.end;

export interface TypeScore {
  labels: number;
  found: number;
  findings: number;
  correct: number;
}

export function scoreValues(labels: readonly Span[], findings: readonly Span[]): { byType: Map<string, TypeScore>; missed: Span[]; wrong: Span[] } {
  const byType = new Map<string, TypeScore>();
  const get = (t: string) => byType.get(t) ?? (byType.set(t, { labels: 0, found: 0, findings: 0, correct: 0 }), byType.get(t)!);
  const missed: Span[] = [];
  const wrong: Span[] = [];
  for (const l of labels) {
    const s = get(l.type);
    s.labels++;
    if (findings.some((f) => f.type === l.type && overlaps(f, l))) s.found++;
    else missed.push(l);
  }
  for (const f of findings) {
    const s = get(f.type);
    s.findings++;
    if (labels.some((l) => l.type === f.type && overlaps(f, l))) s.correct++;
    else wrong.push(f);
  }
  return { byType, missed, wrong };
}

/**
 * The parts of a value whose appearance in a report means it leaked: the value, and long lines of a multi-line one.
 * A value of one to three letters ("Hà", "Li") occurs in unrelated text ("Hà Nội", "Linux"): with its source text
 * at hand, such a value counts as printed only together with the word before or after it ("chị Hà", "Hà, cảm").
 */
export function leakProbes(value: string, around?: { text: string; start: number; end: number }): string[] {
  const lines = value.split("\n").map((l) => l.trim());
  if (lines.length === 1) {
    if (!around || value.trim().length > 3) return [value];
    const { text, start, end } = around;
    const before = /\S+\s+$/u.exec(text.slice(Math.max(0, start - 40), start).split("\n").pop() ?? "")?.[0];
    const after = /^\s*\S+/u.exec(text.slice(end, end + 40).split("\n")[0] ?? "")?.[0];
    return [...(before ? [before + value] : []), ...(after ? [value + after] : []), ...(!before && !after ? [value] : [])];
  }
  return [value, ...lines.filter((l) => l.length >= 16 && !/^-----(BEGIN|END) /.test(l))];
}

function filesUnder(dir: string, base = dir, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, base, out);
    else out.push(relative(base, p).split("\\").join("/"));
  }
  return out;
}

const pct = (n: number, d: number) => (d === 0 ? "  -  " : (n / d).toFixed(2));

export async function benchRealisticPii(
  show = false,
  splits: readonly ("dev" | "heldout")[] = ["dev", "heldout"],
  fixtures = FIXTURES,
  title = "Realistic PII and secrets set",
): Promise<void> {
  const labelsFile = join(fixtures, "labels.json");
  if (!existsSync(labelsFile)) {
    console.log(`\n${title}: not present`);
    return;
  }
  const { labels } = JSON.parse(readFileSync(labelsFile, "utf8")) as { labels: ValueLabel[] };
  for (const split of splits) {
    const dir = mkdtempSync(join(tmpdir(), "promptvet-bench-pii-real-"));
    try {
      cpSync(join(fixtures, split), join(dir, split), { recursive: true });
      const files = filesUnder(join(dir, split)).map((f) => `${split}/${f}`);
      const texts = new Map(files.map((f) => [f, readFileSync(join(dir, f), "utf8")] as const));
      const splitLabels = labels.filter((l) => l.file.startsWith(`${split}/`));
      const spans = labelSpans(splitLabels, texts);
      const { results, ms } = await lintFolder(dir, files);
      const findings = findingSpans(results, dir, texts);
      const { byType, missed, wrong } = scoreValues(spans, findings);
      const labelled = new Set(splitLabels.map((l) => l.file));
      const clean = files.filter((f) => !labelled.has(f));
      const cleanFindings = findings.filter((f) => clean.includes(f.file));

      console.log(`\n== ${title}, ${split}: ${files.length} files (${clean.length} with placeholders and decoys only), ${splitLabels.length} labelled values; ${(ms / files.length).toFixed(1)} ms/file`);
      console.log(`${"type".padEnd(16)} labels  recall  findings  precision`);
      const total = { labels: 0, found: 0, findings: 0, correct: 0 };
      const pii = { labels: 0, found: 0, findings: 0, correct: 0 };
      for (const [type, s] of [...byType.entries()].sort()) {
        console.log(`${type.padEnd(16)} ${String(s.labels).padStart(6)}  ${pct(s.found, s.labels).padStart(6)}  ${String(s.findings).padStart(8)}  ${pct(s.correct, s.findings).padStart(9)}`);
        for (const t of type === "secret" ? [total] : [total, pii]) {
          t.labels += s.labels;
          t.found += s.found;
          t.findings += s.findings;
          t.correct += s.correct;
        }
      }
      console.log("-".repeat(52));
      console.log(`${"all PII".padEnd(16)} ${String(pii.labels).padStart(6)}  ${pct(pii.found, pii.labels).padStart(6)}  ${String(pii.findings).padStart(8)}  ${pct(pii.correct, pii.findings).padStart(9)}`);
      console.log(`${"all".padEnd(16)} ${String(total.labels).padStart(6)}  ${pct(total.found, total.labels).padStart(6)}  ${String(total.findings).padStart(8)}  ${pct(total.correct, total.findings).padStart(9)}`);
      console.log(`findings in placeholder/decoy-only files: ${cleanFindings.length} (${[...new Set(cleanFindings.map((f) => f.type))].join(", ") || "none"})`);
      if (show) {
        for (const m of missed) console.log(`  FN ${m.type} ${m.file} ${maskValue(texts.get(m.file)!.slice(m.start, m.end))}`);
        for (const w of wrong) console.log(`  FP ${w.type} ${w.file} ${maskValue(texts.get(w.file)!.slice(w.start, w.end))}`);
      }

      // Nothing printed in full, in any format.
      const leaks: string[] = [];
      for (const format of REPORT_FORMATS) {
        const text = await renderReport(dir, results, format);
        const leaked = splitLabels.filter((l, i) => leakProbes(l.value, { text: texts.get(l.file)!, start: spans[i]!.start, end: spans[i]!.end }).some((p) => text.includes(p)));
        const byKind = new Map<string, number>();
        for (const l of leaked) byKind.set(l.type, (byKind.get(l.type) ?? 0) + 1);
        leaks.push(`${format} ${leaked.length}${leaked.length ? ` (${[...byKind.entries()].map(([k, v]) => `${k} ${v}`).join(", ")})` : ""}`);
        if (show) for (const l of leaked) console.log(`  LEAK ${format} ${l.type} ${l.file}:${l.line} ${maskValue(l.value)}`);
      }
      console.log(`labelled values printed in full, by format: ${leaks.join("; ")}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
