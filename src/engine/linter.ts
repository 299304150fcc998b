import type { Root } from "mdast";
import type { PromptDocument, Range, Segment } from "../model/document.js";
import type { PiiAllowConfig } from "../pii/index.js";
import { compileSchema, describeAjvError } from "../util/ajv.js";
import { ConfigError } from "../rule-api/errors.js";
/** Kept for imports written against the old location: import ConfigError from ../rule-api/errors.js. */
export { ConfigError };
import { buildSuppressions, parseDirectives } from "./directives.js";
import type { EnabledRule, LintMessage, ReportDescriptor, Rule, RuleContext, RuleServices, Severity } from "../rule-api/types.js";
/** Kept for imports written against the old location: import EnabledRule from ../rule-api/types.js. */
export type { EnabledRule };
import { byCodeUnit } from "../util/compare.js";
import { addRuleTime, type RunTiming } from "./timing.js";
import { frameMaskRanges } from "./frame-mask.js";
import { addValuesFoundInQuotes, maskMessage, quotedTexts } from "./message-mask.js";
import { SensitiveValues } from "./sensitive-values.js";
import { MAX_LISTED_PER_RULE, UnlistedReports } from "./report-limit.js";
import { boundedReader, defaultComposeRoot } from "../compose/boundary.js";
import { readWorkingTreeFile } from "../compose/read.js";


export interface LintDocumentOptions {
  rules: readonly EnabledRule[];
  settings?: Record<string, unknown>;
  services?: Partial<RuleServices>;
  /** Severity of the report for directives that silenced nothing (ESLint's reportUnusedDisableDirectives). */
  unusedDirectives?: Severity;
  /** Known rule ids, to flag directives that name a rule that does not exist. */
  knownRuleIds?: ReadonlySet<string>;
  /** Collects time per rule (PROMPTVET_TIMING). */
  timing?: RunTiming;
}

/** Awaits only what is a promise: most visitors are synchronous, and an await per segment per rule adds up. */
function settle(value: unknown): Promise<unknown> | undefined {
  return value !== null && typeof value === "object" && typeof (value as Promise<unknown>).then === "function" ? (value as Promise<unknown>) : undefined;
}

export interface DocumentLintOutput {
  messages: LintMessage[];
  suppressedMessages: LintMessage[];
  /**
   * Source ranges to mask before any source text is printed or hashed: the ranges rules flagged sensitive,
   * every other occurrence of their values, and credential-shaped text (see frame-mask.ts).
   */
  sensitiveRanges: Range[];
}

export const UNUSED_DIRECTIVE_ID = "directives/unused";
export const UNKNOWN_RULE_DIRECTIVE_ID = "directives/unknown-rule";

export function resolveRuleOptions(rule: Rule<any>, options: Record<string, unknown> | undefined): Record<string, unknown> {
  const merged = { ...(rule.meta.defaultOptions ?? {}), ...(options ?? {}) };
  // A rule's own defaults are valid by construction (its tests prove it); compiling a schema costs
  // milliseconds each, so only options a user wrote are validated.
  if (options === undefined) return merged;
  if (rule.meta.schema) {
    const validate = compileSchema(rule.meta.schema);
    if (!validate(merged)) {
      const details = (validate.errors ?? []).map((e) => describeAjvError(e, "options")).join("; ");
      throw new ConfigError(`Invalid options for rule "${rule.meta.id}": ${details}`);
    }
  } else if (options && Object.keys(options).length > 0) {
    throw new ConfigError(`Rule "${rule.meta.id}" takes no options, got ${JSON.stringify(options)}`);
  }
  return merged;
}

function interpolate(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  const parts = templateParts(template);
  if (parts.length === 1) return template;
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 3) {
    const key = parts[i + 1]!;
    out += (key in data ? String(data[key]) : parts[i]!) + parts[i + 2]!;
  }
  return out;
}

/**
 * A message template split once into `[text, placeholder, key, text, placeholder, key, text...]`: a rule that
 * reports on every line of a large file fills the same template tens of thousands of times.
 */
const splitTemplates = new Map<string, string[]>();

function templateParts(template: string): string[] {
  let parts = splitTemplates.get(template);
  if (!parts) {
    parts = [];
    const placeholder = /\{\{\s*([\w.-]+)\s*\}\}/g;
    let last = 0;
    for (let m = placeholder.exec(template); m; m = placeholder.exec(template)) {
      parts.push(template.slice(last, m.index), m[0], m[1]!);
      last = m.index + m[0].length;
    }
    parts.push(template.slice(last));
    splitTemplates.set(template, parts);
  }
  return parts;
}

