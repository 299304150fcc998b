// Token-counting benchmark: load time and throughput of promptvet's own BPE counter (src/tokens/bpe, over
// the binary tables in dist/tokenizers) and of the three tiktoken-compatible libraries, each in a fresh
// process, and the tokenizer's share of linting a 5-file commit.
// Usage: npx tsx scripts/bench-tokens.ts [--runs 3]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildSync } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const CORPUS = path.resolve(root, "../shared/corpora/system_prompts_leaks_asgeirtj");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// One library, one fresh process: import + first encode (load), then every corpus file (throughput).
const LIB_SNIPPET = String.raw`
const { readFileSync } = await import("node:fs");
const files = JSON.parse(process.env.BENCH_FILES);
const texts = files.map((f) => readFileSync(f, "utf8"));
const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t), 0);
const t0 = performance.now();
let count;
const lib = process.env.BENCH_LIB;
if (lib === "promptvet") {
  const { loadBpeCounter } = await import(process.env.BENCH_COUNTER);
  count = loadBpeCounter("o200k_base");
} else if (lib === "tiktoken") {
  const { get_encoding } = await import("tiktoken");
  const e = get_encoding("o200k_base");
  count = (s) => e.encode_ordinary(s).length;
} else if (lib === "js-tiktoken") {
  const { Tiktoken } = await import("js-tiktoken/lite");
  const ranks = (await import("js-tiktoken/ranks/o200k_base")).default;
  const e = new Tiktoken(ranks);
  count = (s) => e.encode(s, [], []).length;
} else {
  const m = await import("gpt-tokenizer/encoding/o200k_base");
  count = (s) => m.countTokens(s, { disallowedSpecial: new Set() });
}
count("warm up");
const t1 = performance.now();
let tokens = 0;
for (const t of texts) tokens += count(t);
const t2 = performance.now();
console.log(JSON.stringify({ loadMs: t1 - t0, encodeMs: t2 - t1, bytes, tokens }));
`;

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.name.endsWith(".md")) out.push(p);
  }
  return out;
}

/**
 * promptvet's counter bundled as the CLI bundles it (plain JavaScript, no TypeScript loader in the timing).
 * It lives under node_modules/.cache so it finds the package root, and dist/tokenizers, as the CLI does.
 */
function bundleCounter(): string {
  const tables = path.join(root, "dist", "tokenizers");
  if (!existsSync(path.join(tables, "o200k_base.bin"))) {
    console.warn(`[bench-tokens] ${tables} has no o200k_base.bin: writing the tables (npm run build does this).`);
    const r = spawnSync(process.execPath, ["scripts/gen-bpe-tables.mjs", tables], { cwd: root, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
  }
  const out = path.join(root, "node_modules", ".cache", "promptvet-bench-tokens", "bpe-counter.mjs");
  mkdirSync(path.dirname(out), { recursive: true });
  buildSync({ entryPoints: [path.join(root, "src/tokens/bpe/counter.ts")], outfile: out, bundle: true, format: "esm", platform: "node", target: "node20", logLevel: "warning" });
  return out;
}

function benchLibraries(): void {
  if (!existsSync(CORPUS)) {
    console.warn(`[bench-tokens] ${CORPUS} is absent: library throughput is skipped.`);
    return;
  }
  const files = walk(CORPUS).sort();
  const counter = bundleCounter();
  console.log(`o200k_base on ${files.length} system prompts (${RUNS} runs each, median; load = import + table + first count):`);
  for (const lib of ["promptvet", "gpt-tokenizer", "tiktoken", "js-tiktoken"]) {
    const loads: number[] = [];
    const rates: number[] = [];
    let tokens = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = spawnSync(process.execPath, ["--input-type=module", "-e", LIB_SNIPPET], {
        cwd: root,
        env: { ...process.env, BENCH_LIB: lib, BENCH_FILES: JSON.stringify(files), BENCH_COUNTER: pathToFileURL(counter).href },
        encoding: "utf8",
      });
      if (r.status !== 0) throw new Error(`${lib}: ${r.stderr}`);
      const m = JSON.parse(r.stdout) as { loadMs: number; encodeMs: number; bytes: number; tokens: number };
      loads.push(m.loadMs);
      rates.push(m.bytes / 1e6 / (m.encodeMs / 1000));
      tokens = m.tokens;
    }
    console.log(`  ${lib.padEnd(14)} load ${median(loads).toFixed(1).padStart(6)} ms   ${median(rates).toFixed(2).padStart(5)} MB/s   ${tokens} tokens`);
  }
}

// A 5-file commit: parse each file and compute its token stats in a fresh process, timing the phases.
const COMMIT_SNIPPET = String.raw`
const t0 = performance.now();
const { readFileSync } = await import("node:fs");
const { parseDocument } = await import("./src/parse/index.ts");
const { detectFormat } = await import("./src/parse/detect.ts");
const { computeTokenStats } = await import("./src/tokens/stats.ts");
const { tokenizerLoadCount } = await import("./src/tokens/tokenizer.ts");
const t1 = performance.now();
const docs = JSON.parse(process.env.BENCH_FILES).map((p) => parseDocument({ path: p, source: readFileSync(p, "utf8"), format: detectFormat(p) ?? "markdown", bom: false }));
const t2 = performance.now();
const first = await computeTokenStats(docs[0], { model: "gpt-4o" });
const t3 = performance.now();
let total = first.total;
for (const d of docs.slice(1)) total += (await computeTokenStats(d, { model: "gpt-4o" })).total;
const t4 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, parseMs: t2 - t1, firstMs: t3 - t2, restMs: t4 - t3, total, loads: tokenizerLoadCount() }));
`;

function benchCommit(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-bench-tokens-"));
  try {
    const files: string[] = [];
    for (let i = 0; i < 5; i++) {
      const body = Array.from({ length: 20 + i * 20 }, (_, k) => `- Rule ${k + 1}: cite the policy section and give the customer the exact next step.`).join("\n");
      const file = path.join(dir, `p${i}.prompt.md`);
      writeFileSync(file, `---\nmodel: gpt-4o\n---\n# Support assistant ${i}\n\n${body}\n\nCustomer: {{question}}\n`);
      files.push(file);
    }
    const bytes = files.reduce((a, f) => a + readFileSync(f).length, 0);
    const samples: { importMs: number; parseMs: number; firstMs: number; restMs: number; total: number; loads: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", COMMIT_SNIPPET], {
        cwd: root,
        env: { ...process.env, BENCH_FILES: JSON.stringify(files) },
        encoding: "utf8",
      });
      if (r.status !== 0) throw new Error(r.stderr);
      samples.push({ ...JSON.parse(r.stdout), wallMs: performance.now() - t });
    }
    const pick = (k: keyof (typeof samples)[number]) => median(samples.map((s) => s[k] as number));
    const tokenMs = pick("firstMs") + pick("restMs");
    const work = pick("importMs") + pick("parseMs") + tokenMs;
    console.log(`5-file commit (${(bytes / 1024).toFixed(1)} KB, ${samples[0]!.total} tokens, ${samples[0]!.loads} tokenizer load):`);
    console.log(`  module import ${pick("importMs").toFixed(0)} ms, parse ${pick("parseMs").toFixed(0)} ms, first count incl. tokenizer load ${pick("firstMs").toFixed(0)} ms, other 4 files ${pick("restMs").toFixed(1)} ms`);
    console.log(`  token counting is ${((tokenMs / work) * 100).toFixed(0)}% of that work (the first count includes the table load); a run without budget rules loads no tokenizer (tests/tokens/lazy.test.ts).`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

benchLibraries();
benchCommit();
