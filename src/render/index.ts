/**
 * Renders a prompt document with variables into the chat messages a model would receive, for every template
 * format promptvet reads. Engines are loaded on first use.
 *
 * - markdown / text: one system message, `{{var}}` substituted (nothing else is template syntax);
 * - prompty: the Jinja body, split at `system:` / `user:` / `assistant:` lines;
 * - dotprompt: Handlebars with `{{role "..."}}`, `{{#if}}`, `{{#each}}`, `{{json x}}` and partials
 *   (`partials/_name.prompt` or `_name.prompt` next to the prompt);
 * - jinja (.j2, .jinja): Nunjucks, includes resolved from the prompt's folder; one system message;
 * - mustache (.mustache: Mustache; .hbs, .handlebars: Handlebars): one system message.
 * Nothing is HTML-escaped: prompts are not HTML.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { PromptDocument } from "../model/document.js";
import { loadHandlebars, loadMustache, loadNunjucks } from "./engines.js";
import { handlebarsReferences, isProvided, jinjaReferences, mustacheReferences, PLAIN_PLACEHOLDER, plainReferences } from "./missing.js";
import { closedFrontmatterFence } from "../parse/frontmatter-fence.js";
import { DROP_MARKER, markPromptyRoles, roleMarker, splitAtMarkers } from "./roles.js";
import type { RenderedMessage, RenderResult } from "./types.js";

export type { RenderedMessage, RenderResult } from "./types.js";

export interface RenderOptions {
  /**
   * Reads a partial or included template (absolute path); undefined when it does not exist. Defaults to the
   * working tree; the smoke eval passes the index or a base revision instead.
   */
  readFile?: (absPath: string) => string | undefined;
}

const DOTPROMPT_HELPERS = new Set(["role", "history", "section", "media", "json", "ifEquals", "unlessEquals", "lookup", "log"]);

export function renderPrompt(doc: PromptDocument, vars: Record<string, unknown>, options: RenderOptions = {}): RenderResult {
  const readFile = options.readFile ?? readFromDisk;
  const body = doc.source.slice(doc.body[0], doc.body[1]);
  const data = frontmatterObject(doc);
  try {
    switch (doc.format) {
      case "prompty": {
        const values = { ...prompyDefaults(data), ...vars };
        const missing = missingOf(referencedVariables(doc, { readFile }), values);
        const text = renderJinja(markPromptyRoles(body), values, doc.path, readFile);
        return { messages: splitAtMarkers(text), missing };
      }
      case "dotprompt": {
        const values = { ...dotpromptDefaults(data), ...vars };
        const partial = (name: string) => dotpromptPartial(doc.path, name, readFile);
        const missing = missingOf(referencedVariables(doc, { readFile }), values);
        return { messages: splitAtMarkers(renderDotprompt(body, values, partial)), missing };
      }
      case "jinja": {
        const values = { ...declaredDefaults(data), ...vars };
        const missing = missingOf(referencedVariables(doc, { readFile }), values);
        return { messages: single(renderJinja(body, values, doc.path, readFile)), missing };
      }
      case "mustache": {
        const values = { ...declaredDefaults(data), ...vars };
        const missing = missingOf(referencedVariables(doc, { readFile }), values);
        const ext = path.extname(doc.path).toLowerCase();
        if (ext === ".hbs" || ext === ".handlebars") {
          const partial = (name: string) => siblingPartial(doc.path, name, [ext], readFile);
          return { messages: single(renderHandlebars(body, values, partial, false)), missing };
        }
        return { messages: single(renderMustache(body, values, doc.path, readFile)), missing };
      }
      default: {
        const values = { ...declaredDefaults(data), ...vars };
        const missing = missingOf(referencedVariables(doc, { readFile }), values);
        return { messages: single(substitutePlain(body, values)), missing };
      }
    }
  } catch (error) {
    return { messages: [], missing: [], error: firstLine((error as Error).message) };
  }
}

/**
 * The top-level variables a template prints (partials it can read included): what a case must give values
 * for. The parser's variable list answers the same question for lint; a test holds the two equal. Throws on
 * a template its engine cannot parse (the render reports that error).
 */
