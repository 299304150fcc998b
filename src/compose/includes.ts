/**
 * Include tags and where their files live: Handlebars/Mustache/Dotprompt partials (`{{> name}}`) and Jinja
 * includes (`{% include "x.j2" %}`). Patterns are anchored on literal delimiters and use negated classes,
 * so a long line costs linear time.
 */
import path from "node:path";
import type { Format, Range } from "../model/document.js";

export interface IncludeTag {
  syntax: "handlebars" | "jinja";
  /** The name as written (`footer`, `partials/tone.j2`). */
  name: string;
  /** The whole tag, delimiters included. */
  range: Range;
  /** `{% include "x" ignore missing %}`: a missing file is not an error. */
  optional: boolean;
}

const HANDLEBARS_PARTIAL = /\{\{~?>\s*("[^"\n]{1,300}"|'[^'\n]{1,300}'|[\w./-]{1,300})[^}\n]{0,500}\}\}/g;
const JINJA_INCLUDE = /\{%-?\s*include\s+("[^"\n]{1,300}"|'[^'\n]{1,300}')([^%\n]{0,500})%\}/g;
const RAW_BLOCK = /\{\{\{\{raw\}\}\}\}|\{%-?\s*raw\s*-?%\}/;

/** Which include syntaxes a format understands. */
export function includeSyntaxes(format: Format): IncludeTag["syntax"][] {
  switch (format) {
    case "jinja":
      return ["jinja"];
    case "dotprompt":
    case "mustache":
      return ["handlebars"];
    case "markdown":
    case "text":
    case "prompty":
      return ["handlebars", "jinja"];
    default:
      return [];
  }
}

/** Include tags of `text[from, to)`, in source order. */
export function findIncludes(text: string, format: Format, from = 0, to = text.length): IncludeTag[] {
  const syntaxes = includeSyntaxes(format);
  if (syntaxes.length === 0) return [];
  const slice = text.slice(from, to);
  // Templates with raw blocks may show tags as text; composition leaves such files alone.
  if (RAW_BLOCK.test(slice)) return [];
  const out: IncludeTag[] = [];
  if (syntaxes.includes("handlebars") && slice.includes("{{")) {
    for (const m of slice.matchAll(HANDLEBARS_PARTIAL)) {
      const name = unquote(m[1]!);
      out.push({ syntax: "handlebars", name, range: [from + m.index!, from + m.index! + m[0].length], optional: false });
    }
  }
  if (syntaxes.includes("jinja") && slice.includes("{%")) {
    for (const m of slice.matchAll(JINJA_INCLUDE)) {
      out.push({
        syntax: "jinja",
        name: unquote(m[1]!),
        range: [from + m.index!, from + m.index! + m[0].length],
        optional: /\bignore\s+missing\b/.test(m[2]!),
      });
    }
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

function unquote(s: string): string {
  return (s.startsWith('"') || s.startsWith("'")) ? s.slice(1, -1) : s;
}

const PARTIAL_EXTENSIONS = [".hbs", ".handlebars", ".mustache", ".prompt", ".md", ".txt"];

/**
 * Files a partial may live in, most likely first. Partials: the name with its extension, then Dotprompt's
 * `partials/_name.prompt` layout, then `name.<ext>` / `partials/name.<ext>` / `_name.<ext>` next to the
 * prompt. Jinja includes: relative to the including file, then to each enclosing folder (a loader root is
 * usually a parent `prompts/` or `templates/` folder).
 */
export function includeCandidates(includingFile: string, tag: Pick<IncludeTag, "syntax" | "name">): string[] {
  const dir = path.dirname(includingFile);
  const name = tag.name;
  if (tag.syntax === "jinja") {
    const out = [path.resolve(dir, name)];
    let cur = dir;
    for (let i = 0; i < 6; i++) {
      const parent = path.dirname(cur);
      if (parent === cur) break;
      cur = parent;
      out.push(path.resolve(cur, name));
    }
    return out;
  }
  const sub = path.dirname(name);
  const base = path.basename(name);
  const own = path.extname(includingFile);
  const out: string[] = [];
  if (path.extname(name) !== "") out.push(path.resolve(dir, name));
  out.push(path.resolve(dir, "partials", sub, `_${base}.prompt`), path.resolve(dir, "partials", sub, `${base}.prompt`), path.resolve(dir, sub, `_${base}.prompt`));
  for (const ext of [own, ...PARTIAL_EXTENSIONS.filter((e) => e !== own)]) {
    if (!ext) continue;
    out.push(path.resolve(dir, sub, `${base}${ext}`), path.resolve(dir, "partials", sub, `${base}${ext}`), path.resolve(dir, sub, `_${base}${ext}`));
  }
  return [...new Set(out)];
}
