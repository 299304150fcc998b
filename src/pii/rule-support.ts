/**
 * The shared shape of the nine `pii/<type>` rules: options schema, allowlists from options and settings, role
 * handling, masked messages and same-shape placeholder suggestions.
 */
import { ConfigError } from "../rule-api/errors.js";
import { maskValue } from "../rule-api/mask.js";
import { defineRule, type ReportDescriptor, type Rule, type SeverityName } from "../rule-api/types.js";
import type { SegmentRole } from "../model/document.js";
import { AllowlistError, compileAllowlist, type AllowCheck } from "./allowlist.js";
import { runDetector } from "./index.js";
import { mightNeedLibrary, preloadPiiDependencies } from "./lazy.js";
import { fieldOfPath, textKindForRole } from "./segments.js";
import { placeholderFor } from "./suggest.js";
import type { PiiAllowConfig, PiiOptions, PiiTextKind, PiiType } from "./types.js";

/** A cheap, linear pre-check: could this text hold a value whose validation needs a heavy library? */

/** How much source text before a segment the detectors may read for lead-ins. */
const CONTEXT_BEFORE = 320;

/** How a segment's role reads in a message ("in system text", "in example output text"). */
const ROLE_LABELS: Record<string, string> = {
  system: "system-prompt",
  user: "user-message",
  assistant: "assistant-message",
  tool: "tool-message",
  "example-input": "example-input",
  "example-output": "example-output",
  instruction: "instruction-file",
  frontmatter: "frontmatter",
  comment: "comment",
};

export const SEGMENT_ROLES: readonly SegmentRole[] = [
  "system", "user", "assistant", "tool", "example-input", "example-output", "instruction", "frontmatter", "comment",
];


export interface PiiRuleOptions {
  allow?: PiiAllowConfig;
  /** Per segment role: `"off"` skips it; `"warn"`/`"error"` set the severity of findings there. */
  roles?: Partial<Record<SegmentRole, SeverityName>>;
  regions?: string[];
  includeNonPublic?: boolean;
  includeRoleAddresses?: boolean;
}

/** `settings.pii` in the shared config. */
export interface PiiSettings {
  allow?: PiiAllowConfig;
}

export interface PiiRuleSpec {
  type: PiiType;
  description: string;
  /** What the message calls the finding ("email address"). */
  noun: string;
  recommended: SeverityName;
  help: string;
  /** Extra option properties for this type (JSON Schema). */
  extraOptions?: Record<string, object>;
}

const allowSchema = {
  type: "object",
  properties: {
    values: { type: "array", items: { type: "string", minLength: 1 } },
    patterns: { type: "array", items: { type: "string", minLength: 1 } },
  },
  additionalProperties: false,
};

/** A report that may carry its own severity (a role override); the engine reads it when it supports it. */
type PiiReport = ReportDescriptor & { severity?: 1 | 2 };

export function createPiiRule(spec: PiiRuleSpec): Rule<PiiRuleOptions> {
  return defineRule<PiiRuleOptions>({
    meta: {
      id: `pii/${spec.type}`,
      category: "pii",
      fixable: false,
      hasSuggestions: true,
      docs: { description: spec.description, recommended: spec.recommended, strict: "error", help: spec.help },
      messages: {
        found: `Unexpected ${spec.noun} {{masked}} in {{role}} text, expected a placeholder such as {{suggestion}}.`,
        replace: "Replace with the placeholder {{suggestion}}.",
      },
      schema: {
        type: "object",
        properties: {
          allow: allowSchema,
          roles: {
            type: "object",
            propertyNames: { enum: [...SEGMENT_ROLES] },
            additionalProperties: { enum: ["off", "warn", "error"] },
          },
          ...(spec.extraOptions ?? {}),
        },
        additionalProperties: false,
      },
    },
    async create(context) {
      // Heavy libraries (phone metadata, IBAN tables) load only for text that could hold such a value.
      if (mightNeedLibrary(spec.type, context.document.source)) await preloadPiiDependencies([spec.type]);
      const settings = (context.settings as { pii?: PiiSettings }).pii;
      let allowed: AllowCheck;
      try {
        allowed = compileAllowlist(context.options.allow, settings?.allow);
      } catch (error) {
        if (error instanceof AllowlistError) throw new ConfigError(`Rule "pii/${spec.type}": ${error.message}`);
        throw error;
      }
      const roles = context.options.roles ?? {};
      const baseOptions: PiiOptions = {
        regions: context.options.regions,
        includeNonPublicIps: context.options.includeNonPublic,
        includeRoleEmails: context.options.includeRoleAddresses,
      };
      // One options object per text kind for the whole document, not one per segment (detectors never mutate it).
      const optionsFor: Record<PiiTextKind, PiiOptions> = {
        prose: { ...baseOptions, textKind: "prose" },
        dialogue: { ...baseOptions, textKind: "dialogue" },
      };
      return {
        segment(segment) {
          const roleSeverity = roles[segment.role];
          if (roleSeverity === "off") return;
          const textKind: PiiTextKind = textKindForRole(segment.role);
          const field = fieldOfPath(segment.path);
          const before = context.document.source.slice(Math.max(0, segment.range[0] - CONTEXT_BEFORE), segment.range[0]);
          const options = { ...optionsFor[textKind], field, before };
          const matches = runDetector(spec.type, segment.text, options);
          for (const match of matches) {
            if (allowed(spec.type, match.value)) continue;
            const range = context.segmentRange(segment, [match.start, match.end]);
            const suggestion = placeholderFor(spec.type, match.value);
            const report: PiiReport = {
              messageId: "found",
              data: { masked: maskValue(match.value), role: ROLE_LABELS[segment.role] ?? segment.role, suggestion },
              range,
              sensitive: true,
              suggest: [{ messageId: "replace", data: { suggestion }, fix: { range: [range[0], range[1]], text: suggestion } }],
            };
            if (roleSeverity) report.severity = roleSeverity === "warn" ? 1 : 2;
            context.report(report);
          }
        },
      };
    },
  });
}
