import type { PromptDocument, Range } from "../model/document.js";

/**
 * Inline directives, ESLint-style, in any comment syntax the format has:
 *   <!-- promptvet-disable-next-line pii/email -- reason -->
 *   # promptvet-disable secrets/leaked-credential
 *   {# promptvet-enable #}
 */
export type DirectiveType = "disable" | "enable" | "disable-line" | "disable-next-line";

export interface Directive {
  type: DirectiveType;
  /** Rule ids named by the directive; empty means all rules. */
  ruleIds: string[];
  justification: string;
  /** Range of the comment that holds it. */
  range: Range;
  /** Line the directive applies to (for -line and -next-line). */
  line: number;
}

const DIRECTIVE = /^promptvet-(disable-next-line|disable-line|disable|enable)(?=\s|$)\s*([\s\S]*)$/;

export function parseDirectives(document: PromptDocument): Directive[] {
  const directives: Directive[] = [];
  for (const comment of document.comments) {
    const match = DIRECTIVE.exec(comment.value.trim());
    if (!match) continue;
    const type = match[1] as DirectiveType;
    const [rulesPart, ...reason] = match[2]!.split(/\s--\s|^--\s|\s--$/);
    const ruleIds = (rulesPart ?? "")
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const startLine = document.lines.positionAt(comment.range[0]).line;
    const endLine = document.lines.positionAt(Math.max(comment.range[0], comment.range[1] - 1)).line;
    directives.push({
      type,
      ruleIds,
      justification: reason.join(" -- ").trim(),
      range: comment.range,
      line: type === "disable-next-line" ? endLine + 1 : startLine,
    });
  }
  return directives;
}

export interface SuppressionCheck {
  /** The directive that silences a finding, if any. */
  match(ruleId: string | null, line: number, offset: number): Directive | undefined;
  /** Directives that silenced nothing, with the rule ids that were unused. */
  unused(): { directive: Directive; ruleIds: string[] }[];
}

export function buildSuppressions(directives: Directive[]): SuppressionCheck {
  const used = new Map<Directive, Set<string>>();
  const markUsed = (d: Directive, ruleId: string) => {
    let set = used.get(d);
    if (!set) used.set(d, (set = new Set()));
    set.add(d.ruleIds.length === 0 ? "*" : ruleId);
  };
  const appliesTo = (d: Directive, ruleId: string | null) =>
    ruleId !== null && (d.ruleIds.length === 0 || d.ruleIds.includes(ruleId));

  const blocks = directives.filter((d) => d.type === "disable" || d.type === "enable").sort((a, b) => a.range[0] - b.range[0]);

  return {
    match(ruleId, line, offset) {
      if (ruleId === null) return undefined;
      for (const d of directives) {
        if ((d.type === "disable-line" || d.type === "disable-next-line") && d.line === line && appliesTo(d, ruleId)) {
          markUsed(d, ruleId);
          return d;
        }
      }
      // The last block directive before the finding that mentions this rule decides.
      let active: Directive | undefined;
      for (const d of blocks) {
        if (d.range[0] > offset) break;
        if (!appliesTo(d, ruleId)) continue;
        active = d.type === "disable" ? d : undefined;
      }
      if (active) markUsed(active, ruleId);
      return active;
    },
    unused() {
      const out: { directive: Directive; ruleIds: string[] }[] = [];
      for (const d of directives) {
        if (d.type === "enable") continue;
        const set = used.get(d);
        if (d.ruleIds.length === 0) {
          if (!set) out.push({ directive: d, ruleIds: [] });
        } else {
          const missing = d.ruleIds.filter((id) => !set?.has(id));
          if (missing.length > 0) out.push({ directive: d, ruleIds: missing });
        }
      }
      return out;
    },
  };
}
