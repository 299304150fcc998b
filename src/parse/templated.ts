/**
 * Formats whose body is a template with optional YAML frontmatter: prompty (role marker lines), dotprompt
 * (Handlebars with `{{role}}`), Jinja and Mustache files, and plain text.
 */
import type { Range, SegmentRole } from "../model/document.js";
import { type DocumentBuilder, lines } from "./builder.js";
import { declaredInputs, readFrontmatter } from "./frontmatter.js";
import { scanHandlebars, type TemplateScan } from "./handlebars.js";
import { scanJinja } from "./jinja.js";
import { emitTemplateProse, engineFromName, guessEngine, scanTemplate, scanVscode } from "./prose.js";

const PROMPTY_ROLES: Record<string, SegmentRole> = {
  system: "system", developer: "system", user: "user", human: "user", assistant: "assistant", ai: "assistant",
  model: "assistant", function: "tool", tool: "tool",
};

/** `system:` / `# user:` alone on a line (case-insensitive). Works on the trimmed line, so no backtracking. */
function promptyRole(source: string, line: Range): SegmentRole | undefined {
  let s = line[0];
  let e = line[1];
  while (s < e && (source[s] === " " || source[s] === "\t")) s++;
  while (e > s && (source[e - 1] === " " || source[e - 1] === "\t")) e--;
  if (e - s > 40 || source[e - 1] !== ":") return undefined;
  let k = s;
  if (source[k] === "#") {
    k++;
    while (k < e && (source[k] === " " || source[k] === "\t")) k++;
  }
  const word = source.slice(k, e - 1).trim().toLowerCase();
  return PROMPTY_ROLES[word];
}

function frontmatterValue(data: unknown, path: string[]): unknown {
  let value: unknown = data;
  for (const key of path) {
    if (!value || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

export function parsePrompty(builder: DocumentBuilder): void {
  const fm = readFrontmatter(builder, false);
  builder.inputs = declaredInputs(fm);
  // `template: jinja2`, `template: { format: mustache }` or `template: { format: { kind: nunjucks } }`.
  const data = fm?.data;
  const engine =
    engineFromName(frontmatterValue(data, ["template"])) ??
    engineFromName(frontmatterValue(data, ["template", "format"])) ??
    engineFromName(frontmatterValue(data, ["template", "format", "kind"])) ??
    engineFromName(frontmatterValue(data, ["template", "type"])) ??
    "jinja";
  const scan = scanTemplate(builder, builder.body, engine);
  for (const line of lines(builder.source, builder.body)) {
    const role = promptyRole(builder.source, line);
    if (role) {
      scan.roleMarkers.push({ range: line, role });
      scan.cuts.push(line);
    }
  }
  emitTemplateProse(builder, builder.body, scan, "system");
}

export function parseDotprompt(builder: DocumentBuilder): void {
  const fm = readFrontmatter(builder, true);
  builder.inputs = declaredInputs(fm);
  const scan = scanHandlebars(builder, builder.body, { syntax: "handlebars", dotprompt: true });
  emitTemplateProse(builder, builder.body, scan, "user");
}

/** `.j2`/`.jinja` and `.mustache`/`.hbs` files; frontmatter is honoured when present. */
export function parseTemplateFile(builder: DocumentBuilder, engine: "jinja" | "mustache"): void {
  const fm = readFrontmatter(builder, false);
  builder.inputs = declaredInputs(fm);
  let scan: TemplateScan;
  if (engine === "jinja") scan = scanJinja(builder, builder.body);
  else {
    // `.hbs`/`.handlebars` use Handlebars helpers; `.mustache` is logic-less.
    const handlebars = /\.(hbs|handlebars)$/i.test(builder.input.path);
    scan = scanHandlebars(builder, builder.body, { syntax: handlebars ? "handlebars" : "mustache" });
  }
  emitTemplateProse(builder, builder.body, scan, builder.proseRole);
}

export function parseText(builder: DocumentBuilder): void {
  const engine = guessEngine(builder.source, builder.body);
  const scan = scanTemplate(builder, builder.body, engine);
  scanVscode(builder, builder.body);
  emitTemplateProse(builder, builder.body, scan, builder.proseRole);
}
