/**
 * The parse layer: every supported file format becomes one `PromptDocument` whose segments map back to
 * exact source offsets. `parseDocument` never throws: problems (broken YAML/JSON, unclosed tags) are
 * recorded with source ranges, and an unexpected failure degrades to plain paragraphs plus a problem.
 */
import type { PromptDocument } from "../model/document.js";
import { DocumentBuilder, paragraphs, type ParseInput } from "./builder.js";
import { parseJson, parseJsonl, parseYamlFile } from "./data-formats.js";
import { isInstructionFile } from "./detect.js";
import { parseMarkdown } from "./markdown.js";
import { parseDotprompt, parsePrompty, parseTemplateFile, parseText } from "./templated.js";

export type { ParseInput } from "./builder.js";
export { detectFormat, isInstructionFile, DEFAULT_PROMPT_GLOBS } from "./detect.js";

export function parseDocument(input: ParseInput): PromptDocument {
  const instruction = safeIsInstruction(input.path);
  const builder = new DocumentBuilder(input, instruction);
  try {
    switch (input.format) {
      case "markdown":
        parseMarkdown(builder);
        break;
      case "text":
        parseText(builder);
        break;
      case "prompty":
        parsePrompty(builder);
        break;
      case "dotprompt":
        parseDotprompt(builder);
        break;
      case "jinja":
        parseTemplateFile(builder, "jinja");
        break;
      case "mustache":
        parseTemplateFile(builder, "mustache");
        break;
      case "jsonl":
        parseJsonl(builder);
        break;
      case "json":
        parseJson(builder);
        break;
      case "yaml":
        parseYamlFile(builder);
        break;
      default:
        parseText(builder);
    }
    return builder.build();
  } catch (error) {
    return fallback(input, instruction, error);
  }
}

/** A document with the whole file as plain paragraphs, for the case a format adapter fails unexpectedly. */
function fallback(input: ParseInput, instruction: boolean, error: unknown): PromptDocument {
  const builder = new DocumentBuilder(input, instruction);
  builder.problem("structure", `The ${input.format} parser failed (${(error as Error)?.message ?? String(error)}); the file was read as plain text`, [0, Math.min(1, input.source.length)]);
  try {
    for (const para of paragraphs(input.source, [0, input.source.length])) builder.addVerbatim(para, builder.proseRole, "prose");
  } catch {
    // Nothing more to salvage.
  }
  return builder.build();
}

function safeIsInstruction(path: string): boolean {
  try {
    return isInstructionFile(path);
  } catch {
    return false;
  }
}
