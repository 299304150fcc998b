/** Prompt documents for the contradiction tests, parsed by the real parser (src/parse) as a lint run does. */
import type { PromptDocument } from "../../src/model/document.js";
import { detectFormat } from "../../src/parse/detect.js";
import { parseDocument } from "../../src/parse/index.js";

export function parsePrompt(path: string, source: string): PromptDocument {
  const bom = source.charCodeAt(0) === 0xfeff;
  return parseDocument({ path, source: bom ? source.slice(1) : source, format: detectFormat(path) ?? "markdown", bom });
}
