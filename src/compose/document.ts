/**
 * A composed prompt as one `PromptDocument`: its merged frontmatter as a YAML header, then the composed text.
 * What the fork rules check, what `promptvet tokens` counts for a prompt that extends or includes other files
 * and what `promptvet forks` counts, so the three agree on a composed prompt's size.
 */
import type { PromptDocument } from "../model/document.js";
import type { ComposedPrompt } from "./compose.js";
import { findIncludes } from "./includes.js";

/** True when the document extends, copies or includes another file: only those have a composed prompt of their own. */
export function composesOtherFiles(document: PromptDocument): boolean {
  const data = document.frontmatter?.data;
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const d = data as Record<string, unknown>;
    if (d.extends !== undefined || d.forked_from !== undefined) return true;
  }
  if (!document.source.includes("{{") && !document.source.includes("{%")) return false;
  return findIncludes(document.source, document.format, document.body[0]).length > 0;
}

export interface ComposedDocument {
  /** The composed prompt parsed as one document: merged frontmatter, then the composed text. */
  document: PromptDocument;
  /** Length of the generated frontmatter: composed offset = document offset - header. */
  header: number;
  composed: ComposedPrompt;
}

/** Parses a composed prompt as a document at `filePath` (default: the composed file) in its format. */
export async function composedDocumentOf(composed: ComposedPrompt, filePath = composed.filePath, format = composed.format): Promise<ComposedDocument> {
  // Loaded on demand: composing needs neither the parsers nor the YAML writer.
  const [{ parseDocument }, { stringify }] = await Promise.all([import("../parse/index.js"), import("yaml")]);
  let header = "";
  if (Object.keys(composed.frontmatter).length > 0) {
    try {
      header = `---\n${stringify(composed.frontmatter)}---\n`;
    } catch {
      // Frontmatter YAML cannot write (a cycle): the text alone.
      header = "";
    }
  }
  return { document: parseDocument({ path: filePath, source: header + composed.text, format, bom: false }), header: header.length, composed };
}
