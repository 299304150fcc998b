import type { Format } from "../model/document.js";

/** Longest suffix first: `.prompt.md` is markdown, `.prompt` is dotprompt. */
const SUFFIXES: [suffix: string, format: Format][] = [
  [".instructions.md", "markdown"],
  [".chatmode.md", "markdown"],
  [".prompt.md", "markdown"],
  [".agent.md", "markdown"],
  [".markdown", "markdown"],
  [".md", "markdown"],
  [".mdc", "markdown"],
  [".txt", "text"],
  [".cursorrules", "text"],
  [".windsurfrules", "text"],
  [".prompty", "prompty"],
  [".prompt", "dotprompt"],
  [".jinja2", "jinja"],
  [".jinja", "jinja"],
  [".j2", "jinja"],
  [".mustache", "mustache"],
  [".handlebars", "mustache"],
  [".hbs", "mustache"],
  [".jsonl", "jsonl"],
  [".ndjson", "jsonl"],
  [".json", "json"],
  [".yaml", "yaml"],
  [".yml", "yaml"],
];

function baseName(filePath: string): string {
  const slash = Math.max(filePath.lastIndexOf("/"), filePath.lastIndexOf("\\"));
  return filePath.slice(slash + 1);
}

/** The prompt format of a file, by its name; undefined when promptvet does not know it. */
export function detectFormat(filePath: string): Format | undefined {
  const name = baseName(filePath).toLowerCase();
  for (const [suffix, format] of SUFFIXES) {
    // `.cursorrules` is a whole file name; the others are extensions.
    if (name === suffix || (name.endsWith(suffix) && name.length > suffix.length)) return format;
  }
  return undefined;
}

const INSTRUCTION_NAMES = new Set(["agents.md", "claude.md", "gemini.md", ".cursorrules", ".windsurfrules", "claude.local.md"]);

/**
 * Instruction files configure a coding assistant for a whole repository (AGENTS.md, CLAUDE.md, GEMINI.md,
 * .cursorrules, .cursor/rules/*.mdc, .github/copilot-instructions.md, *.instructions.md) rather than being
 * a prompt sent per request.
 */
export function isInstructionFile(filePath: string): boolean {
  const normalized = filePath.replace(/\\/g, "/");
  const name = baseName(normalized).toLowerCase();
  if (INSTRUCTION_NAMES.has(name)) return true;
  if (name.endsWith(".instructions.md")) return true;
  if (name === "copilot-instructions.md" && /(^|\/)\.github\/copilot-instructions\.md$/i.test(normalized)) return true;
  if (name.endsWith(".mdc") && /(^|\/)\.cursor\/rules\//i.test(normalized)) return true;
  return false;
}

/**
 * Files linted when the config names none. Prompt-specific names anywhere, instruction files, and
 * generic extensions only under a `prompts/` (or `prompt/`) folder or a few-shot folder (`few-shot/`,
 * `fewshot/`, `few_shot/`): in most repositories a README.md,
 * package.json, an Ansible `.j2` or an Ember `.hbs` file is not a prompt.
 */
export const DEFAULT_PROMPT_GLOBS: string[] = [
  "**/*.prompt.md",
  "**/*.instructions.md",
  "**/*.chatmode.md",
  "**/*.agent.md",
  "**/*.prompty",
  "**/*.prompt",
  "**/{prompts,prompt,few-shot,fewshot,few_shot}/**/*.{md,markdown,mdc,txt,j2,jinja,jinja2,mustache,hbs,handlebars,jsonl,ndjson,json,yaml,yml}",
  "**/AGENTS.md",
  "**/CLAUDE.md",
  "**/GEMINI.md",
  "**/.cursorrules",
  "**/.windsurfrules",
  "**/.cursor/rules/**/*.mdc",
  "**/.github/copilot-instructions.md",
];
