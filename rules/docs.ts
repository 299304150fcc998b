import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A built-in rule's markdown documentation, shipped beside the bundle (rules/<category>/<name>.md). */
export function readRuleDocs(ruleId: string): string | undefined {
  // A rule is documented in rules/<id>.md, or in rules/<id>/README.md when it is a folder (as the docs test accepts).
  const candidates = ["..", "../.."].flatMap((up) => [`${up}/rules/${ruleId}.md`, `${up}/rules/${ruleId}/README.md`]);
  for (const rel of candidates) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return readFileSync(file, "utf8");
  }
  return undefined;
}

/** Where rule documentation lives online; the report layer appends `/<rule id>.md` (SARIF helpUri, links). */
export const RULE_DOCS_BASE_URL = "https://github.com/promptvet/promptvet/blob/main/rules";
