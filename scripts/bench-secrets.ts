/**
 * Secrets benchmark, measured in one run:
 *
 *   gitleaks     recall on gitleaks' rule fixtures (tps) and false alarms on its fps, per provider, for promptvet
 *                and for secretlint's recommended preset alone (tests/fixtures/gitleaks)
 *   secretlint   recall on secretlint's own rule fixtures (../shared/corpora/secretlint-snapshots_secretlint)
 *   placeholders findings on documentation placeholders (tests/fixtures/secrets/placeholders.md: must be 0)
 *   corpora      findings per 100 real prompt files on ../shared/corpora, each listed masked for reading
 *   realistic    credentials of the realistic set (tests/fixtures/pii-real): recall, precision, findings in its
 *                placeholder/decoy-only files, labelled credentials printed in full by each report format;
 *                dev/ only, unless --heldout (held-out files are scored once per change set, never tuned on)
 *
 *   npm run bench:secrets                        all sections
 *   npm run bench:secrets -- --only gitleaks     one section
 *   npm run bench:secrets -- --misses            list the gitleaks cases each scanner gets wrong (masked)
 *   npm run bench:secrets -- --only realistic --heldout --show
 *
 * Values are never printed in full: findings and cases are shown through maskValue.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import type { SecretLintCoreConfig } from "@secretlint/types";
import { maskValue } from "../src/rule-api/mask.js";
import { detectFormat, parseDocument } from "../src/parse/index.js";
import { findDocumentSecrets } from "../src/secrets/document.js";
import { kindOfSecretlintMessage } from "../src/secrets/kinds.js";
import { isPlaceholderSecret } from "../src/secrets/placeholder.js";
import { scanSecrets } from "../src/secrets/scan.js";
import { loadGitleaksFixtures } from "../tests/fixtures/gitleaks/fixtures.js";
import { findingSpans, labelSpans, leakProbes, REPORT_FORMATS, type ValueLabel } from "./bench/pii-realistic.js";
import { lintFolder, renderReport } from "./bench/lint-set.js";

const ROOT = resolve(import.meta.dirname, "..");
const CORPORA = resolve(ROOT, "../shared/corpora");
const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const showMisses = args.includes("--misses");
const heldout = args.includes("--heldout");
const show = args.includes("--show");

type Scanner = (text: string) => Promise<number>;

/** secretlint's recommended preset alone, as `secretlint` with that preset would run it. */
async function presetScanner(): Promise<Scanner> {
  const [core, preset] = await Promise.all([import("@secretlint/core"), import("@secretlint/secretlint-rule-preset-recommend")]);
  const config: SecretLintCoreConfig = { rules: [{ id: preset.creator.meta.id, rule: preset.creator }] };
  return async (text) => {
    const result = await core.lintSource({
      source: { content: text, filePath: "/fixture.txt", ext: ".txt", contentType: "text" },
      options: { config, maskSecrets: true, noPhysicFilePath: true },
    });
    return result.messages.filter((m) => m.type === "message").length;
  };
}

const promptvetScanner: Scanner = async (text) => (await scanSecrets(text, "/fixture.txt")).length;

const pct = (n: number, d: number) => (d === 0 ? "   -  " : (n / d).toFixed(3).padStart(6));
const oneLine = (text: string) => text.replace(/\s+/g, " ").slice(0, 160);

/** Masks every long token of a fixture line, so a listed miss shows its shape, never its value. */
function maskLine(text: string): string {
  return oneLine(text).replace(/[A-Za-z0-9_\-+/=.]{16,}/g, (token) => maskValue(token));
}

interface Row {
  provider: string;
  tps: number;
  fps: number;
  found: { promptvet: number; secretlint: number };
  alarms: { promptvet: number; secretlint: number };
}

