/**
 * Differential check for the markdown parser: prints one line per markdown file with a hash of the parsed
 * document (segments, maps, examples, comments, problems, ...) and a hash of every lint finding under all rules.
 * Run it from two checkouts and diff the outputs:
 *   npx tsx tests/parse/tools/markdown-differential.ts <files or folders...> > out.tsv
 *   npx tsx tests/parse/tools/markdown-differential.ts --detail <file>   (full JSON of one file)
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { builtinRules } from "../../../rules/index.js";
import { lintDocument } from "../../../src/engine/linter.js";
import { detectFormat, parseDocument } from "../../../src/parse/index.js";

const args = process.argv.slice(2);
const detail = args[0] === "--detail";
const roots = detail ? args.slice(1) : args;

function* walk(path: string): Generator<string> {
  const stat = statSync(path);
  if (stat.isFile()) {
    yield path;
    return;
  }
  for (const name of readdirSync(path).sort()) {
    if (name === "node_modules" || name === ".git") continue;
    yield* walk(join(path, name));
  }
}

const rules = builtinRules.map((rule) => ({ rule, severity: 1 as const }));
const hash = (value: unknown) => createHash("sha1").update(JSON.stringify(value)).digest("hex").slice(0, 16);

function documentView(doc: ReturnType<typeof parseDocument>) {
  return {
    body: doc.body,
    frontmatter: doc.frontmatter && { range: doc.frontmatter.range, contentRange: doc.frontmatter.contentRange, keys: [...doc.frontmatter.keys], errors: doc.frontmatter.errors },
    segments: doc.segments.map((s) => ({ ...s, map: [s.map.toSource(0), s.map.toSource(s.text.length), s.map.isVerbatim] })),
    variables: doc.variables,
    tags: doc.tags,
    inputs: doc.inputs,
    examples: doc.examples,
    comments: doc.comments,
    problems: doc.problems,
  };
}

for (const root of roots) {
  for (const file of walk(resolve(root))) {
    let format;
    try {
      format = detectFormat(file);
    } catch {
      continue;
    }
    if (format !== "markdown") continue;
    let source = readFileSync(file, "utf8");
    const bom = source.charCodeAt(0) === 0xfeff;
    if (bom) source = source.slice(1);
    const doc = parseDocument({ path: file, source, format, bom });
    const view = documentView(doc);
    const out = await lintDocument(doc, { rules });
    const messages = out.messages.map((m) => ({ ...m }));
    if (detail) console.log(JSON.stringify({ file, view, messages }, null, 1));
    else console.log(`${file}\t${hash(view)}\t${hash(messages)}`);
  }
}
