// Benchmark: wall time of promptvet on a 5-file commit and a 1,000-file tree (plus 200 JSONL few-shot files),
// next to `node -e 0`, secretlint and markdownlint-cli2 on the same files, measured in one run; also
// `--version`, an unchanged re-run of the tree (a git repository) answered from the cache, a 20 MB file staged
// and in the working tree, and the commit hook's cost (scripts/bench-hook.mjs) when that script is there.
// Commands compared with each other are run interleaved (A B C A B C ...), so load from elsewhere falls on all
// of them alike; the load average is printed before and after.
// Usage: npm run bench [-- --runs 5] [--bin ../other-checkout/bin/promptvet.js]
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

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
  // The tree is a committed git repository, as a project's prompts are: its re-run is answered by blob id.
  gitInit(tree);
  // A 20 MB plain-text prompt, staged: read from the index through git cat-file or from the working tree.
  const big = path.join(benchDir, "big");
  mkdirSync(path.join(big, "prompts"), { recursive: true });
  const lines = [];
  for (let size = 0; size < 20 * 1024 * 1024; ) {
    const line = `${sentence()} ${sentence()}\n`;
    lines.push(line);
    size += line.length;
  }
  writeFileSync(path.join(big, "prompts", "big.txt"), lines.join(""));
  writeFileSync(path.join(big, "promptvet.config.yaml"), 'files: ["prompts/**/*.txt"]\nmaxFileSize: 30000000\nextends: []\nrules:\n  hygiene/invisible-characters: error\n  pii/email: error\n');
  gitInit(big, { commit: false });
  return { tree, commit, big };
}

function gitInit(dir, { commit = true } = {}) {
  const git = (...args) => execFileSync("git", args, { cwd: dir, stdio: "ignore" });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  if (commit) git("-c", "user.email=bench@example.com", "-c", "user.name=bench", "-c", "commit.gpgsign=false", "commit", "-q", "-m", "bench");
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

/**
 * Times several commands interleaved: one warm-up run each (file cache, compile cache), then `runs` rounds of
 * each command once. Returns one row per command, in order, and prints them.
 */
function measureGroup(specs, runs) {
  for (const spec of specs) time(spec.cmd, spec.args, spec.cwd, spec.opts);
  const samples = specs.map(() => []);
  const rss = specs.map(() => 0);
  for (let round = 0; round < runs; round++) {
    specs.forEach((spec, i) => {
      const t = time(spec.cmd, spec.args, spec.cwd, spec.opts);
      samples[i].push(t.ms);
      if (t.rssMb) rss[i] = Math.max(rss[i], t.rssMb);
    });
  }
  return specs.map((spec, i) => {
    const sorted = samples[i].sort((a, b) => a - b);
    const row = { label: spec.label, median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1], rss: rss[i] };
    console.log(`${spec.label.padEnd(50)} ${(row.median / 1000).toFixed(3)} s  (min ${(row.min / 1000).toFixed(3)}, max ${(row.max / 1000).toFixed(3)}, n=${runs})${row.rss ? `  peak RSS ${row.rss.toFixed(0)} MB` : ""}`);
    return row;
  });
}

const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");

if (!existsSync(path.join(root, "dist", "cli.cjs"))) {
  console.error("dist/ is missing: run `npm run build` first.");
  process.exit(2);
}

const { tree, commit, big } = buildCorpus();
// `--bin <path>` times another build's launcher (an earlier checkout) on the same corpus.
const binArg = process.argv.indexOf("--bin");
const bin = binArg > 0 ? path.resolve(process.argv[binArg + 1]) : path.join(root, "bin", "promptvet.js");
const nm = path.join(root, "node_modules", ".bin");
const node = process.execPath;
const pv = (label, args, cwd, opts) => ({ label, cmd: node, args: [bin, ...args], cwd, opts });
const secretlint = (label, cwd) => ({ label, cmd: path.join(nm, "secretlint"), args: ["--secretlintrc", path.join(benchDir, ".secretlintrc.json"), "**/*"], cwd });
const markdownlint = (label, cwd) => ({ label, cmd: path.join(nm, "markdownlint-cli2"), args: ["**/*.md"], cwd });
console.log(`promptvet benchmark (${path.relative(root, bin) || bin}) — node ${process.version}, ${availableParallelism()} cores, ${RUNS} runs (large: ${LARGE_RUNS}), medians`);
console.log(`load average at start: ${load()}\n`);

