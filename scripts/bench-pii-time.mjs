// What the PII rules cost a commit-sized run, in CPU time (user + system) of the whole CLI process, so a busy
// machine's waiting does not count. Each set of 5 files is linted with no rules (start-up, reading, parsing) and
// with the nine pii/* rules only; the PII cost is the difference of the two minima over N runs.
//
//   npm run build && node scripts/bench-pii-time.mjs [--runs 15] [--base /path/to/other/checkout]
//
// --base compares with another built checkout of promptvet (its bin/promptvet.js), on the same files.
// Sets: "plain" (five synthetic prompts without personal data, like a usual commit), "pii" (five labelled files of
// tests/fixtures/pii-real/dev, so the phone and IBAN libraries load), and "corpora" (five real prompts from
// ../shared/corpora, read in place; skipped when absent).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const argValue = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const RUNS = Number(argValue("--runs") ?? 15);
const base = argValue("--base");

const PII_TYPES = ["email", "phone", "credit-card", "iban", "us-ssn", "ip-address", "person-name", "street-address", "date-of-birth"];
const work = mkdtempSync(path.join(tmpdir(), "promptvet-pii-time-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));

// The child reports its own CPU time (microseconds) as it exits: finer than GNU time's centiseconds.
const cpuReporter = path.join(work, "report-cpu.cjs");
writeFileSync(cpuReporter, 'process.on("exit", () => { const u = process.cpuUsage(); process.stderr.write(`\\nCPU-US ${u.user + u.system}\\n`); });\n');
const noneConfig = path.join(work, "none.yaml");
const piiConfig = path.join(work, "pii.yaml");
writeFileSync(noneConfig, 'files: ["**/*"]\nextends: []\n');
writeFileSync(piiConfig, `files: ["**/*"]\nextends: []\nrules:\n${PII_TYPES.map((t) => `  pii/${t}: error`).join("\n")}\n`);

// Deterministic synthetic prompts (the same shape as scripts/bench.mjs's commit).
let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const WORDS = "customer order refund delivery warranty answer question policy explain step example tone friendly concise product account invoice shipping carrier return replace escalate agent summary detail safety".split(" ");
const sentence = () => {
  const words = Array.from({ length: 6 + Math.floor(rand() * 12) }, () => WORDS[Math.floor(rand() * WORDS.length)]);
  return `${words[0][0].toUpperCase()}${words[0].slice(1)} ${words.slice(1).join(" ")}.`;
};
function plainSet() {
  const dir = path.join(work, "plain");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < 4; i++) {
    let text = `---\nmodel: gpt-4o\ndescription: Prompt ${i}\n---\n\n# Role\n\nYou are the assistant for product line ${i}.\n\n`;
    for (let s = 1; text.length < 4000; s++) text += `## Section ${s}\n\n- ${sentence()}\n- ${sentence()}\n\n${sentence()} ${sentence()}\n\nUser: ${sentence()}\nAssistant: ${sentence()}\n\n`;
    files.push(path.join(dir, `p${i}.md`));
    writeFileSync(files.at(-1), text);
  }
  const lines = Array.from({ length: 20 }, () => JSON.stringify({ messages: [{ role: "user", content: sentence() }, { role: "assistant", content: sentence() }] }));
  files.push(path.join(dir, "examples.jsonl"));
  writeFileSync(files.at(-1), `${lines.join("\n")}\n`);
  return files;
}

const dev = path.join(root, "tests/fixtures/pii-real/dev");
const sets = { plain: plainSet() };
if (existsSync(dev)) {
  sets.pii = ["f01-support-escalations.md", "f03-clinic-intake.jsonl", "f05-travel-bookings.yaml", "f09-telecom-support.md", "f21-real-estate-leads.jsonl"].map((f) => path.join(dev, f));
}
const corpora = path.resolve(root, "../shared/corpora");
if (existsSync(corpora)) {
  const pick = (folder, n) => readdirSync(path.join(corpora, folder), { recursive: true })
    .filter((f) => /\.(md|mdc|prompty|prompt|txt)$/.test(f)).sort().slice(0, n).map((f) => path.join(corpora, folder, f));
  sets.corpora = [...pick("system_prompts_leaks_asgeirtj", 2), ...pick("awesome-copilot_github", 2), ...pick("prompty_microsoft", 1)];
} else {
  console.log("(../shared/corpora is absent: the corpora set is skipped)");
}

/** CPU seconds (user + system) of one CLI run. */
function cpuOf(checkout, config, files) {
  const r = spawnSync(process.execPath, ["--require", cpuReporter, path.join(checkout, "bin/promptvet.js"), "--no-cache", "-c", config, "--format", "compact", ...files], {
    cwd: work,
    encoding: "utf8",
    // One V8 code cache folder per checkout: sharing one, each build would delete the other's cache.
    env: { ...process.env, NO_COLOR: "1", PROMPTVET_COMPILE_CACHE: path.join(work, `v8cache-${checkouts.findIndex(([, d]) => d === checkout)}`) },
  });
  const m = /CPU-US (\d+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`no CPU time from ${checkout}: ${r.stderr.slice(-400)}`);
  return Number(m[1]) / 1e6;
}

const checkouts = base ? [["base", path.resolve(base)], ["this", root]] : [["this", root]];
for (const [, dir] of checkouts) if (!existsSync(path.join(dir, "dist/cli.cjs"))) throw new Error(`${dir}: dist/ is missing, run npm run build there`);
console.log(`PII rules' CPU cost on 5-file sets, min of ${RUNS} runs (interleaved), node ${process.version}\n`);
console.log(`${"set".padEnd(9)}${"checkout".padEnd(10)}${"no rules".padStart(10)}${"pii rules".padStart(11)}${"PII cost".padStart(10)}`);
for (const [name, files] of Object.entries(sets)) {
  const mins = new Map(checkouts.map(([label]) => [label, { none: Infinity, pii: Infinity }]));
  // One warm-up each (file cache, V8 code cache), then runs interleaved so load changes hit every column alike.
  for (const [, dir] of checkouts) cpuOf(dir, piiConfig, files), cpuOf(dir, noneConfig, files);
  for (let i = 0; i < RUNS; i++) {
    for (const [label, dir] of checkouts) {
      const m = mins.get(label);
      m.none = Math.min(m.none, cpuOf(dir, noneConfig, files));
      m.pii = Math.min(m.pii, cpuOf(dir, piiConfig, files));
    }
  }
  for (const [label] of checkouts) {
    const m = mins.get(label);
    console.log(`${name.padEnd(9)}${label.padEnd(10)}${(m.none * 1000).toFixed(0).padStart(8)}ms${(m.pii * 1000).toFixed(0).padStart(9)}ms${((m.pii - m.none) * 1000).toFixed(0).padStart(8)}ms`);
  }
}
