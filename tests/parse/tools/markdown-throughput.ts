/**
 * In-process markdown parse throughput: the block tree alone and the whole `parseDocument`, over every
 * markdown file under the given folders (median of several rounds).
 *   npx tsx tests/parse/tools/markdown-throughput.ts .bench/tree
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseMarkdownTree } from "../../../src/parse/markdown.js";
import { parseDocument } from "../../../src/parse/index.js";

function* walk(path: string): Generator<string> {
  if (statSync(path).isFile()) {
    if (/\.(md|mdc)$/.test(path)) yield path;
    return;
  }
  for (const name of readdirSync(path).sort()) yield* walk(join(path, name));
}

const files = process.argv.slice(2).flatMap((root) => [...walk(root)]).map((path) => ({ path, source: readFileSync(path, "utf8") }));
const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.source), 0);
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(label: string, run: (f: (typeof files)[number]) => void) {
  const rounds: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t = performance.now();
    for (const f of files) run(f);
    rounds.push(performance.now() - t);
  }
  const ms = median(rounds);
  console.log(`${label}: ${ms.toFixed(0)} ms for ${files.length} files (${(bytes / 1e6).toFixed(2)} MB): ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s, ${(ms / files.length).toFixed(3)} ms/file`);
}

time("tree", (f) => parseMarkdownTree(f.source));
time("parseDocument", (f) => parseDocument({ path: f.path, source: f.source, format: "markdown" }));