/** Runs the enabled rules over one document and returns ESLint-shaped messages. */
export async function lintDocument(document: PromptDocument, options: LintDocumentOptions): Promise<DocumentLintOutput> {
  const raw: RawReport[] = [];
  const unlisted = new UnlistedReports();
  const sensitiveRanges: Range[] = [];
  /** Every reported range: in a file with personal data, the lines framed around any finding are masked too. */
  const reportedRanges: Range[] = [];
  const sharedObjects = new Map<string, unknown>();
  const services: RuleServices = {
    baseSource: options.services?.baseSource ?? (async () => undefined),
    baseRef: options.services?.baseRef,
    // Rules that read other files stay inside the document's repository unless the caller's reader says more.
    readFile: options.services?.readFile ?? boundedReader(readWorkingTreeFile, [defaultComposeRoot(document.path)]),
    shared: options.services?.shared ?? (<T>(key: string, create: () => T): T => {
      if (!sharedObjects.has(key)) sharedObjects.set(key, create());
      return sharedObjects.get(key) as T;
    }),
  };
  const settings = options.settings ?? {};
  const segmentRange = (segment: Segment, range: Range): Range => segment.map.rangeToSource(range);
  const applies = options.rules.filter(({ rule }) => !rule.meta.formats || rule.meta.formats.includes(document.format));
  const fullMdast = await fullMdastFor(document, applies, options.timing);

  for (const { rule, severity, options: ruleOptions } of applies) {
    const { meta } = rule;
    const resolved = resolveRuleOptions(rule, ruleOptions);
    let reported = 0;
    const context: RuleContext<any> = {
      id: meta.id,
      options: resolved,
      document,
      settings,
      services,
      segmentRange,
      ...(fullMdast && meta.needs?.includes("mdast") ? { fullMdast } : {}),
      report(descriptor: ReportDescriptor) {
        if (descriptor.sensitive) sensitiveRanges.push(descriptor.range);
        reportedRanges.push(descriptor.range);
        if (++reported > MAX_LISTED_PER_RULE) unlisted.add(meta.id, descriptor, severity, document.source.length);
        else raw.push({ ...toMessage(document, rule, severity, descriptor), quoted: quotedTexts(descriptor) });
      },
    };
    const started = options.timing ? performance.now() : 0;
    const created = rule.create(context);
    const visitor = settle(created) ? await created : (created as Awaited<typeof created>);
    if (visitor.document) {
      const done = settle(visitor.document(document));
      if (done) await done;
    }
    if (visitor.segment) {
      for (let i = 0; i < document.segments.length; i++) {
        const done = settle(visitor.segment(document.segments[i]!, i));
        if (done) await done;
      }
    }
    if (options.timing) addRuleTime(options.timing, meta.id, performance.now() - started);
  }

  const values = await sensitiveValues(document, raw, sensitiveRanges, options);
  const masked = new Map<string, string>();
  for (const r of raw) maskMessage(r.message, values, masked);
  const output = applyDirectives(document, raw, unlisted, values, options);
  if (output.messages.length + output.suppressedMessages.length === 0) return { ...output, sensitiveRanges };
  return { ...output, sensitiveRanges: frameMaskRanges(document.source, document.lines, sensitiveRanges, values, sensitiveRanges.length > 0 ? reportedRanges : []) };
}

/**
 * The full markdown tree, when a rule that lints this document needs it: remark loads and runs only then, so a
 * run without such a rule pays nothing for it.
 */
async function fullMdastFor(document: PromptDocument, rules: readonly EnabledRule[], timing: RunTiming | undefined): Promise<Root | undefined> {
  if (!document.mdast || !rules.some(({ rule }) => rule.meta.needs?.includes("mdast"))) return undefined;
  const started = performance.now();
  const { parseFullMdast } = await import("../parse/full-mdast.js");
  const tree = parseFullMdast(document.source);
  if (timing) {
    timing.fullMdast.count++;
    timing.fullMdast.ms += performance.now() - started;
  }
  return tree;
}

interface RawReport {
  message: LintMessage;
  offset: number;
  range: Range;
  /** Texts of the report that may quote the prompt (see message-mask.ts). */
  quoted: string[];
}

/**
 * The secret and personal values of this file: what rules flagged sensitive (suppressed findings too), plus
 * what the detectors find in the text the findings quote.
 */
async function sensitiveValues(document: PromptDocument, raw: readonly RawReport[], flagged: readonly Range[], options: LintDocumentOptions): Promise<SensitiveValues> {
  const values = new SensitiveValues();
  for (const [start, end] of flagged) values.add(document.source.slice(start, end));
  if (raw.length === 0) return values;
  const pii = options.settings?.["pii"] as { allow?: PiiAllowConfig } | undefined;
  await addValuesFoundInQuotes(values, raw.flatMap((r) => r.quoted), {
    piiAllow: pii?.allow,
    source: document.source,
    // The scanner costs half a second to load; it is already loaded when a secrets rule runs.
    scanSecrets: options.rules.some((r) => r.rule.meta.category === "secrets"),
  });
  return values;
}

