import type { Rule, SeverityName } from "../rule-api/types.js";

export const PRESETS = ["promptvet:recommended", "promptvet:strict", "promptvet:all"] as const;
export type PresetName = (typeof PRESETS)[number];

/**
 * Severity a preset gives a rule, or undefined when the preset leaves it off.
 * - recommended: the rule's own recommended severity;
 * - strict: recommended rules, with warnings raised to errors unless the rule says otherwise (`docs.strict`);
 * - all: every rule at its recommended severity, `warn` for those not recommended.
 */
export function presetSeverity(preset: PresetName, rule: Rule<any>): SeverityName | undefined {
  const { recommended, strict } = rule.meta.docs;
  switch (preset) {
    case "promptvet:recommended":
      return recommended || undefined;
    case "promptvet:strict":
      if (strict !== undefined) return strict || undefined;
      return recommended ? "error" : undefined;
    case "promptvet:all":
      return recommended || "warn";
  }
}
