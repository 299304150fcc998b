/**
 * PII benchmark: precision and recall per type on the labelled fixtures in tests/fixtures/pii, on the presidio
 * corpora, secrets recall on the secretlint fixtures, and findings per 100 files on real prompt corpora.
 *
 *   npm run bench:pii                 all sections
 *   npm run bench:pii -- --only own   one section: own | realistic | realistic-2 | realistic-3 | realistic-4 | presidio | secrets | corpora
 *   npm run bench:pii -- --dev-only   leave out the held-out figures (while tuning)
 *
 * "realistic" (scripts/bench/pii-realistic.ts) runs tests/fixtures/pii-real through the linter: precision and
 * recall per type on dev/ and heldout/ separately, and labelled values printed in full by each report format.
 *
 * Values are never printed: only counts, and masked values with --show.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { maskValue } from "../src/rule-api/mask.js";
import type { Segment, SegmentRole } from "../src/model/document.js";
import { detectPii, PII_TYPES, preloadPiiDependencies, type PiiMatch, type PiiOptions, type PiiType } from "../src/pii/index.js";
import { isHeldOut, score, scoreLineValues, scoreSpans, type Counts, type LineValue, type Span } from "../src/pii/scoring.js";
import { fieldOfPath, textKindForRole } from "../src/pii/segments.js";
import { benchRealisticPii, FIXTURES_2, FIXTURES_3, FIXTURES_4 } from "./bench/pii-realistic.js";

const ROOT = resolve(import.meta.dirname, "..");
const CORPORA = resolve(ROOT, "../shared/corpora");
const FIXTURES = join(ROOT, "tests/fixtures/pii");
const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const show = args.includes("--show");
/** While tuning: print dev figures only, so the held-out part stays unseen until a change set is done. */
const devOnly = args.includes("--dev-only");

interface ScannedSegment {
  text: string;
  role: SegmentRole;
  /** Source line of a segment offset. */
  lineAt(offset: number): number;
  /** Source offset of a segment offset. */
  toSource(offset: number): number;
  /** Where the segment sits (a JSON pointer for data files). */
  path?: string;
  /** Source text right before the segment, as the rules pass it. */
  before?: string;
}

interface Parser {
  parse(path: string, source: string): ScannedSegment[];
  mode: string;
}

/** The project's parser when it is present; otherwise a small stand-in (JSONL records, whole text otherwise). */
async function loadParser(): Promise<Parser> {
  try {
    const parseModule = "../src/parse/index.js";
    const detectModule = "../src/parse/detect.js";
    const { parseDocument } = (await import(parseModule)) as { parseDocument: (input: object) => { segments: Segment[]; lines: { positionAt(o: number): { line: number } } } };
    const { detectFormat } = (await import(detectModule)) as { detectFormat: (path: string) => string | undefined };
    return {
      mode: "promptvet parser (segments and roles as the rules see them)",
      parse(path, source) {
        const doc = parseDocument({ path, source, format: detectFormat(path) ?? "text", bom: false });
        return doc.segments.map((seg) => ({
          text: seg.text,
          role: seg.role,
          lineAt: (o: number) => doc.lines.positionAt(seg.map.toSource(o)).line,
          toSource: (o: number) => seg.map.toSource(o),
          path: seg.path,
          before: source.slice(Math.max(0, seg.range[0] - 320), seg.range[0]),
        }));
      },
    };
  } catch {
    return { mode: "stand-in parser (src/parse not available: JSONL records decoded, other files scanned whole)", parse: standInParse };
  }
}

function standInParse(path: string, source: string): ScannedSegment[] {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === "\n") lineStarts.push(i + 1);
  const lineOf = (o: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  if (!path.endsWith(".jsonl")) return [{ text: source, role: "system", lineAt: lineOf, toSource: (o) => o }];
  const out: ScannedSegment[] = [];
  source.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      return;
    }
    const push = (text: unknown, role: SegmentRole) => {
      if (typeof text === "string") out.push({ text, role, lineAt: () => index + 1, toSource: () => -1 });
    };
    const r = record as { messages?: { role?: string; content?: unknown }[]; prompt?: unknown; completion?: unknown };
    for (const m of r.messages ?? []) {
      const role = (["system", "user", "assistant", "tool"] as const).find((x) => x === m.role) ?? "user";
      push(m.content, role);
    }
    push(r.prompt, "example-input");
    push(r.completion, "example-output");
  });
  return out;
}