function toMessage(
  document: PromptDocument,
  rule: Rule<any>,
  severity: 1 | 2,
  descriptor: ReportDescriptor,
): { message: LintMessage; offset: number; range: Range } {
  const { meta } = rule;
  const template = meta.messages[descriptor.messageId];
  if (template === undefined) {
    throw new Error(`Rule "${meta.id}" reported unknown messageId "${descriptor.messageId}"`);
  }
  const [start, end] = clampRange(descriptor.range, document.source.length);
  const startPos = document.lines.positionAt(start);
  const endPos = document.lines.positionAt(end);
  const message: LintMessage = {
    ruleId: meta.id,
    severity: descriptor.severity ?? severity,
    message: interpolate(template, descriptor.data),
    messageId: descriptor.messageId,
    line: startPos.line,
    column: startPos.column,
    endLine: endPos.line,
    endColumn: endPos.column,
  };
  if (descriptor.fix) {
    if (!meta.fixable) throw new Error(`Rule "${meta.id}" reported a fix but is not marked fixable`);
    message.fix = { range: [descriptor.fix.range[0], descriptor.fix.range[1]], text: descriptor.fix.text };
  }
  if (descriptor.suggest && descriptor.suggest.length > 0) {
    message.suggestions = descriptor.suggest.map((s) => ({
      messageId: s.messageId,
      desc: interpolate(meta.messages[s.messageId] ?? s.messageId, s.data),
      fix: { range: [s.fix.range[0], s.fix.range[1]], text: s.fix.text },
    }));
  }
  if (descriptor.related && descriptor.related.length > 0) {
    message.related = descriptor.related.map((r) => {
      if (r.range) {
        const s = document.lines.positionAt(r.range[0]);
        const e = document.lines.positionAt(r.range[1]);
        return { filePath: r.filePath, line: s.line, column: s.column, endLine: e.line, endColumn: e.column, message: r.message };
      }
      return {
        filePath: r.filePath,
        line: r.line ?? 1,
        column: r.column ?? 1,
        endLine: r.endLine ?? r.line ?? 1,
        endColumn: r.endColumn ?? r.column ?? 1,
        message: r.message,
      };
    });
  }
  if (meta.docs.help) message.help = meta.docs.help;
  if (descriptor.sensitive) message.sensitive = true;
  return { message, offset: start, range: [start, end] };
}

function clampRange(range: Range, length: number): Range {
  const start = Math.max(0, Math.min(range[0], length));
  const end = Math.max(start, Math.min(range[1], length));
  return [start, end];
}

function applyDirectives(
  document: PromptDocument,
  raw: RawReport[],
  unlisted: UnlistedReports,
  values: SensitiveValues,
  options: LintDocumentOptions,
): Omit<DocumentLintOutput, "sensitiveRanges"> {
  const directives = parseDirectives(document);
  const messages: LintMessage[] = [];
  const suppressedMessages: LintMessage[] = [];
  if (directives.length === 0) {
    for (const r of raw) messages.push(r.message);
    if (unlisted.size > 0) messages.push(...unlisted.summaries(document, () => false));
  } else {
    const suppressions = buildSuppressions(directives);
    for (const r of raw) {
      const directive = suppressions.match(r.message.ruleId, r.message.line, r.offset);
      if (directive) {
        suppressedMessages.push({ ...r.message, suppressions: [{ kind: "directive", justification: directive.justification }] });
      } else {
        messages.push(r.message);
      }
    }
    if (unlisted.size > 0) messages.push(...unlisted.summaries(document, (ruleId, line, offset) => suppressions.match(ruleId, line, offset) !== undefined));
    const unusedSeverity = options.unusedDirectives ?? 1;
    if (unusedSeverity !== 0) {
      for (const { directive, ruleIds } of suppressions.unused()) {
        const unknown = options.knownRuleIds ? ruleIds.filter((id) => !options.knownRuleIds!.has(id)) : [];
        const s = document.lines.positionAt(directive.range[0]);
        const e = document.lines.positionAt(directive.range[1]);
        const what = ruleIds.length === 0 ? "" : ` for ${ruleIds.map((id) => `"${id}"`).join(", ")}`;
        const message: LintMessage = {
          ruleId: unknown.length > 0 ? UNKNOWN_RULE_DIRECTIVE_ID : UNUSED_DIRECTIVE_ID,
          severity: unknown.length > 0 ? 2 : unusedSeverity,
          message:
            unknown.length > 0
              ? `Unknown rule ${unknown.map((id) => `"${id}"`).join(", ")} in a promptvet-${directive.type} directive, expected a rule id listed by \`promptvet rules\`.`
              : `Unused promptvet-${directive.type} directive${what}: no finding was silenced, expected it to be removed.`,
          line: s.line,
          column: s.column,
          endLine: e.line,
          endColumn: e.column,
        };
        // A directive comment is prompt text too: whatever it names passes the same masking.
        maskMessage(message, values);
        messages.push(message);
      }
    }
  }
  messages.sort((a, b) => a.line - b.line || a.column - b.column || byCodeUnit(a.ruleId ?? "", b.ruleId ?? ""));
  return { messages, suppressedMessages };
}
