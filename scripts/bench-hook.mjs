/**
 * What the pre-commit hook costs a developer: promptvet packed as it would be published, installed into a fresh
 * `npm init -y` project with husky, `npx promptvet init` as written, then commits timed with the hook and with
 * `--no-verify`, interleaved so both see the same load. The cost is the difference of the medians, for a commit of
 * a .js file only, of 1 prompt file and of 5 prompt files, in wall time and in CPU time (git, the hook and
 * everything it starts), which a loaded machine inflates much less.
 *
 *   npm run bench:hook            (builds first)
 *   node scripts/bench-hook.mjs [--runs N] [--json]
 *
 * `measureHookCost()` returns the figures for `npm run bench`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const PROMPT = (n, i) =>
  `# Support assistant ${n}\n\nYou are the support assistant of an online shop. Answer in English, briefly and politely.\n\n## Orders\n\nRun ${i}: look the order up before you answer, and say when it ships.\n`;

const CASES = [
  { name: "only a .js file", files: (i) => [[`src/module-${i}.js`, `export const value${i} = ${i};\n`]] },
  { name: "1 prompt file", files: (i) => [[`prompts/one-${i}.md`, PROMPT("one", i)]] },
  { name: "5 prompt files", files: (i) => Array.from({ length: 5 }, (_, k) => [`prompts/five-${i}-${k}.md`, PROMPT(`five ${k}`, i)]) },
];

function sh(cmd, args, cwd, env = {}) {
  const result = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A fresh project with the packed promptvet and husky installed and `promptvet init` run; returns its folder. */
function freshProject(temp, tarball) {
  const project = path.join(temp, "project");
  mkdirSync(project);
  sh("git", ["init", "-q", "-b", "main"], project);
  sh("git", ["config", "user.email", "dev@example.com"], project);
  sh("git", ["config", "user.name", "Dev"], project);
  sh("git", ["config", "commit.gpgsign", "false"], project);
  sh("npm", ["init", "-y"], project);
  sh("npm", ["install", "--save-dev", "--no-audit", "--no-fund", "--prefer-offline", tarball, "husky@9"], project);
  sh("npx", ["--no-install", "promptvet", "init"], project);
  writeFileSync(path.join(project, ".gitignore"), "node_modules/\n");
  sh("git", ["add", "-A"], project);
  sh("git", ["commit", "-q", "-m", "set up promptvet"], project);
  return project;
}

function timedCommit(project, files, noVerify) {
  for (const [rel, text] of files) {
    mkdirSync(path.dirname(path.join(project, rel)), { recursive: true });
    writeFileSync(path.join(project, rel), text);
  }
  sh("git", ["add", "--", ...files.map(([rel]) => rel)], project);
  const args = ["commit", "-q", "-m", "bench", ...(noVerify ? ["--no-verify"] : [])];
  // `times` (POSIX sh) reports the CPU time of the shell's children: git, the hook and everything it started.
  // CPU time is what a busy machine does not inflate; wall time is what the developer waits.
  const script = 'git "$@" >/dev/null 2>&1; s=$?; times; exit $s';
  const start = process.hrtime.bigint();
  const result = spawnSync("sh", ["-c", script, "sh", ...args], { cwd: project, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed (${result.status})`);
  const children = result.stdout.trim().split("\n").at(-1).trim().split(/\s+/).map(shTime);
  return { wall, cpu: children[0] + children[1] };
}

/** `0m0.350s` -> 0.35 */
function shTime(text) {
  const m = /^(\d+)m([\d.]+)s$/.exec(text);
  if (!m) throw new Error(`unexpected output of times: ${text}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/**
 * Packs promptvet (its dist/ must be built), installs it into a fresh project and times `runs` commits of each
 * case with the hook and as many with `--no-verify`. Seconds; `cost` is the median wall time with the hook minus
 * the median without, `cpuCost` the same in CPU time.
 */
export async function measureHookCost({ runs = 5, log = () => {} } = {}) {
  const temp = mkdtempSync(path.join(os.tmpdir(), "promptvet-bench-hook-"));
  try {
    log("packing and installing into a fresh project...");
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", temp, "--ignore-scripts"], { cwd: PROJECT_ROOT, encoding: "utf8" });
    const tarball = path.join(temp, JSON.parse(out)[0].filename);
    const project = freshProject(temp, tarball);
    const loadBefore = os.loadavg()[0];
    const cases = [];
    let n = 0;
    for (const c of CASES) {
      // One warm-up pair: the first commit of a kind pays for cold file caches.
      timedCommit(project, c.files(n++), false);
      timedCommit(project, c.files(n++), true);
      const withHook = [];
      const noVerify = [];
      for (let i = 0; i < runs; i++) {
        withHook.push(timedCommit(project, c.files(n++), false));
        noVerify.push(timedCommit(project, c.files(n++), true));
      }
      const figures = {
        name: c.name,
        withHook: median(withHook.map((t) => t.wall)),
        noVerify: median(noVerify.map((t) => t.wall)),
        withHookCpu: median(withHook.map((t) => t.cpu)),
        noVerifyCpu: median(noVerify.map((t) => t.cpu)),
      };
      cases.push({ ...figures, cost: figures.withHook - figures.noVerify, cpuCost: figures.withHookCpu - figures.noVerifyCpu });
      log(`${c.name}: ${figures.withHook.toFixed(3)} s with the hook, ${figures.noVerify.toFixed(3)} s --no-verify`);
    }
    return { runs, cores: os.cpus().length, loadavg: [loadBefore, os.loadavg()[0]], cases };
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

export function formatHookCost(result) {
  const lines = [
    `Hook cost (packed install, npx promptvet init, median of ${result.runs} commits; ${result.cores} cores, load ${result.loadavg.map((l) => l.toFixed(2)).join(" → ")})`,
    "| commit | with the hook | --no-verify | the hook costs | its CPU time |",
    "|---|---|---|---|---|",
    ...result.cases.map((c) => `| ${c.name} | ${c.withHook.toFixed(3)} s | ${c.noVerify.toFixed(3)} s | ${c.cost.toFixed(3)} s | ${c.cpuCost.toFixed(3)} s |`),
  ];
  return `${lines.join("\n")}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
  const result = await measureHookCost({ runs, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(args.includes("--json") ? `${JSON.stringify(result, null, 2)}\n` : formatHookCost(result));
}
