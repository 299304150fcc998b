/**
 * Code actions for findings: each safe fix, each suggestion (marked as one: it changes what the prompt says),
 * a `promptvet-disable-next-line` directive with a reason to fill in, and "fix all safe problems"
 * (`source.fixAll.promptvet`), which applies fixes pass after pass as `promptvet --fix` does.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { applyFixes } from "../engine/fixes.js";
import type { Fix, LintMessage } from "../engine/types.js";
import type { PromptDocument } from "../model/document.js";
import { disableNextLineInsertion } from "./disable-directive.js";
import { DIAGNOSTIC_SOURCE } from "./diagnostics.js";
import { offsetsToRange, overlaps, spanToRange, type SourceFrame } from "./positions.js";

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.promptvet`;
const MAX_FIX_PASSES = 10;

/** What the last lint of a document gives the code actions. */
export interface LintedText {
  uri: string;
  textDocument: TextDocument;
  document: PromptDocument;
  messages: readonly LintMessage[];
  frame: SourceFrame;
}

export interface CodeActionRequest {
  range: Range;
  /** Kinds the client asked for (undefined: all). */
  only?: string[];
  /** The client's diagnostics in the range, to attach to the actions that resolve them. */
  diagnostics: Diagnostic[];
}

/** Lints a text again (for fix-all passes); returns its findings. */
export type Relint = (source: string) => Promise<readonly LintMessage[]>;

export async function codeActions(linted: LintedText, request: CodeActionRequest, relint: Relint): Promise<CodeAction[]> {
  const wants = (kind: string) => !request.only || request.only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const message of linted.messages) {
      const range = spanToRange(message, linted.frame);
      if (!overlaps(range, request.range)) continue;
      actions.push(...quickFixes(linted, message, matching(request.diagnostics, message, range)));
    }
  }
  if (wants(FIX_ALL_KIND) && linted.messages.some((m) => m.fix)) {
    const edit = await fixAllEdit(linted, relint);
    if (edit) actions.push({ title: "Fix all safe promptvet problems", kind: FIX_ALL_KIND, edit: { changes: { [linted.uri]: [edit] } } });
  }
  return actions;
}

function quickFixes(linted: LintedText, message: LintMessage, diagnostics: Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const rule = message.ruleId ?? "promptvet";
  const edit = (fix: Fix): TextEdit => ({ range: offsetsToRange(linted.textDocument, fix.range, linted.frame), newText: fix.text });
  if (message.fix) {
    actions.push({
      title: `Fix this ${rule} problem`,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      isPreferred: true,
      edit: { changes: { [linted.uri]: [edit(message.fix)] } },
    });
  }
  for (const suggestion of message.suggestions ?? []) {
    actions.push({
      title: `Suggestion (changes the prompt): ${suggestion.desc}`,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      edit: { changes: { [linted.uri]: [edit(suggestion.fix)] } },
    });
  }
  if (message.ruleId === "directives/unused") {
    const removal = directiveRemoval(linted.document, message);
    actions.push({
      title: "Remove this unused promptvet directive",
      kind: CodeActionKind.QuickFix,
      diagnostics,
      isPreferred: true,
      edit: { changes: { [linted.uri]: [edit(removal)] } },
    });
  }
  if (message.ruleId && !message.ruleId.startsWith("directives/")) {
    const insertion = disableNextLineInsertion(linted.document, message.ruleId, message.line);
    if (insertion) {
      actions.push({
        title: `Disable ${message.ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        edit: { changes: { [linted.uri]: [edit({ range: [insertion.offset, insertion.offset], text: insertion.text })] } },
      });
    }
  }
  return actions;
}

/** Removes a directive comment; a comment alone on its line(s) takes the line and its line break with it. */
function directiveRemoval(document: PromptDocument, message: LintMessage): Fix {
  const { lines } = document;
  const start = lines.offsetAt({ line: message.line, column: message.column });
  const end = lines.offsetAt({ line: message.endLine, column: message.endColumn });
  const lineStart = lines.lineStarts[message.line - 1]!;
  const lineEnd = lines.lineEnd(message.endLine);
  const alone = document.source.slice(lineStart, start).trim() === "" && document.source.slice(end, lineEnd).trim() === "";
  if (!alone) return { range: [start, end], text: "" };
  return { range: [lineStart, lines.lineStarts[message.endLine] ?? lineEnd], text: "" };
}

/** The client's diagnostics that stand for this finding (same rule, same range). */
function matching(diagnostics: Diagnostic[], message: LintMessage, range: Range): Diagnostic[] {
  return diagnostics.filter(
    (d) =>
      d.source === DIAGNOSTIC_SOURCE &&
      (d.code ?? null) === message.ruleId &&
      d.range.start.line === range.start.line &&
      d.range.start.character === range.start.character &&
      d.range.end.line === range.end.line &&
      d.range.end.character === range.end.character,
  );
}

/**
 * Every safe fix, applied and re-linted until nothing changes (a fix may uncover another), as one minimal edit:
 * only the span between the first and the last changed character is replaced, so the cursor stays put.
 */
async function fixAllEdit(linted: LintedText, relint: Relint): Promise<TextEdit | undefined> {
  const original = linted.document.source;
  let source = original;
  let messages = linted.messages;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { output, applied } = applyFixes(source, messages);
    if (applied === 0 || output === source) break;
    source = output;
    messages = await relint(source);
  }
  if (source === original) return undefined;
  let prefix = 0;
  const max = Math.min(original.length, source.length);
  while (prefix < max && original.charCodeAt(prefix) === source.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && original.charCodeAt(original.length - 1 - suffix) === source.charCodeAt(source.length - 1 - suffix)) suffix++;
  // Never cut a CRLF or a surrogate pair in two: a position inside one means different things to different clients.
  while (prefix > 0 && splitsPair(original, prefix)) prefix--;
  while (suffix > 0 && splitsPair(original, original.length - suffix)) suffix--;
  return {
    range: offsetsToRange(linted.textDocument, [prefix, original.length - suffix], linted.frame),
    newText: source.slice(prefix, source.length - suffix),
  };
}

/** True when `offset` falls between the two halves of a CRLF or a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return (before === 13 && after === 10) || (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff);
}
