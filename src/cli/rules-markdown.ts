import type { RuleMeta } from "../rule-api/types.js";
import { byCodeUnit } from "../util/compare.js";

/** The README's rule list, generated from rule metadata so it never drifts from the code. */
export function rulesMarkdownTable(metas: readonly RuleMeta[]): string {
  const rows = [...metas]
    .sort((a, b) => byCodeUnit(a.id, b.id))
    .map((m) => {
      const flags = [m.fixable ? "fix" : "", m.hasSuggestions ? "suggest" : ""].filter(Boolean).join(", ");
      const description = m.docs.description.replace(/\|/g, "\\|");
      return `| [\`${m.id}\`](rules/${m.id}.md) | ${m.docs.recommended || "off"} | ${flags} | ${description} |`;
    });
  return ["| rule | recommended | fixes | description |", "| --- | --- | --- | --- |", ...rows].join("\n");
}

/** Replaces the text between `<!-- rules:begin -->` and `<!-- rules:end -->`. */
export function replaceRulesSection(readme: string, table: string): string {
  return readme.replace(/(<!-- rules:begin -->\n)[\s\S]*?(<!-- rules:end -->)/, `$1${table}\n$2`);
}
