// Benchmark: wall time of promptvet on a 5-file commit and a 1,000-file tree (plus 200 JSONL few-shot files),
// next to `node -e 0`, secretlint and markdownlint-cli2 on the same files, measured in one run.
// Usage: npm run bench [-- --runs 5]
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const benchDir = path.join(root, ".bench");
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;
const LARGE_RUNS = Math.max(3, Math.ceil(RUNS / 2));

// A small deterministic PRNG so every run builds the same corpus.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const WORDS = "customer order refund delivery warranty answer question policy explain step example tone friendly concise product account invoice shipping carrier return replace escalate agent summary detail safety".split(" ");
const sentence = () => {
  const n = 6 + Math.floor(rand() * 12);
  const words = Array.from({ length: n }, () => pick(WORDS));
  return `${words[0][0].toUpperCase()}${words[0].slice(1)} ${words.slice(1).join(" ")}.`;
};

function promptFile(i) {
  const target = 1024 + Math.floor(rand() * 7 * 1024);
  let text = `---\nmodel: gpt-4o\ndescription: Generated prompt ${i}\n---\n\n# Role\n\nYou are the assistant for product line ${i}.\n\n`;
  let section = 0;
  while (text.length < target) {
    text += `## Section ${++section}\n\n`;
    for (let k = 0; k < 3; k++) text += `- ${sentence()}\n`;
    text += `\n${sentence()} ${sentence()} ${sentence()}\n\n`;
    if (section % 3 === 0) text += `User: ${sentence()}\nAssistant: ${sentence()} ${sentence()}\n\n`;
  }
  return text;
}

function jsonlFile() {
  const lines = [];
  for (let k = 0; k < 20; k++) {
    lines.push(JSON.stringify({ messages: [
      { role: "system", content: "You are a helpful support assistant." },
      { role: "user", content: sentence() },
      { role: "assistant", content: `${sentence()} ${sentence()}` },
    ] }));
  }
  return `${lines.join("\n")}\n`;
}

function buildCorpus() {
  rmSync(benchDir, { recursive: true, force: true });
  const tree = path.join(benchDir, "tree");
  const commit = path.join(benchDir, "commit");
  mkdirSync(path.join(tree, "prompts"), { recursive: true });
  mkdirSync(path.join(tree, "fewshot"), { recursive: true });
  mkdirSync(commit, { recursive: true });
  for (let i = 0; i < 1000; i++) writeFileSync(path.join(tree, "prompts", `p${String(i).padStart(4, "0")}.md`), promptFile(i));
  for (let i = 0; i < 200; i++) writeFileSync(path.join(tree, "fewshot", `f${String(i).padStart(3, "0")}.jsonl`), jsonlFile());
  for (let i = 0; i < 4; i++) writeFileSync(path.join(commit, `c${i}.md`), promptFile(5000 + i));
  writeFileSync(path.join(commit, "examples.jsonl"), jsonlFile());
  const config = 'files: ["**/*.md", "**/*.jsonl"]\nmodel: gpt-4o\nbudgets: { total: 8000 }\n';
  writeFileSync(path.join(tree, "promptvet.config.yaml"), config);
  writeFileSync(path.join(commit, "promptvet.config.yaml"), config);
  // Variants for the cost of each part: no rules at all (start-up + reading + parsing), and PII + secrets only.
  writeFileSync(path.join(benchDir, "none.yaml"), 'files: ["**/*.md", "**/*.jsonl"]\nextends: []\n');
  const piiRules = ["email", "phone", "credit-card", "iban", "us-ssn", "ip-address", "person-name", "street-address", "date-of-birth"]
    .map((t) => `  pii/${t}: error`).join("\n");
  writeFileSync(path.join(benchDir, "pii.yaml"), `files: ["**/*.md", "**/*.jsonl"]\nextends: []\nrules:\n${piiRules}\n  secrets/leaked-credential: error\n`);
  // The comparison tools get their own quiet configs so they do the same amount of reporting.
  writeFileSync(path.join(benchDir, ".markdownlint-cli2.jsonc"), "{}\n");
  writeFileSync(path.join(benchDir, ".secretlintrc.json"), JSON.stringify({ rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] }));
  return { tree, commit };
}

function time(cmd, args, cwd, { memory = false, env = {} } = {}) {
  const start = process.hrtime.bigint();
  const full = memory ? ["/usr/bin/time", ["-f", "%M", cmd, ...args]] : [cmd, args];
  const result = spawnSync(full[0], full[1], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env }, maxBuffer: 1 << 28 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.error) throw result.error;
  let rssMb;
  if (memory) rssMb = Number(result.stderr.trim().split("\n").pop()) / 1024;
  return { ms, status: result.status, rssMb };
}

function measure(label, cmd, args, cwd, runs, opts) {
  time(cmd, args, cwd, opts); // warm the file cache
  const samples = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const t = time(cmd, args, cwd, opts);
    samples.push(t.ms);
    if (t.rssMb) rss = Math.max(rss, t.rssMb);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)];
  const row = { label, median, min: samples[0], max: samples[samples.length - 1], rss };
  console.log(`${label.padEnd(46)} ${(median / 1000).toFixed(3)} s  (min ${(row.min / 1000).toFixed(3)}, max ${(row.max / 1000).toFixed(3)}, n=${runs})${rss ? `  peak RSS ${rss.toFixed(0)} MB` : ""}`);
  return row;
}