export function referencedVariables(doc: PromptDocument, options: RenderOptions = {}): string[] {
  const readFile = options.readFile ?? readFromDisk;
  const body = doc.source.slice(doc.body[0], doc.body[1]);
  switch (doc.format) {
    case "prompty":
    case "jinja":
      return jinjaReferences(body);
    case "dotprompt":
      return handlebarsReferences(body, DOTPROMPT_HELPERS, (name) => dotpromptPartial(doc.path, name, readFile));
    case "mustache": {
      const ext = path.extname(doc.path).toLowerCase();
      if (ext === ".hbs" || ext === ".handlebars") return handlebarsReferences(body, new Set(["lookup", "log"]), (name) => siblingPartial(doc.path, name, [ext], readFile));
      return mustacheReferences(body);
    }
    default:
      return plainReferences(body);
  }
}

function readFromDisk(absPath: string): string | undefined {
  try {
    return readFileSync(absPath, "utf8");
  } catch {
    return undefined;
  }
}

function single(text: string): RenderedMessage[] {
  const content = text.trim();
  return content ? [{ role: "system", content }] : [];
}

function missingOf(referenced: string[], values: Record<string, unknown>): string[] {
  return referenced.filter((name) => !isProvided(values, name)).sort();
}

function frontmatterObject(doc: PromptDocument): Record<string, unknown> {
  const data = doc.frontmatter?.data;
  return data && typeof data === "object" && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** Defaults declared by `inputs:` / `variables:` maps whose entries have a `default`, and `doc.inputs` samples. */
function declaredDefaults(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ["inputs", "variables"]) {
    const decl = data[key];
    if (decl && typeof decl === "object" && !Array.isArray(decl)) {
      for (const [name, spec] of Object.entries(decl as Record<string, unknown>)) {
        if (spec && typeof spec === "object" && "default" in (spec as object)) out[name] = (spec as { default: unknown }).default;
      }
    }
  }
  return out;
}

function prompyDefaults(data: Record<string, unknown>): Record<string, unknown> {
  return declaredDefaults(data);
}

/** Dotprompt: `input.default`. */
function dotpromptDefaults(data: Record<string, unknown>): Record<string, unknown> {
  const input = data.input as { default?: unknown } | undefined;
  const defaults = input && typeof input === "object" ? input.default : undefined;
  return defaults && typeof defaults === "object" && !Array.isArray(defaults) ? { ...(defaults as Record<string, unknown>) } : {};
}