async function benchGitleaks(): Promise<void> {
  const fixtures = loadGitleaksFixtures();
  const preset = await presetScanner();
  const scanners: [keyof Row["found"], Scanner][] = [
    ["promptvet", promptvetScanner],
    ["secretlint", preset],
  ];
  const rows = new Map<string, Row>();
  const perRule: string[] = [];
  const misses: string[] = [];
  for (const rule of fixtures) {
    const row = rows.get(rule.provider) ?? { provider: rule.provider, tps: 0, fps: 0, found: { promptvet: 0, secretlint: 0 }, alarms: { promptvet: 0, secretlint: 0 } };
    rows.set(rule.provider, row);
    const ruleFound = { promptvet: 0, secretlint: 0 };
    const ruleAlarms = { promptvet: 0, secretlint: 0 };
    for (const tp of rule.tps) {
      for (const [name, scan] of scanners) {
        if ((await scan(tp)) > 0) ruleFound[name]++;
        else if (showMisses) misses.push(`  ${name.padEnd(10)} missed    ${rule.rule}: ${maskLine(tp)}`);
      }
    }
    for (const fp of rule.fps) {
      for (const [name, scan] of scanners) {
        if ((await scan(fp)) > 0) {
          ruleAlarms[name]++;
          if (showMisses) misses.push(`  ${name.padEnd(10)} alarm on  ${rule.rule}: ${maskLine(fp)}`);
        }
      }
    }
    row.tps += rule.tps.length;
    row.fps += rule.fps.length;
    for (const [name] of scanners) {
      row.found[name] += ruleFound[name];
      row.alarms[name] += ruleAlarms[name];
    }
    perRule.push(
      `  ${rule.rule.padEnd(44)} ${String(rule.tps.length).padStart(4)} ${pct(ruleFound.promptvet, rule.tps.length)} ${pct(ruleFound.secretlint, rule.tps.length)}   ${String(rule.fps.length).padStart(3)} ${String(ruleAlarms.promptvet).padStart(4)} ${String(ruleAlarms.secretlint).padStart(4)}`,
    );
  }

  const header = `  ${"".padEnd(44)}  tps  recall        fps  false alarms\n  ${"".padEnd(44)}      promptvet secretlint   promptvet secretlint`;
  console.log(`\ngitleaks rule fixtures (${fixtures.length} rules; a tp counts when the text gets at least one finding, an fp when it gets any)`);
  console.log(header.replace("  ".padEnd(46), "  provider".padEnd(46)));
  const total: Row = { provider: "all", tps: 0, fps: 0, found: { promptvet: 0, secretlint: 0 }, alarms: { promptvet: 0, secretlint: 0 } };
  for (const row of [...rows.values()].sort((a, b) => a.provider.localeCompare(b.provider))) {
    console.log(
      `  ${row.provider.padEnd(44)} ${String(row.tps).padStart(4)} ${pct(row.found.promptvet, row.tps)} ${pct(row.found.secretlint, row.tps)}   ${String(row.fps).padStart(3)} ${String(row.alarms.promptvet).padStart(4)} ${String(row.alarms.secretlint).padStart(4)}`,
    );
    total.tps += row.tps;
    total.fps += row.fps;
    for (const name of ["promptvet", "secretlint"] as const) {
      total.found[name] += row.found[name];
      total.alarms[name] += row.alarms[name];
    }
  }
  console.log(
    `  ${"ALL".padEnd(44)} ${String(total.tps).padStart(4)} ${pct(total.found.promptvet, total.tps)} ${pct(total.found.secretlint, total.tps)}   ${String(total.fps).padStart(3)} ${String(total.alarms.promptvet).padStart(4)} ${String(total.alarms.secretlint).padStart(4)}`,
  );
  console.log(`\n  per gitleaks rule:\n${header.replace("  ".padEnd(46), "  rule".padEnd(46))}\n${perRule.join("\n")}`);
  if (showMisses) console.log(`\n  cases scored against a scanner (masked):\n${misses.join("\n")}`);
}

interface SecretlintCase {
  rule_package: string;
  case: string;
  label: string;
  input_name: string;
  text: string;
  expected_messages: { ruleId: string; messageId: string; range: [number, number] }[];
  duplicate_of_earlier?: boolean;
  rc?: unknown;
}

/** The rules of secretlint's recommended preset: the fixtures of other secretlint rules are out of scope. */
const PRESET_RULES = new Set(
  [
    "aws", "gcp", "privatekey", "npm", "basicauth", "slack", "sendgrid", "shopify", "stripe", "github", "gitlab",
    "grafana", "openai", "anthropic", "groq", "huggingface", "linear", "notion", "1password",
    "database-connection-string", "hashicorp-vault", "vercel", "databricks", "docker", "figma", "cloudflare", "tailscale",
  ].map((name) => `@secretlint/secretlint-rule-${name}`),
);

