import type { ReportDescriptor, Rule, RuleContext } from "../../src/rule-api/types.js";
import { defineRule } from "../../src/rule-api/types.js";
import type { ComposedPrompt } from "../../src/compose/index.js";
import type { PromptDocument } from "../../src/model/document.js";
import contextWindow from "../budget/context-window.js";
import maxTokens from "../budget/max-tokens.js";
import { composedDocumentOf } from "../../src/compose/document.js";
import { composedDocument, composedPrompt } from "./_shared.js";

/**
 * Token budgets and context windows hold for the prompt as sent: a fork of 20 lines may compose to 4,000
 * tokens with its base and partials. Runs the checks of budget/max-tokens and budget/context-window on the
 * composed prompt (budgets from the config and from the frontmatter of the fork or its base) and reports
 * what the file alone does not already show.
 */
export default defineRule<{ outputTokens: number }>({
  meta: {
    id: "fork/composed-budget",
    category: "fork",
    docs: {
      description: "Enforce token budgets and context windows on the composed prompt (base, fork and partials together)",
      help: "Shorten the fork, its base or its partials, or raise the budget deliberately.",
      // Reports nothing until a budget or a model with a known window is configured.
      recommended: "error",
    },
    messages: {
      composed: "In the prompt composed from {{files}}: {{message}}",
    },
    schema: {
      type: "object",
      additionalProperties: false,
      properties: { outputTokens: { type: "integer", minimum: 0, description: "Output tokens to reserve when no max_tokens is declared." } },
    },
    defaultOptions: { outputTokens: 4096 },
  },
  create(context) {
    return {
      async document(document) {
        const composed = await composedPrompt(context);
        if (!composed || composed.files.length < 2) return;
        const composedDoc = await composedDocument(context, composed);
        const checks: [Rule<any>, Record<string, unknown>][] = [
          [maxTokens, {}],
          [contextWindow, { outputTokens: context.options.outputTokens }],
        ];
        const baseDoc = composed.base?.kind === "extends" ? await baseDocument(composed.base.prompt, document.format) : undefined;
        for (const [rule, options] of checks) {
          // What the file alone or its base alone already shows is reported there, not again here.
          const alone = new Set((await run(rule, options, document, context)).map(key));
          if (baseDoc) for (const d of await run(rule, options, baseDoc, context)) alone.add(key(d));
          for (const finding of await run(rule, options, composedDoc.document, context)) {
            if (alone.has(key(finding))) continue;
            context.report({
              messageId: "composed",
              data: { files: describeFiles(composed.files.length), message: interpolate(rule.meta.messages[finding.messageId]!, finding.data) },
              range: composed.base?.reference ?? composed.includes.find((i) => i.from === document.path)?.range ?? document.body,
            });
          }
        }
      },
    };
  },
});

/** The base's own composed prompt as a document (its merged frontmatter, then its text). */
async function baseDocument(base: ComposedPrompt, format: PromptDocument["format"]): Promise<PromptDocument> {
  return (await composedDocumentOf(base, base.filePath, format)).document;
}

function describeFiles(n: number): string {
  return n === 2 ? "2 files" : `${n} files`;
}

function key(d: ReportDescriptor): string {
  return `${d.messageId}\0${d.data?.what ?? ""}\0${d.data?.model ?? ""}`;
}

function interpolate(template: string, data: ReportDescriptor["data"]): string {
  return template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, k: string) => (data && k in data ? String(data[k]) : whole));
}

/** Runs a budget rule's checks on a document and collects what it would report. */
async function run(rule: Rule<any>, options: Record<string, unknown>, document: PromptDocument, parent: RuleContext<any>): Promise<ReportDescriptor[]> {
  const found: ReportDescriptor[] = [];
  const context: RuleContext<any> = {
    id: rule.meta.id,
    options: { ...(rule.meta.defaultOptions ?? {}), ...options },
    document,
    settings: parent.settings,
    services: parent.services,
    segmentRange: parent.segmentRange,
    report: (d) => found.push(d),
  };
  const visitor = await rule.create(context);
  if (visitor.document) await visitor.document(document);
  if (visitor.segment) for (let i = 0; i < document.segments.length; i++) await visitor.segment(document.segments[i]!, i);
  return found;
}
