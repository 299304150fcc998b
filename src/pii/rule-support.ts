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

/**
 * The data field of each segment, shared by the nine rules (each would otherwise parse the same path): a file
 * of thousands of short JSONL turns asks for it nine times per turn.
 */
const fieldCache = new WeakMap<object, string | undefined>();
function segmentField(segment: { path?: string }): string | undefined {
  if (fieldCache.has(segment)) return fieldCache.get(segment);
  const field = fieldOfPath(segment.path);
  fieldCache.set(segment, field);
  return field;
}

/** How much source text before a segment the detectors may read for lead-ins. */
const CONTEXT_BEFORE = 320;

/**
 * A segment's detector options. `before` is read by few detectors and only for some candidates, so it is sliced
 * from the source when read, not for every segment and rule; a class keeps one object shape for all segments.
 */
class SegmentOptions implements PiiOptions {
  readonly regions: readonly string[] | undefined;
  readonly includeNonPublicIps: boolean | undefined;
  readonly includeRoleEmails: boolean | undefined;
  readonly textKind: PiiTextKind | undefined;
  readonly documentSource: string;
  private sliced: string | undefined;
  constructor(
    base: PiiOptions,
    readonly field: string | undefined,
    private readonly source: string,
    private readonly at: number,
  ) {
    this.regions = base.regions;
    this.includeNonPublicIps = base.includeNonPublicIps;
    this.includeRoleEmails = base.includeRoleEmails;
    this.textKind = base.textKind;
    this.documentSource = source;
  }
  get before(): string {
    return (this.sliced ??= this.source.slice(Math.max(0, this.at - CONTEXT_BEFORE), this.at));
  }
}

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
          const field = segmentField(segment);
          const options = new SegmentOptions(optionsFor[textKind], field, context.document.source, segment.range[0]);
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
