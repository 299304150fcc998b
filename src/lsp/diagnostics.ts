/** Engine findings as protocol diagnostics: rule id as `code`, a link to the rule's docs, related locations. */
import { pathToFileURL } from "node:url";
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from "vscode-languageserver";
import type { LintMessage, RuleMeta } from "../engine/types.js";
import { spanToRange, type SourceFrame } from "./positions.js";
import { ruleDocsHref } from "./rule-docs.js";

export const DIAGNOSTIC_SOURCE = "promptvet";

export interface DiagnosticContext {
  /** Absolute path of the linted file (related locations without a path are in it). */
  filePath: string;
  /** Its URI as the client spelled it. */
  uri: string;
  frame: SourceFrame;
  /** Metadata of the rules known for this file (docs links of plugin rules). */
  meta: (ruleId: string) => RuleMeta | undefined;
  /** The URI of an open document for a path, so related locations point at the buffer the client knows. */
  uriFor: (filePath: string) => string | undefined;
}

export function toDiagnostic(message: LintMessage, context: DiagnosticContext): Diagnostic {
  const diagnostic: Diagnostic = {
    range: spanToRange(message, context.frame),
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    message: message.message,
  };
  if (message.ruleId) {
    diagnostic.code = message.ruleId;
    const href = ruleDocsHref(message.ruleId, context.meta(message.ruleId));
    if (href) diagnostic.codeDescription = { href };
  }
  // Directives that silence nothing are dead text, as editors show unused code.
  if (message.ruleId === "directives/unused") diagnostic.tags = [DiagnosticTag.Unnecessary];
  if (message.related && message.related.length > 0) {
    diagnostic.relatedInformation = message.related.map((r): DiagnosticRelatedInformation => {
      const inThisFile = !r.filePath || r.filePath === context.filePath;
      const uri = inThisFile ? context.uri : (context.uriFor(r.filePath!) ?? pathToFileURL(r.filePath!).href);
      return { location: { uri, range: spanToRange(r, inThisFile ? context.frame : { bomShift: 0 }) }, message: r.message };
    });
  }
  return diagnostic;
}