async function benchSecretlintFixtures(): Promise<void> {
  const path = join(CORPORA, "secretlint-snapshots_secretlint/cases.jsonl");
  if (!existsSync(path)) {
    console.warn(`\n[skip] ${path} not found`);
    return;
  }
  let expected = 0;
  let found = 0;
  let placeholders = 0;
  let placeholdersFound = 0;
  let negatives = 0;
  let negativeHits = 0;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const c = JSON.parse(line) as SecretlintCase;
    if (c.duplicate_of_earlier) continue;
    const got = await scanSecrets(c.text, `/corpus/${c.input_name}`);
    if (c.expected_messages.length > 0) {
      for (const m of c.expected_messages) {
        // AWS account IDs are identifiers, not credentials; promptvet leaves the preset's ID scan off.
        if (!PRESET_RULES.has(m.ruleId) || m.messageId === "AWSAccountID") continue;
        const hit = got.some((g) => g.start < m.range[1] && m.range[0] < g.end);
        if (isPlaceholderSecret(kindOfSecretlintMessage(m.ruleId, m.messageId), c.text.slice(m.range[0], m.range[1]))) {
          placeholders++;
          if (hit) placeholdersFound++;
          continue;
        }
        expected++;
        if (hit) found++;
      }
    } else if ((c.label === "negative" || c.label === "options") && !JSON.stringify(c.rc ?? null).includes('"allows"')) {
      // A case negative only through its own allowlist is the rule option's business (promptvet: allowPatterns).
      negatives++;
      if (got.length > 0) negativeHits++;
    }
  }
  console.log(
    `\nsecretlint's rule fixtures (preset rules): recall ${pct(found, expected).trim()} on the ${expected} expected findings that are credentials; ` +
      `${placeholders} more are typed placeholders (\`hf_xxxx…\`, \`sk_live_AAAA…\`, \`user:pass@\`), ${placeholdersFound} of them reported; ` +
      `${negativeHits}/${negatives} negative cases with a finding`,
  );
  console.log("  (tests/secrets/secretlint-corpus.test.ts asserts this and lists every case)");
}

async function benchPlaceholders(): Promise<void> {
  const dir = join(ROOT, "tests/fixtures/secrets/placeholders");
  if (!existsSync(dir)) {
    console.warn(`\n[skip] ${dir} not found`);
    return;
  }
  let files = 0;
  const findings: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name);
    const source = readFileSync(file, "utf8");
    files++;
    const document = parseDocument({ path: file, source, format: detectFormat(file) ?? "text", bom: false });
    for (const secret of await findDocumentSecrets(document)) {
      findings.push(`  ${name}: ${secret.kind} ${maskValue(source.slice(secret.range[0], secret.range[1]))}`);
    }
  }
  console.log(`\nplaceholder files (tests/fixtures/secrets/placeholders, ${files} files): ${findings.length} findings (target 0)`);
  if (findings.length > 0) console.log(findings.join("\n"));
}