if (!existsSync(path.join(root, "dist", "cli.cjs"))) {
  console.error("dist/ is missing: run `npm run build` first.");
  process.exit(2);
}

const { tree, commit } = buildCorpus();
const bin = path.join(root, "bin", "promptvet.js");
const nm = path.join(root, "node_modules", ".bin");
console.log(`promptvet benchmark — node ${process.version}, ${availableParallelism()} cores, ${RUNS} runs (large: ${LARGE_RUNS}), medians\n`);

const node0 = measure("node -e 0", process.execPath, ["-e", "0"], root, RUNS);
const small = measure("promptvet, 5-file commit (no cache)", process.execPath, [bin, "--no-cache", "--format", "compact", "."], commit, RUNS);
const smallColdStart = measure("  same, no compile cache (first run)", process.execPath, [bin, "--no-cache", "--format", "compact", "."], commit, RUNS, { env: { PROMPTVET_COMPILE_CACHE: "off" } });
const large = measure("promptvet, 1,000 md + 200 jsonl (no cache)", process.execPath, [bin, "--no-cache", "--format", "compact", "."], tree, LARGE_RUNS, { memory: true });
const largeOneThread = measure("  same, one thread (--concurrency off)", process.execPath, [bin, "--no-cache", "--concurrency", "off", "--format", "compact", "."], tree, LARGE_RUNS, { memory: true });
time(process.execPath, [bin, "--format", "compact", "."], tree); // fill the cache
const rerun = measure("promptvet, 1,200 files, unchanged re-run (cache)", process.execPath, [bin, "--format", "compact", "."], tree, RUNS);
const noneSmall = measure("promptvet, 5 files, no rules (floor)", process.execPath, [bin, "--no-cache", "-c", path.join(benchDir, "none.yaml"), "--format", "compact", "."], commit, RUNS);
const piiSmall = measure("promptvet, 5 files, PII + secrets only", process.execPath, [bin, "--no-cache", "-c", path.join(benchDir, "pii.yaml"), "--format", "compact", "."], commit, RUNS);
const noneLarge = measure("promptvet, 1,200 files, no rules (floor)", process.execPath, [bin, "--no-cache", "-c", path.join(benchDir, "none.yaml"), "--format", "compact", "."], tree, LARGE_RUNS);
const piiLarge = measure("promptvet, 1,200 files, PII + secrets only", process.execPath, [bin, "--no-cache", "-c", path.join(benchDir, "pii.yaml"), "--format", "compact", "."], tree, LARGE_RUNS);
const secretSmall = measure("secretlint 13, 5 files", path.join(nm, "secretlint"), ["--secretlintrc", path.join(benchDir, ".secretlintrc.json"), "**/*"], commit, RUNS);
const secretLarge = measure("secretlint 13, 1,200 files", path.join(nm, "secretlint"), ["--secretlintrc", path.join(benchDir, ".secretlintrc.json"), "**/*"], tree, LARGE_RUNS);
const mdSmall = measure("markdownlint-cli2, 5 files", path.join(nm, "markdownlint-cli2"), ["**/*.md"], commit, RUNS);
const mdLarge = measure("markdownlint-cli2, 1,000 md files", path.join(nm, "markdownlint-cli2"), ["**/*.md"], tree, LARGE_RUNS);

const ratio = (a, b) => (a.median / b.median).toFixed(2);
console.log("\nratios (targets in brackets)");
console.log(`  5 files vs node -e 0          ${ratio(small, node0)}x  [<= 3]`);
console.log(`  5 files vs secretlint         ${ratio(small, secretSmall)}x  [<= 1.0]`);
console.log(`  1,000 files vs markdownlint   ${ratio(large, mdLarge)}x  [<= 0.25]`);
console.log(`  1,000 files vs secretlint     ${ratio(large, secretLarge)}x  [<= 3]`);
console.log(`  unchanged re-run vs node -e 0 ${ratio(rerun, node0)}x  [<= 1.5]`);
console.log(`  peak memory, 1,000 files      ${large.rss.toFixed(0)} MB  [< 300] (one thread: ${largeOneThread.rss.toFixed(0)} MB, ${(largeOneThread.median / 1000).toFixed(2)} s)`);
console.log(`  (markdownlint-cli2 on 5 files: ${(mdSmall.median / 1000).toFixed(3)} s)`);
const share = (part, none, all) => `${Math.max(0, ((part.median - none.median) / Math.max(1, all.median - none.median)) * 100).toFixed(0)}%`;
console.log(`  PII + secrets share of rule time: 5 files ${share(piiSmall, noneSmall, small)}, 1,200 files ${share(piiLarge, noneLarge, large)}`);

// Tokenizer load time, throughput and its share of a commit (in-process measurements).
console.log("\ntokenizers");
spawnSync("npx", ["tsx", path.join(root, "scripts", "bench-tokens.ts"), "--runs", "2"], { cwd: root, stdio: "inherit" });