function listFiles(dir: string, exts: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (exts.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function scanSegments(segments: ScannedSegment[], options: PiiOptions = {}): { match: PiiMatch; line: number; seg: ScannedSegment }[] {
  const out: { match: PiiMatch; line: number; seg: ScannedSegment }[] = [];
  for (const seg of segments) {
    for (const match of detectPii(seg.text, { ...options, textKind: textKindForRole(seg.role), field: fieldOfPath(seg.path), before: seg.before })) {
      out.push({ match, line: seg.lineAt(match.start), seg });
    }
  }
  return out;
}

const pct = (x: number) => x.toFixed(3);

function printTable(title: string, counts: Map<PiiType, Counts>, types: readonly PiiType[] = PII_TYPES): void {
  console.log(`\n${title}`);
  console.log(`${"type".padEnd(16)} ${"gold".padStart(5)} ${"pred".padStart(5)} ${"TP".padStart(5)} ${"FP".padStart(5)} ${"FN".padStart(5)}  precision  recall`);
  for (const t of types) {
    const c = counts.get(t);
    if (!c) continue;
    const s = score(c);
    const gold = (c.found ?? c.tp) + c.fn;
    console.log(`${t.padEnd(16)} ${String(gold).padStart(5)} ${String(c.tp + c.fp).padStart(5)} ${String(c.tp).padStart(5)} ${String(c.fp).padStart(5)} ${String(c.fn).padStart(5)}  ${pct(s.precision).padStart(9)}  ${pct(s.recall).padStart(6)}`);
  }
}

async function benchOwn(parser: Parser): Promise<void> {
  const { labels } = JSON.parse(readFileSync(join(FIXTURES, "labels.json"), "utf8")) as { labels: LineValue[] };
  const predicted: LineValue[] = [];
  // Top level only: build/ holds the generator and its notes.
  const files = readdirSync(FIXTURES).filter((f) => /\.(md|jsonl)$/.test(f)).map((f) => join(FIXTURES, f)).sort();
  for (const file of files) {
    const name = relative(FIXTURES, file);
    for (const { match, line } of scanSegments(parser.parse(file, readFileSync(file, "utf8")))) {
      predicted.push({ file: name, type: match.type, line, value: match.value });
    }
  }
  const counts = scoreLineValues(predicted, labels);
  printTable(`Own labelled set: ${files.length} files, ${labels.length} labelled values (${parser.mode})`, counts);
  if (show) {
    const overlap = (a: LineValue, b: LineValue) =>
      a.file === b.file && a.type === b.type && a.line === b.line && (a.value.includes(b.value) || b.value.includes(a.value));
    for (const p of predicted) if (!labels.some((g) => overlap(p, g))) console.log(`  FP ${p.type} ${p.file}:${p.line} ${maskValue(p.value)}`);
    for (const g of labels) if (!predicted.some((p) => overlap(p, g))) console.log(`  FN ${g.type} ${g.file}:${g.line} ${maskValue(g.value)}`);
  }
}

const PRESIDIO_TYPES: Record<string, PiiType> = {
  EMAIL_ADDRESS: "email",
  PHONE_NUMBER: "phone",
  PHONE: "phone",
  CREDIT_CARD: "credit-card",
  IBAN_CODE: "iban",
  US_SSN: "us-ssn",
  IP_ADDRESS: "ip-address",
  PERSON: "person-name",
  ADDRESS: "street-address",
};

/**
 * Phone regions for the presidio sets: the generator writes national numbers of many countries (faker locales),
 * so the run names the regions whose national formats it should know, as a user would in the rule options
 * (`regions`). International `+CC` numbers are checked in their own region whatever this list holds.
 */
const PRESIDIO_REGIONS = ["US", "GB", "DE", "FR", "IT", "ES", "NL", "BE", "CH", "AT", "SE", "NO", "DK", "FI", "PL", "CZ", "IE", "PT", "BR", "MX", "AU", "NZ", "CA", "IL", "IN", "JP", "CN"];

/** Micro-averaged counts over the given types. */
function overall(counts: Map<PiiType, Counts>, types: readonly PiiType[]): Counts {
  const sum: Counts = { tp: 0, fp: 0, fn: 0, found: 0 };
  for (const t of types) {
    const c = counts.get(t);
    if (!c) continue;
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
    sum.found! += c.found ?? c.tp;
  }
  return sum;
}

/** Dev and held-out side by side: gold items, precision and recall per type, then all types together. */
function printSplitTable(title: string, dev: Map<PiiType, Counts>, held: Map<PiiType, Counts>, types: readonly PiiType[]): void {
  console.log(`\n${title}`);
  if (devOnly) held = new Map();
  console.log(`${"".padEnd(16)} ${"dev".padEnd(24)} ${devOnly ? "(held-out not shown)" : "held-out"}`);
  console.log(`${"type".padEnd(16)} ${"gold".padStart(5)} ${"prec".padStart(7)} ${"recall".padStart(7)}    ${"gold".padStart(5)} ${"prec".padStart(7)} ${"recall".padStart(7)}`);
  const cell = (c: Counts | undefined) => {
    if (!c) return `${"-".padStart(5)} ${"-".padStart(7)} ${"-".padStart(7)}`;
    const s = score(c);
    return `${String((c.found ?? c.tp) + c.fn).padStart(5)} ${pct(s.precision).padStart(7)} ${pct(s.recall).padStart(7)}`;
  };
  for (const t of types) {
    if (!dev.has(t) && !held.has(t)) continue;
    console.log(`${t.padEnd(16)} ${cell(dev.get(t))}    ${cell(held.get(t))}`);
  }
  console.log(`${"all".padEnd(16)} ${cell(overall(dev, types))}    ${devOnly ? "" : cell(overall(held, types))}`);
}

/** Honorifics that presidio labels PERSON in some templates and PREFIX in others: scored as the prefix they are. */
const HONORIFIC_ONLY = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir)\.?$/i;

function benchRecognizerCases(): void {
  const casesPath = join(CORPORA, "presidio-tests_microsoft/recognizer_cases.jsonl");
  if (!existsSync(casesPath)) {
    console.warn(`\n[skip] ${casesPath} not found`);
    return;
  }
  // PERSON cases in that file mix in other entities' expectations (dates, years), so they are left out.
  const scored: PiiType[] = ["email", "phone", "credit-card", "iban", "us-ssn", "ip-address"];
  const runs = [
    { builtinAllowlist: true, dev: new Map<PiiType, Counts>(), held: new Map<PiiType, Counts>() },
    { builtinAllowlist: false, dev: new Map<PiiType, Counts>(), held: new Map<PiiType, Counts>() },
  ];
  let n = 0;
  for (const line of readFileSync(casesPath, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as { entities: string[]; text: string; expected_spans: [number, number][] };
    const type = PRESIDIO_TYPES[c.entities[0] ?? ""];
    if (!type || !scored.includes(type) || c.entities.length !== 1) continue;
    n++;
    const gold: Span[] = c.expected_spans.map(([start, end]) => ({ type, start, end }));
    const heldOut = isHeldOut(`${type}:${c.text}`);
    for (const run of runs) {
      const options: PiiOptions = {
        types: [type],
        builtinAllowlist: run.builtinAllowlist,
        regions: ["US", "GB", "DE", "IL", "IN", "CA", "BR", "JP", "CN"],
        includeNonPublicIps: !run.builtinAllowlist,
      };
      const pred = detectPii(c.text, options).map((m) => ({ type: m.type, start: m.start, end: m.end }));
      scoreSpans(pred, gold, heldOut ? run.held : run.dev);
    }
  }
  printSplitTable(`presidio recognizer_cases.jsonl (${n} cases, default allowlists; presidio counts 555 numbers, test cards and private IPs as positives)`, runs[0]!.dev, runs[0]!.held, scored);
  printSplitTable("presidio recognizer_cases.jsonl, built-in allowlists off, non-public IPs on, presidio's phone regions", runs[1]!.dev, runs[1]!.held, scored);
}

interface GeneratedRow {
  full_text: string;
  template_id: number;
  spans: { entity_type: string; start_position: number; end_position: number; entity_value: string }[];
}

/**
 * presidio-research's generated sentences, each scanned twice as a user would lint it: as a plain-text prompt
 * (system prose) and as the user turn of a JSONL chat record. Split by template: a held-out template's sentences
 * are never looked at while tuning.
 */
function benchGenerated(parser: Parser): void {
  const rows: GeneratedRow[] = [];
  const names: string[] = [];
  for (const name of ["tests__data__generated_small.json", "tests__data__generated_large.json"]) {
    const path = join(CORPORA, "presidio-research_microsoft", name);
    if (!existsSync(path)) {
      console.warn(`\n[skip] ${path} not found`);
      continue;
    }
    rows.push(...(JSON.parse(readFileSync(path, "utf8")) as GeneratedRow[]));
    names.push(name.replace("tests__data__", ""));
  }
  if (rows.length === 0) return;
  const types = PII_TYPES.filter((t) => t !== "date-of-birth");
  const modes = [
    { label: "plain-text prompt (.txt, system prose)", wrap: (text: string) => ({ path: "sentence.txt", source: text, plain: true }) },
    {
      label: "JSONL user turn (.jsonl, dialogue)",
      wrap: (text: string) => ({ path: "sentence.jsonl", source: `${JSON.stringify({ messages: [{ role: "user", content: text }] })}\n`, plain: false }),
    },
  ];
  for (const mode of modes) {
    const dev = new Map<PiiType, Counts>();
    const held = new Map<PiiType, Counts>();
    let heldRows = 0;
    let unparsed = 0;
    for (const row of rows) {
      const gold: Span[] = [];
      for (const s of row.spans) {
        const type = PRESIDIO_TYPES[s.entity_type];
        if (!type || (type === "person-name" && HONORIFIC_ONLY.test(s.entity_value))) continue;
        gold.push({ type, start: s.start_position, end: s.end_position });
      }
      const { path, source, plain } = mode.wrap(row.full_text);
      // A plain-text file is the sentence itself, so source offsets are sentence offsets; a JSONL record must
      // decode to the sentence as one segment.
      const segments = parser.parse(path, source);
      const usable = plain ? segments : segments.filter((seg) => seg.text === row.full_text);
      if (usable.length === 0) unparsed++;
      const pred: Span[] = scanSegments(usable, { types, regions: PRESIDIO_REGIONS }).map(({ match, seg }) =>
        plain ? { type: match.type, start: seg.toSource(match.start), end: seg.toSource(match.end) } : { type: match.type, start: match.start, end: match.end },
      );
      const heldOut = isHeldOut(`sentence:${row.full_text}`);
      if (heldOut) heldRows++;
      scoreSpans(pred, gold, heldOut ? held : dev);
    }
    printSplitTable(
      `presidio-research ${names.join(" + ")}, ${mode.label}: ${rows.length - heldRows} dev / ${heldRows} held-out sentences, span overlap${unparsed ? `, ${unparsed} not one segment` : ""}`,
      dev,
      held,
      types,
    );
  }
  console.log(`  phone regions: ${PRESIDIO_REGIONS.join(" ")}`);
}

function benchPresidio(parser: Parser): void {
  benchRecognizerCases();
  benchGenerated(parser);
}

async function benchSecrets(): Promise<void> {
  const path = join(CORPORA, "secretlint-snapshots_secretlint/cases.jsonl");
  if (!existsSync(path)) {
    console.warn(`\n[skip] ${path} not found`);
    return;
  }
  type ScanSecrets = (text: string, filePath?: string) => Promise<{ ruleId: string; kind: string; start: number; end: number }[]>;
  let scanSecrets: ScanSecrets;
  try {
    const specifier = "../src/secrets/scan.js";
    ({ scanSecrets } = (await import(specifier)) as { scanSecrets: ScanSecrets });
  } catch (error) {
    console.warn(`\n[skip] secrets recall: src/secrets/scan.ts does not export scanSecrets yet (${(error as Error).message.split("\n")[0]})`);
    return;
  }
  let expected = 0;
  let found = 0;
  let negatives = 0;
  let negativeHits = 0;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as { label: string; text: string; input_name: string; expected_messages: { range: [number, number] }[]; duplicate_of_earlier?: boolean };
    if (c.duplicate_of_earlier) continue;
    if (c.label === "positive") {
      const got = await scanSecrets(c.text, c.input_name);
      for (const m of c.expected_messages) {
        expected++;
        if (got.some((g) => g.start < m.range[1] && m.range[0] < g.end)) found++;
      }
    } else if (c.label === "negative") {
      negatives++;
      if ((await scanSecrets(c.text, c.input_name)).length > 0) negativeHits++;
    }
  }
  console.log(`\nSecrets (scanSecrets) on secretlint fixtures: recall ${pct(expected ? found / expected : 1)} (${found}/${expected} expected findings); ${negativeHits}/${negatives} negative cases flagged`);
}

async function benchCorpora(parser: Parser): Promise<void> {
  const corpora = [
    "system_prompts_leaks_asgeirtj", "awesome-copilot_github", "awesome-cursorrules_PatrickJS", "awesome-chatgpt-prompts_f",
    "prompty_microsoft", "dotprompt_google",
  ];
  let allFiles = 0;
  let allFindings = 0;
  for (const corpus of corpora) {
    const dir = join(CORPORA, corpus);
    if (!existsSync(dir)) {
      console.warn(`\n[skip] ${dir} not found`);
      continue;
    }
    const files = listFiles(dir, /\.(md|mdc|cursorrules|txt|json|jsonl|ya?ml|prompt|prompty)$|^\.cursorrules$/).filter((f) => !/MANIFEST|SOURCE|prompts\.csv/.test(f));
    const perType = new Map<PiiType, number>();
    const examples: string[] = [];
    const t0 = performance.now();
    let bytes = 0;
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      bytes += source.length;
      let segments: ScannedSegment[];
      try {
        segments = parser.parse(file, source);
      } catch {
        segments = standInParse(file, source);
      }
      for (const { match, line } of scanSegments(segments)) {
        perType.set(match.type, (perType.get(match.type) ?? 0) + 1);
        if (show) examples.push(`  ${match.type} ${relative(dir, file)}:${line} ${maskValue(match.value)}`);
      }
    }
    const ms = performance.now() - t0;
    console.log(`\n${corpus}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB in ${(ms / 1000).toFixed(1)} s — findings per 100 files`);
    for (const t of PII_TYPES) console.log(`  ${t.padEnd(16)} ${((100 * (perType.get(t) ?? 0)) / files.length).toFixed(2).padStart(6)}   (${perType.get(t) ?? 0})`);
    allFiles += files.length;
    for (const n of perType.values()) allFindings += n;
    if (show) console.log(examples.join("\n"));
  }
  // Every finding counted, true or not: read them with --show (values masked) to tell example data from false alarms.
  console.log(`\nAll corpora: ${allFindings} PII findings in ${allFiles} files = ${((100 * allFindings) / Math.max(1, allFiles)).toFixed(2)} per 100 files`);
}

async function main(): Promise<void> {
  await preloadPiiDependencies(PII_TYPES);
  const parser = await loadParser();
  if (!only || only === "own") await benchOwn(parser);
  if (!only || only === "realistic") await benchRealisticPii(show, devOnly ? ["dev"] : ["dev", "heldout"]);
  if (!only || only === "realistic" || only === "realistic-2") {
    await benchRealisticPii(show, devOnly ? ["dev"] : ["dev", "heldout"], FIXTURES_2, "Second realistic PII set");
  }
  if (!only || only === "realistic" || only === "realistic-3") await benchRealisticPii(show, ["dev"], FIXTURES_3, "Third realistic PII set (dev only)");
  if (!only || only === "realistic" || only === "realistic-4") await benchRealisticPii(show, ["dev"], FIXTURES_4, "Fourth realistic PII set (dev only)");
  if (!existsSync(CORPORA)) {
    console.warn(`\n[skip] ${CORPORA} not found: corpus sections skipped`);
    return;
  }
  if (!only || only === "presidio") benchPresidio(parser);
  if (!only || only === "secrets") await benchSecrets();
  if (!only || only === "corpora") await benchCorpora(parser);
}

await main();