function listFiles(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (pattern.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

async function benchCorpora(): Promise<void> {
  const corpora = [
    "system_prompts_leaks_asgeirtj",
    "awesome-copilot_github",
    "awesome-cursorrules_PatrickJS",
    "awesome-chatgpt-prompts_f",
    "dotprompt_google",
    "prompty_microsoft",
  ];
  let allFiles = 0;
  let allFindings = 0;
  for (const corpus of corpora) {
    const dir = join(CORPORA, corpus);
    if (!existsSync(dir)) {
      console.warn(`\n[skip] ${dir} not found`);
      continue;
    }
    const files = listFiles(dir, /\.(md|mdc|cursorrules|txt|json|jsonl|ya?ml|prompt|prompty)$|^\.cursorrules$/).filter((f) => !/MANIFEST|SOURCE/.test(f));
    const lines: string[] = [];
    const t0 = performance.now();
    for (const file of files) {
      const source = readFileSync(file, "utf8");
      let secrets;
      try {
        const document = parseDocument({ path: file, source, format: detectFormat(file) ?? "text", bom: false });
        secrets = await findDocumentSecrets(document);
      } catch {
        secrets = (await scanSecrets(source, file)).map((m) => ({ kind: m.kind, range: [m.start, m.end] as const }));
      }
      for (const secret of secrets) {
        const line = source.slice(0, secret.range[0]).split("\n").length;
        lines.push(`    ${secret.kind.padEnd(24)} ${relative(dir, file)}:${line} ${maskValue(source.slice(secret.range[0], secret.range[1]))}`);
      }
    }
    const ms = performance.now() - t0;
    allFiles += files.length;
    allFindings += lines.length;
    console.log(`\n${corpus}: ${files.length} files, ${lines.length} findings, ${((100 * lines.length) / files.length).toFixed(2)} per 100 files (${(ms / 1000).toFixed(1)} s)`);
    if (lines.length > 0) console.log(lines.join("\n"));
  }
  if (allFiles > 0) console.log(`\nall corpora: ${allFiles} files, ${allFindings} findings, ${((100 * allFindings) / allFiles).toFixed(2)} per 100 files (target < 1, each finding read)`);
}

/** Credentials of the realistic set, through the linter as the CLI runs it. */
async function benchRealistic(): Promise<void> {
  const fixtures = join(ROOT, "tests/fixtures/pii-real");
  const labelsFile = join(fixtures, "labels.json");
  if (!existsSync(labelsFile)) {
    console.warn(`\n[skip] ${labelsFile} not found`);
    return;
  }
  const { labels } = JSON.parse(readFileSync(labelsFile, "utf8")) as { labels: ValueLabel[] };
  for (const split of heldout ? (["dev", "heldout"] as const) : (["dev"] as const)) {
    const dir = mkdtempSync(join(tmpdir(), "promptvet-bench-secrets-"));
    try {
      cpSync(join(fixtures, split), join(dir, split), { recursive: true });
      const files = listFiles(join(dir, split), /./).map((f) => relative(dir, f).split("\\").join("/"));
      const texts = new Map(files.map((f) => [f, readFileSync(join(dir, f), "utf8")] as const));
      const splitLabels = labels.filter((l) => l.file.startsWith(`${split}/`));
      // Every label is placed (so label offsets stay right); only credentials are scored.
      const spans = labelSpans(splitLabels, texts).filter((l) => l.type === "secret");
      const { results } = await lintFolder(dir, files);
      const findings = findingSpans(results, dir, texts).filter((f) => f.type === "secret");
      const overlaps = (a: { file: string; start: number; end: number }, b: typeof a) => a.file === b.file && a.start < b.end && b.start < a.end;
      const missed = spans.filter((l) => !findings.some((f) => overlaps(f, l)));
      const wrong = findings.filter((f) => !spans.some((l) => overlaps(f, l)));
      const labelled = new Set(splitLabels.map((l) => l.file));
      const clean = files.filter((f) => !labelled.has(f));
      const inClean = findings.filter((f) => clean.includes(f.file));
      console.log(
        `\nrealistic set, ${split}: ${spans.length} labelled credentials in ${files.length} files; recall ${pct(spans.length - missed.length, spans.length).trim()}, ` +
          `precision ${pct(findings.length - wrong.length, findings.length).trim()} (${findings.length} findings); ` +
          `${inClean.length} findings in its ${clean.length} placeholder/decoy-only files`,
      );
      if (show) {
        for (const m of missed) console.log(`  FN ${m.file} ${maskValue(texts.get(m.file)!.slice(m.start, m.end))}`);
        for (const w of wrong) console.log(`  FP ${w.file} ${maskValue(texts.get(w.file)!.slice(w.start, w.end))}`);
      }
      const leaks: string[] = [];
      const secretLabels = splitLabels.filter((l) => l.type === "secret");
      for (const format of REPORT_FORMATS) {
        const text = await renderReport(dir, results, format);
        leaks.push(`${format} ${secretLabels.filter((l) => leakProbes(l.value).some((p) => text.includes(p))).length}`);
      }
      console.log(`  labelled credentials printed in full, by format: ${leaks.join(", ")}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

async function main(): Promise<void> {
  if (!only || only === "gitleaks") await benchGitleaks();
  if (!only || only === "placeholders") await benchPlaceholders();
  if (!only || only === "realistic") await benchRealistic();
  if (!existsSync(CORPORA)) {
    console.warn(`\n[skip] ${CORPORA} not found: corpus sections skipped`);
    return;
  }
  if (!only || only === "secretlint") await benchSecretlintFixtures();
  if (!only || only === "corpora") await benchCorpora();
}

await main();
