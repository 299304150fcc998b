import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A rule's markdown documentation, shipped beside the bundle (rules/<category>/<name>.md). */
export function readRuleDocs(ruleId: string): string | undefined {
  for (const rel of [`../rules/${ruleId}.md`, `../../rules/${ruleId}.md`]) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return readFileSync(file, "utf8");
  }
  return undefined;
}

/** Where a rule's documentation lives online (used by SARIF helpUri and `help:` links). */
export const RULE_DOCS_BASE_URL = "https://github.com/promptvet/promptvet/blob/main/rules";

export function ruleDocsUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE_URL}/${ruleId}.md`;
}
