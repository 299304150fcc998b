/**
 * Shared helpers for formats whose body is prose with template tags: choose the variable syntaxes,
 * then cut the body into role-tagged paragraph segments around comments and role markers.
 */
import type { Range, SegmentRole } from "../model/document.js";
import { type DocumentBuilder, paragraphs, trimRange } from "./builder.js";
import { scanHandlebars, type TemplateScan } from "./handlebars.js";
import { scanJinja } from "./jinja.js";
import { Finder, isIdentPart, isIdentStart } from "./scan-util.js";

export type TemplateEngine = "jinja" | "mustache" | "handlebars" | "none";

/** Which `{{ }}` dialect a free-form file (markdown, text) most likely uses. */
export function guessEngine(source: string, range: Range): TemplateEngine {
  const finder = new Finder(source, range[1]);
  const stmt = finder.indexOf("{%", range[0]);
  const comment = finder.indexOf("{#", range[0]);
  if (stmt !== -1 || comment !== -1) return "jinja";
  const open = finder.indexOf("{{", range[0]);
  if (open === -1) return "none";
  // A filter pipe in the first tag (`{{ name | upper }}`) is Jinja; otherwise treat as Mustache.
  const close = finder.indexOf("}}", open + 2);
  if (close !== -1 && close - open < 200 && source.slice(open, close).includes("|")) return "jinja";
  return "mustache";
}

/** Maps a template engine name from frontmatter (`jinja2`, `nunjucks`, `mustache`, `handlebars`, `f-string`). */
export function engineFromName(name: unknown): TemplateEngine | "fstring" | undefined {
  if (typeof name !== "string") return undefined;
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, "");
  if (n === "jinja" || n === "jinja2" || n === "nunjucks") return "jinja";
  if (n === "mustache") return "mustache";
  if (n === "handlebars" || n === "hbs") return "handlebars";
  if (n === "fstring" || n === "python") return "fstring";
  if (n === "none" || n === "raw") return "none";
  return undefined;
}

export function scanTemplate(builder: DocumentBuilder, range: Range, engine: TemplateEngine | "fstring"): TemplateScan {
  if (engine === "jinja") return scanJinja(builder, range);
  if (engine === "mustache" || engine === "handlebars") return scanHandlebars(builder, range, { syntax: engine });
  if (engine === "fstring") scanFString(builder, range);
  return { cuts: [], roleMarkers: [] };
}

/** `{name}`, `{user.name}`, `{x!r}`, `{x:>10}`; `{{` and `}}` are escapes. Linear. */
export function scanFString(builder: DocumentBuilder, range: Range): void {
  const source = builder.source;
  let i = range[0];
  while (i < range[1]) {
    const c = source[i];
    if (c === "{" && source[i + 1] === "{") {
      i += 2;
      continue;
    }
    if (c !== "{") {
      i++;
      continue;
    }
    let j = i + 1;
    if (!isIdentStart(source.charCodeAt(j))) {
      i++;
      continue;
    }
    while (j < range[1] && isIdentPart(source.charCodeAt(j))) j++;
    const nameEnd = j;
    while (j < range[1] && (isIdentPart(source.charCodeAt(j)) || source[j] === "." || source[j] === "[" || source[j] === "]")) j++;
    const pathEnd = j;
    if (source[j] === "!" || source[j] === ":") {
      const limit = Math.min(range[1], j + 100);
      while (j < limit && source[j] !== "}" && source[j] !== "{" && source[j] !== "\n") j++;
    }
    if (source[j] !== "}") {
      i = j;
      continue;
    }
    builder.variables.push({
      name: source.slice(i + 1, nameEnd),
      path: source.slice(i + 1, pathEnd),
      syntax: "fstring",
      range: [i, j + 1],
      nameRange: [i + 1, nameEnd],
      kind: "variable",
    });
    i = j + 1;
  }
}

/** VS Code prompt-file variables: `${input:name}`, `${input:name:placeholder}`, `${selection}`, `${file}`. */
export function scanVscode(builder: DocumentBuilder, range: Range): void {
  const source = builder.source;
  const finder = new Finder(source, range[1]);
  let i = range[0];
  while (i < range[1]) {
    const open = finder.indexOf("${", i);
    if (open === -1) return;
    let j = open + 2;
    const limit = Math.min(range[1], j + 200);
    while (j < limit && source[j] !== "}" && source[j] !== "\n" && source[j] !== "{") j++;
    if (source[j] !== "}" || j === open + 2) {
      i = open + 2;
      continue;
    }
    const inner = source.slice(open + 2, j);
    const colon = inner.indexOf(":");
    let name = inner;
    let nameStart = open + 2;
    if (colon !== -1) {
      const scheme = inner.slice(0, colon);
      if (scheme === "input" || scheme === "env" || scheme === "config" || scheme === "command") {
        const rest = inner.slice(colon + 1);
        const second = rest.indexOf(":");
        name = second === -1 ? rest : rest.slice(0, second);
        nameStart = open + 2 + colon + 1;
      } else name = scheme;
    }
    if (/^[A-Za-z_][\w.-]*$/.test(name)) {
      builder.variables.push({
        name,
        path: colon === -1 ? inner : inner.slice(0, nameStart - open - 2 + name.length),
        syntax: "vscode",
        range: [open, j + 1],
        nameRange: [nameStart, nameStart + name.length],
        kind: "variable",
      });
    }
    i = j + 1;
  }
}

/** Inner range of a template comment (`{# x #}`, `{{!-- x --}}`, `{{! x }}`), trimmed. */
function commentInner(source: string, range: Range): Range {
  let [s, e] = range;
  let k = 0;
  while (s < e && k < 5 && "{#!-~+".includes(source[s]!)) {
    s++;
    k++;
  }
  k = 0;
  while (e > s && k < 5 && "}#-~+".includes(source[e - 1]!)) {
    e--;
    k++;
  }
  return trimRange(source, [s, e]);
}

/**
 * Emits the prose of a template body: paragraphs between cuts (comments, role markers), each with the
 * role of the latest role marker before it, plus one "comment" segment per template comment.
 */
export function emitTemplateProse(builder: DocumentBuilder, range: Range, scan: TemplateScan, defaultRole: SegmentRole): void {
  const source = builder.source;
  const cuts = [...scan.cuts].sort((a, b) => a[0] - b[0]);
  const markers = [...scan.roleMarkers].sort((a, b) => a.range[0] - b.range[0]);
  let role = defaultRole;
  let markerIndex = 0;
  let pos = range[0];
  const emitRegion = (region: Range) => {
    for (const para of paragraphs(source, region)) builder.addVerbatim(para, role, "prose");
  };
  for (const cut of cuts) {
    if (cut[0] < pos) continue;
    emitRegion([pos, cut[0]]);
    while (markerIndex < markers.length && markers[markerIndex]!.range[0] <= cut[0]) role = markers[markerIndex++]!.role;
    pos = cut[1];
  }
  emitRegion([pos, range[1]]);
  for (const comment of builder.comments) {
    if (comment.syntax !== "jinja" && comment.syntax !== "handlebars") continue;
    const inner = commentInner(source, comment.range);
    if (inner[1] > inner[0]) builder.addVerbatim(inner, "comment", "comment");
  }
}
