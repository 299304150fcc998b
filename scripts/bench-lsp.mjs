// Language server speed and memory: how long a warm `promptvet lsp` takes from a change of a 10 KB prompt to
// the diagnostics of that version (p50/p95 over 100 edits, over its real stdio transport), and its memory over
// 1,000 more edits: the heap after a full garbage collection (the server is run in this process for that, so
// the script restarts itself with --expose-gc) and the process's resident size. A benchmark to run by hand
// (`npm run bench:lsp`), not a test.
//
// The prompt is a real ~10 KB system prompt from ../shared/corpora when that folder is there (copied into a
// temp folder for the run), else the example repository's system prompt repeated to 10 KB.
//   node scripts/bench-lsp.mjs [--edits 100] [--soak 1000] [--file path/to/prompt.md]
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { PassThrough } from "node:stream";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";

if (typeof globalThis.gc !== "function") {
  const again = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(again.status ?? 1);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { edits: { type: "string", default: "100" }, soak: { type: "string", default: "1000" }, file: { type: "string" } } });
const EDITS = Number(values.edits);
const SOAK = Number(values.soak);
const CORPUS_FILE = path.join(root, "..", "shared", "corpora", "system_prompts_leaks_asgeirtj", "Microsoft__vscode-copilot-agent.md");

function promptText() {
  if (values.file) return { text: readFileSync(values.file, "utf8"), origin: values.file };
  if (existsSync(CORPUS_FILE)) return { text: readFileSync(CORPUS_FILE, "utf8"), origin: path.relative(root, CORPUS_FILE) };
  const example = readFileSync(path.join(root, "examples", "support-bot", "prompts", "system.md"), "utf8");
  let text = example;
  while (text.length < 10 * 1024) text += `\n${example.replace(/^---[\s\S]*?---\n/, "")}`;
  return { text, origin: "examples/support-bot/prompts/system.md, repeated" };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const mb = (bytes) => (bytes / (1024 * 1024)).toFixed(1);

const { text, origin } = promptText();
const dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-bench-lsp-"));
mkdirSync(path.join(dir, "prompts"));
writeFileSync(path.join(dir, "promptvet.config.yaml"), 'files: ["prompts/**"]\n');
const file = path.join(dir, "prompts", "prompt.md");
writeFileSync(file, text);
const uri = pathToFileURL(file).href;

/** A server over its real transport: `promptvet lsp --stdio` in a child process. */
function childServer() {
  const child = spawn(process.execPath, [path.join(root, "bin", "promptvet.js"), "lsp", "--stdio"], { cwd: dir, stdio: ["pipe", "pipe", "inherit"] });
  return { reader: child.stdout, writer: child.stdin, stop: () => child.kill() };
}

/** The same server bundle in this process, over in-memory streams, so its heap can be measured. */
function inProcessServer() {
  const { runLanguageServer } = createRequire(import.meta.url)(path.join(root, "dist", "lsp.cjs"));
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  void runLanguageServer({ stdin: toServer, stdout: fromServer, stderr: process.stderr });
  return { reader: fromServer, writer: toServer, stop: () => undefined };
}

let connection;
const waiting = new Map();
let findings = 0;
/** What the server gets when it asks for the `promptvet` settings. */
let settings = {};

function connect(server) {
  connection = createMessageConnection(new StreamMessageReader(server.reader), new StreamMessageWriter(server.writer));
  connection.onNotification("textDocument/publishDiagnostics", (p) => {
    if (p.uri !== uri) return;
    findings = p.diagnostics.length;
    waiting.get(p.version)?.(performance.now());
    waiting.delete(p.version);
  });
  connection.onRequest("client/registerCapability", () => null);
  connection.onRequest("workspace/configuration", () => [settings]);
  connection.listen();
}

const published = (version) => new Promise((resolve) => waiting.set(version, resolve));
let version = 1;
let current = text;

/** One keystroke: a character typed at, or deleted from, a spot that moves through the text. */
async function edit(i) {
  const lines = current.split("\n");
  const line = (i * 7) % lines.length;
  const character = Math.min(lines[line].length, (i * 13) % 60);
  const insert = i % 2 === 0;
  const change = insert
    ? { range: { start: { line, character }, end: { line, character } }, text: "x" }
    : { range: { start: { line: prevEdit.line, character: prevEdit.character }, end: { line: prevEdit.line, character: prevEdit.character + 1 } }, text: "" };
  prevEdit = { line, character };
  current = applyChange(current, change);
  version++;
  const done = published(version);
  const sent = performance.now();
  await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [change] });
  return (await done) - sent;
}
let prevEdit = { line: 0, character: 0 };

function applyChange(textNow, change) {
  const lines = textNow.split("\n");
  const offset = (pos) => lines.slice(0, pos.line).reduce((n, l) => n + l.length + 1, 0) + pos.character;
  return textNow.slice(0, offset(change.range.start)) + change.text + textNow.slice(offset(change.range.end));
}

async function latencies(n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await edit(i));
  return out.sort((a, b) => a - b);
}

async function openWarm() {
  version = 1;
  current = text;
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: "bench" }],
    capabilities: { workspace: { configuration: true } },
  });
  await connection.sendNotification("initialized", {});
  const opened = published(1);
  await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version: 1, text } });
  await opened;
  await latencies(20); // warm-up: the JIT, the first lints of every rule
}

const f = (ms) => `${ms.toFixed(1)} ms`;
const child = childServer();
try {
  connect(child);
  await openWarm();
  const latency = await latencies(EDITS);
  await connection.sendRequest("shutdown");
  await connection.sendNotification("exit");
  connection.dispose();

  connect(inProcessServer());
  await openWarm();
  const heap = [];
  const rss = [];
  const inProcess = [];
  const cpu = [];
  for (let i = 0; i < SOAK; i++) {
    const before = process.cpuUsage();
    const ms = await edit(i);
    if (i < EDITS) {
      const used = process.cpuUsage(before);
      inProcess.push(ms);
      cpu.push((used.user + used.system) / 1000);
    }
    if ((i + 1) % (SOAK / 10) === 0) {
      globalThis.gc();
      heap.push(process.memoryUsage().heapUsed);
      rss.push(process.memoryUsage().rss);
    }
  }
  connection.dispose();

  console.log(`prompt: ${origin} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB, ${findings} findings)`);
  console.log(`cpus: ${os.cpus().length}, load average: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log(`change -> diagnostics over stdio (warm, defaults): p50 ${f(percentile(latency, 50))}, p95 ${f(percentile(latency, 95))}, max ${f(latency.at(-1))} (${EDITS} edits)`);
  inProcess.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  // On a shared machine the wall time is mostly waiting for a core; the CPU time is what a lint costs.
  console.log(`same, server in this process:  wall p50 ${f(percentile(inProcess, 50))}, p95 ${f(percentile(inProcess, 95))}; CPU time p50 ${f(percentile(cpu, 50))}, p95 ${f(percentile(cpu, 95))}`);
  console.log(`heap after GC every ${SOAK / 10} of ${SOAK} edits (MB): ${heap.map(mb).join(" ")}`);
  console.log(`resident size at the same points (MB): ${rss.map(mb).join(" ")}`);
} finally {
  child.stop();
  rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
