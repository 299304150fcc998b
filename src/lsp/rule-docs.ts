/** Rule documentation for editors: the link a diagnostic carries and the summary a hover shows. */
import { RULE_DOCS_BASE_URL, readRuleDocs } from "../../rules/docs.js";
import type { RuleMeta } from "../engine/types.js";

/** Rules the engine itself reports (inline directives), documented with the directives. */
const ENGINE_RULE_DOCS: Record<string, string> = {
  "directives/unused": "https://github.com/promptvet/promptvet#inline-directives",
  "directives/unknown-rule": "https://github.com/promptvet/promptvet#inline-directives",
};

/** Where a rule is documented: the built-in rule docs, or the URL a plugin rule gives in `docs.url`. */
export function ruleDocsHref(ruleId: string, meta: RuleMeta | undefined): string | undefined {
  if (ENGINE_RULE_DOCS[ruleId]) return ENGINE_RULE_DOCS[ruleId];
  const url = (meta?.docs as { url?: unknown } | undefined)?.url;
  if (typeof url === "string" && /^https?:\/\//.test(url)) return url;
  if (!meta || isPluginRule(meta)) return undefined;
  return `${RULE_DOCS_BASE_URL}/${ruleId}.md`;
}

/** Built-in rules have a markdown page shipped beside the bundle; plugin rules do not. */
function isPluginRule(meta: RuleMeta): boolean {
  return docsOf(meta.id) === undefined;
}

const pages = new Map<string, string | undefined>();

/** A rule's markdown page, read once (diagnostics ask for every finding). */
function docsOf(ruleId: string): string | undefined {
  if (!pages.has(ruleId)) pages.set(ruleId, readRuleDocs(ruleId));
  return pages.get(ruleId);
}

/**
 * The rule's one-paragraph summary: the first paragraph under "What it does" in its docs, falling back to
 * the description.
 */
export function ruleSummary(meta: RuleMeta): string {
  return whatItDoes(docsOf(meta.id)) ?? `${meta.docs.description}.`;
}

function whatItDoes(markdown: string | undefined): string | undefined {
  if (!markdown) return undefined;
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((l) => /^##\s+What it does\s*$/i.test(l));
  if (start === -1) return undefined;
  const paragraph: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "") {
      if (paragraph.length > 0) break;
      continue;
    }
    if (line.startsWith("#")) break;
    paragraph.push(line.trim());
  }
  return paragraph.length > 0 ? paragraph.join(" ") : undefined;
}
