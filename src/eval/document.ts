/**
 * A PromptDocument for rendering: source, format, frontmatter data and body range. Only what rendering and
 * case loading need; the full parse (segments, variables, ...) is the lint pipeline's job.
 */
import path from "node:path";
import type { Format, PromptDocument } from "../model/document.js";
import { LineIndex } from "../model/line-index.js";
import { closedFrontmatterFence } from "../parse/frontmatter-fence.js";

/** Formats the smoke eval can render and send; data formats (JSON/JSONL/YAML) are not prompts to run. */
export const RENDERABLE: ReadonlySet<Format> = new Set<Format>(["markdown", "text", "prompty", "dotprompt", "jinja", "mustache"]);

const BY_EXTENSION: Record<string, Format> = {
  ".md": "markdown",
  ".markdown": "markdown",
  ".mdx": "markdown",
  ".mdc": "markdown",
  ".txt": "text",
  ".prompty": "prompty",
  ".prompt": "dotprompt",
  ".j2": "jinja",
  ".jinja": "jinja",
  ".jinja2": "jinja",
  ".mustache": "mustache",
  ".hbs": "mustache",
  ".handlebars": "mustache",
};

/** Format of a prompt file by its name; undefined for files the eval does not run. */
export function evalFormatOf(file: string): Format | undefined {
  const base = path.basename(file);
  if (base === ".cursorrules") return "text";
  return BY_EXTENSION[path.extname(base).toLowerCase()];
}

export interface FrontmatterSplit {
  /** Range of the YAML text between the fences, or undefined without frontmatter. */
  contentRange?: [number, number];
  range?: [number, number];
  bodyStart: number;
}

export function splitFrontmatter(source: string): FrontmatterSplit {
  const fence = closedFrontmatterFence(source);
  if (!fence) return { bodyStart: 0 };
  return { contentRange: [fence.contentRange[0], fence.contentRange[1]], range: [fence.range[0], fence.bodyStart], bodyStart: fence.bodyStart };
}

/** The full parse (segments, variables, declared inputs); the minimal one below only if the parser fails. */
export async function loadPromptDocument(filePath: string, source: string, format: Format, bom = false): Promise<PromptDocument> {
  try {
    const { parseDocument } = await import("../parse/index.js");
    const doc = parseDocument({ path: filePath, source, format, bom });
    if (doc.body && Array.isArray(doc.body)) return doc;
  } catch {
    // fall through to the minimal document: the eval still runs on source and frontmatter
  }
  return minimalDocument(filePath, source, format, bom);
}

export async function minimalDocument(filePath: string, source: string, format: Format, bom = false): Promise<PromptDocument> {
  const split = splitFrontmatter(source);
  let frontmatter: PromptDocument["frontmatter"];
  if (split.contentRange) {
    const YAML = await import("yaml");
    const text = source.slice(split.contentRange[0], split.contentRange[1]);
    const yamlDoc = YAML.parseDocument(text);
    let data: unknown;
    try {
      data = yamlDoc.errors.length ? undefined : yamlDoc.toJS({ maxAliasCount: 100 });
    } catch {
      // An alias bomb: no frontmatter data (the lint rules report the file).
      data = undefined;
    }
    frontmatter = {
      range: split.range!,
      contentRange: split.contentRange,
      data,
      keys: new Map(),
      errors: yamlDoc.errors.map((e) => ({ message: e.message, range: [split.contentRange![0] + e.pos[0], split.contentRange![0] + e.pos[1]] as const })),
      yaml: yamlDoc,
    };
  }
  return {
    path: filePath,
    source,
    format,
    bom,
    lines: new LineIndex(source),
    frontmatter,
    body: [split.bodyStart, source.length],
    segments: [],
    variables: [],
    tags: [],
    examples: [],
    comments: [],
    problems: [],
    isInstructionFile: false,
  };
}