function lookupPath(values: Record<string, unknown>, dotted: string): unknown {
  let cur: unknown = values;
  for (const part of dotted.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function stringify(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined || value === null) return "";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** `{{ name }}` replaced by its value; a name with no value stays as written (and is reported missing). */
function substitutePlain(text: string, values: Record<string, unknown>): string {
  return text.replace(PLAIN_PLACEHOLDER, (whole, name: string) => {
    const v = lookupPath(values, name);
    return v === undefined ? whole : stringify(v);
  });
}

function renderJinja(template: string, values: Record<string, unknown>, promptPath: string, readFile: (p: string) => string | undefined): string {
  const nunjucks = loadNunjucks();
  const dir = path.dirname(promptPath);
  const loader = {
    getSource(name: string) {
      const full = path.resolve(dir, name);
      const src = readFile(full);
      return src === undefined ? null : { src, path: full, noCache: true };
    },
  };
  const env = new nunjucks.Environment(loader as unknown as import("nunjucks").ILoader, { autoescape: false, throwOnUndefined: false });
  return env.renderString(template, values);
}

function renderMustache(template: string, values: Record<string, unknown>, promptPath: string, readFile: (p: string) => string | undefined): string {
  const Mustache = loadMustache();
  const partials = (name: string) => siblingPartial(promptPath, name, [".mustache"], readFile);
  return Mustache.render(template, values, partials, { escape: (s: string) => s });
}

function renderDotprompt(template: string, values: Record<string, unknown>, partial: (name: string) => string | undefined): string {
  return renderHandlebars(template, values, partial, true);
}

function renderHandlebars(template: string, values: Record<string, unknown>, partial: (name: string) => string | undefined, dotprompt: boolean): string {
  const hb = loadHandlebars().create();
  if (dotprompt) {
    hb.registerHelper("role", (role: unknown) => new hb.SafeString(roleMarker(String(role))));
    hb.registerHelper("history", () => new hb.SafeString(DROP_MARKER));
    hb.registerHelper("section", () => new hb.SafeString(DROP_MARKER));
    hb.registerHelper("media", (options: { hash?: { url?: string } }) => new hb.SafeString(options?.hash?.url ? `[media: ${options.hash.url}]` : ""));
    hb.registerHelper("json", (value: unknown, options: { hash?: { indent?: number } }) => new hb.SafeString(JSON.stringify(value, null, options?.hash?.indent)));
    hb.registerHelper("ifEquals", function (this: unknown, a: unknown, b: unknown, options: { fn: (c: unknown) => string; inverse: (c: unknown) => string }) {
      return a === b ? options.fn(this) : options.inverse(this);
    });
    hb.registerHelper("unlessEquals", function (this: unknown, a: unknown, b: unknown, options: { fn: (c: unknown) => string; inverse: (c: unknown) => string }) {
      return a !== b ? options.fn(this) : options.inverse(this);
    });
  }
  registerPartials(hb, template, partial, new Set());
  return hb.compile(template, { noEscape: true })(values);
}

/** Registers every partial a template names (recursively); an unknown partial is an error, as at run time. */
function registerPartials(hb: typeof import("handlebars"), template: string, partial: (name: string) => string | undefined, seen: Set<string>): void {
  for (const m of template.matchAll(/\{\{~?#?>\s*"?([\w./-]+)"?/g)) {
    const name = m[1]!;
    if (seen.has(name)) continue;
    seen.add(name);
    const src = partial(name);
    if (src === undefined) throw new Error(`The partial "${name}" could not be found`);
    hb.registerPartial(name, src);
    registerPartials(hb, src, partial, seen);
  }
}

/** Dotprompt partial files: `partials/_name.prompt`, `partials/name.prompt`, `_name.prompt` (frontmatter removed). */
export function dotpromptPartialCandidates(promptPath: string, name: string): string[] {
  const dir = path.dirname(promptPath);
  const sub = path.dirname(name);
  const base = path.basename(name);
  return [
    path.join(dir, "partials", sub, `_${base}.prompt`),
    path.join(dir, "partials", sub, `${base}.prompt`),
    path.join(dir, sub, `_${base}.prompt`),
  ];
}

function dotpromptPartial(promptPath: string, name: string, readFile: (p: string) => string | undefined): string | undefined {
  for (const candidate of dotpromptPartialCandidates(promptPath, name)) {
    const src = readFile(candidate);
    if (src !== undefined) return stripFrontmatter(src);
  }
  return undefined;
}

export function siblingPartialCandidates(promptPath: string, name: string, exts: string[]): string[] {
  const dir = path.dirname(promptPath);
  const sub = path.dirname(name);
  const base = path.basename(name);
  const out: string[] = [];
  for (const ext of exts) {
    out.push(path.join(dir, sub, `${base}${ext}`), path.join(dir, "partials", sub, `${base}${ext}`), path.join(dir, sub, `_${base}${ext}`));
  }
  return out;
}

function siblingPartial(promptPath: string, name: string, exts: string[], readFile: (p: string) => string | undefined): string | undefined {
  for (const candidate of siblingPartialCandidates(promptPath, name, exts)) {
    const src = readFile(candidate);
    if (src !== undefined) return stripFrontmatter(src);
  }
  return undefined;
}

/** A partial's body: its text without BOM and frontmatter. */
export function stripFrontmatter(src: string): string {
  const fence = closedFrontmatterFence(src);
  return fence ? src.slice(fence.bodyStart) : src.replace(/^\uFEFF/, "");
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}
