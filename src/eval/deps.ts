/**
 * A simple dependency scan: which prompts include or extend a file (Handlebars/Mustache partials, Jinja
 * include/extends/import/from). Enough to re-run the prompts a changed partial flows into.
 */
import path from "node:path";
import { dotpromptPartialCandidates, siblingPartialCandidates } from "../render/index.js";
import { evalFormatOf } from "./document.js";
import type { FileReader } from "./sources.js";

const PARTIAL = /\{\{~?#?>\s*"?([\w./-]+)"?/g;
const JINJA_REF = /\{%-?\s*(?:include|extends|import|from)\s+["']([^"']+)["']/g;

/** Files a prompt may read while rendering (every candidate location of each partial). */
export function referencedFiles(promptPath: string, text: string): string[] {
  const format = evalFormatOf(promptPath);
  const out: string[] = [];
  if (format === "dotprompt" || format === "mustache") {
    const ext = path.extname(promptPath).toLowerCase();
    for (const m of text.matchAll(PARTIAL)) {
      const name = m[1]!;
      out.push(...(format === "dotprompt" ? dotpromptPartialCandidates(promptPath, name) : siblingPartialCandidates(promptPath, name, [ext])));
    }
  }
  if (format === "jinja" || format === "prompty") {
    for (const m of text.matchAll(JINJA_REF)) out.push(path.resolve(path.dirname(promptPath), m[1]!));
  }
  return out;
}

/** Prompts among `candidates` that include `changed` files, directly or through other partials. */
export function dependentsOf(changed: Set<string>, candidates: string[], read: FileReader): Set<string> {
  const refs = new Map<string, string[]>();
  for (const file of candidates) {
    const text = read(file);
    if (text === undefined || (!text.includes("{{") && !text.includes("{%"))) continue;
    const r = referencedFiles(file, text);
    if (r.length > 0) refs.set(file, r);
  }
  const affected = new Set<string>();
  let frontier = new Set(changed);
  while (frontier.size > 0) {
    const next = new Set<string>();
    for (const [file, r] of refs) {
      if (affected.has(file) || changed.has(file)) continue;
      if (r.some((p) => frontier.has(p))) {
        affected.add(file);
        next.add(file);
      }
    }
    frontier = next;
  }
  return affected;
}