const [node0, version, help, small, secretSmall, mdSmall] = measureGroup([
  { label: "node -e 0", cmd: node, args: ["-e", "0"], cwd: root },
  pv("promptvet --version", ["--version"], root),
  pv("promptvet --help", ["--help"], root),
  pv("promptvet, 5-file commit (no cache)", ["--no-cache", "--format", "compact", "."], commit),
  secretlint("secretlint 13, 5 files", commit),
  markdownlint("markdownlint-cli2, 5 files", commit),
], RUNS);
const [smallColdStart, noneSmall, piiSmall] = measureGroup([
  pv("  5 files, no compile cache (first run)", ["--no-cache", "--format", "compact", "."], commit, { env: { PROMPTVET_COMPILE_CACHE: "off" } }),
  pv("  5 files, no rules (floor)", ["--no-cache", "-c", path.join(benchDir, "none.yaml"), "--format", "compact", "."], commit),
  pv("  5 files, PII + secrets only", ["--no-cache", "-c", path.join(benchDir, "pii.yaml"), "--format", "compact", "."], commit),
], RUNS);
const [large, secretLarge, mdLarge] = measureGroup([
  pv("promptvet, 1,000 md + 200 jsonl (no cache)", ["--no-cache", "--format", "compact", "."], tree, { memory: true }),
  secretlint("secretlint 13, 1,200 files", tree),
  markdownlint("markdownlint-cli2, 1,000 md files", tree),
], LARGE_RUNS);
const [largeOneThread, noneLarge, piiLarge] = measureGroup([
  pv("  same, one thread (--concurrency off)", ["--no-cache", "--concurrency", "off", "--format", "compact", "."], tree, { memory: true }),
  pv("  1,200 files, no rules (floor)", ["--no-cache", "-c", path.join(benchDir, "none.yaml"), "--format", "compact", "."], tree),
  pv("  1,200 files, PII + secrets only", ["--no-cache", "-c", path.join(benchDir, "pii.yaml"), "--format", "compact", "."], tree),
], LARGE_RUNS);
time(node, [bin, "--format", "compact", "."], tree); // fill the cache
time(node, [bin, "."], tree);
const [node0b, rerun, rerunStylish, rerunFull] = measureGroup([
  { label: "node -e 0", cmd: node, args: ["-e", "0"], cwd: root },
  pv("promptvet, 1,200 files, unchanged re-run (cache)", ["--format", "compact", "."], tree),
  pv("  same, stylish report (code frames read the files)", ["."], tree),
  pv("  same, compact, without the run record (bundle loads)", ["--format", "compact", "."], tree, { env: { PROMPTVET_RUN_MEMO: "off" } }),
], RUNS);
const [bigTree, bigStaged] = measureGroup([
  pv("promptvet, 20 MB file from the working tree", ["--no-cache", "--format", "compact", "prompts/big.txt"], big),
  pv("promptvet, same 20 MB file staged (--staged)", ["--no-cache", "--format", "compact", "--staged"], big),
], Math.min(RUNS, 3));

const ratio = (a, b) => (a.median / b.median).toFixed(2);
console.log(`\nratios (targets in brackets); load average now: ${load()}`);
console.log(`  --version vs node -e 0            ${ratio(version, node0)}x  [<= 1.5]`);
console.log(`  --help vs node -e 0               ${ratio(help, node0)}x  [<= 1.5]`);
console.log(`  5 files vs node -e 0              ${ratio(small, node0)}x  [<= 3]`);
console.log(`  5 files vs secretlint             ${ratio(small, secretSmall)}x  [<= 1.0]`);
console.log(`  1,200 files vs markdownlint       ${ratio(large, mdLarge)}x  [<= 0.5]`);
console.log(`  1,200 files vs secretlint         ${ratio(large, secretLarge)}x  [<= 3]`);
console.log(`  unchanged re-run vs node -e 0     ${ratio(rerun, node0b)}x  [<= 2]  (stylish: ${ratio(rerunStylish, node0b)}x; without the run record: ${ratio(rerunFull, node0b)}x)`);
console.log(`  20 MB staged vs working tree      ${ratio(bigStaged, bigTree)}x  [<= 1.5]`);
console.log(`  peak memory, 1,200 files          ${large.rss.toFixed(0)} MB  [< 300] (one thread: ${largeOneThread.rss.toFixed(0)} MB, ${(largeOneThread.median / 1000).toFixed(2)} s)`);
console.log(`  (markdownlint-cli2 on 5 files: ${(mdSmall.median / 1000).toFixed(3)} s; 5 files without compile cache: ${(smallColdStart.median / 1000).toFixed(3)} s)`);
const share = (part, none, all) => `${Math.max(0, ((part.median - none.median) / Math.max(1, all.median - none.median)) * 100).toFixed(0)}%`;
console.log(`  PII + secrets share of rule time: 5 files ${share(piiSmall, noneSmall, small)}, 1,200 files ${share(piiLarge, noneLarge, large)}`);

// The commit hook's cost (a packed install, a real `git commit` with and without the hook), measured by its own script.
const hookScript = path.join(root, "scripts", "bench-hook.mjs");
if (existsSync(hookScript)) {
  console.log("\ncommit hook");
  const hook = await import(pathToFileURL(hookScript).href);
  if (typeof hook.measureHookCost === "function") {
    const result = await hook.measureHookCost({ runs: RUNS, log: (line) => console.log(`  ${line}`) });
    console.log(typeof hook.formatHookCost === "function" ? hook.formatHookCost(result) : JSON.stringify(result, null, 2));
    for (const c of result.cases ?? []) {
      const target = /only|without|no prompt/i.test(c.name) ? 0.25 : /5/.test(c.name) ? 0.6 : undefined;
      if (target !== undefined) console.log(`  hook cost, ${c.name.padEnd(24)} ${c.cost.toFixed(3)} s  [<= ${target}]`);
    }
  } else {
    console.log("  scripts/bench-hook.mjs exports no measureHookCost: hook cost not measured.");
  }
} else {
  console.log("\ncommit hook: scripts/bench-hook.mjs is not there, hook cost not measured.");
}

// Tokenizer load time, throughput and its share of a commit (in-process measurements).
console.log("\ntokenizers");
spawnSync("npx", ["tsx", path.join(root, "scripts", "bench-tokens.ts"), "--runs", "2"], { cwd: root, stdio: "inherit" });
