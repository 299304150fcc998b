import type { Directive } from "../../src/contradiction/index.js";
import { defineRule, type RuleContext } from "../../src/rule-api/types.js";
import type { PromptDocument } from "../../src/model/document.js";
import { composedDocument, composedPrompt, originOf, relatedAt, shownPath } from "./_shared.js";

/**
 * A fork adds its own instructions to the base's. Where a fork's instruction cannot be obeyed together
 * with one the base still sends ("Answer in one sentence" in the base, "explain each step in detail" in
 * the fork), the model picks one at random. Checked on the composed prompt, so a base section the fork
 * overrides or removes no longer counts.
 *
 * Coding-agent instruction files are composed by the agent itself: an AGENTS.md with the AGENTS.md of every
 * parent folder, CLAUDE.md with the AGENTS.md beside it, Copilot's repository-wide instructions with its scoped
 * ones, Cursor rules whose globs overlap. A contradiction between two of them is reported once, on the more
 * specific file.
 */
export default defineRule({
  meta: {
    id: "fork/contradiction",
    category: "fork",
    docs: {
      description: "Disallow instructions in a fork, or in an agent instruction file, that contradict instructions sent along with them",
      help: "Override the base section that says otherwise (same heading), or remove it with `remove:`; between agent instruction files, keep one rule or say which file wins.",
      recommended: "error",
    },
    messages: {
      conflict: "Unexpected {{kind}} instruction \"{{sentence}}\" that contradicts \"{{other}}\" in {{file}} (line {{line}}); expected the fork to override or remove that section.",
      incomplete:
        "Unexpected number of instructions to compare with the base and partials: the check stopped after {{pairs}} pairs, so this instruction and the ones after it were not checked for contradictions; expected a smaller fork or base.",
      companion:
        "Unexpected {{kind}} instruction \"{{sentence}}\" that contradicts \"{{other}}\" in {{file}} (line {{line}}), which applies to the same files; expected one rule, or one file to say that it takes precedence.",
    },
  },
  create(context) {
    return {
      async document(document) {
        await checkCompanions(context, document);
        const composed = await composedPrompt(context);
        if (!composed || composed.files.length < 2 || composed.base?.kind === "forked_from") return;
        const { extractDirectives, searchConflicts, KIND_NAMES, MAX_COMPARED_PAIRS } = await import("../../src/contradiction/index.js");
        const composedDoc = await composedDocument(context, composed);
        const mine: Directive[] = [];
        const others: Directive[] = [];
        for (const directive of extractDirectives(composedDoc.document)) {
          const origin = originOf(composedDoc, directive.range);
          if (!origin || origin.synthetic) continue;
          const located = { ...directive, filePath: origin.filePath, range: origin.range };
          (origin.filePath === document.path ? mine : others).push(located);
        }
        if (mine.length === 0 || others.length === 0) return;
        const search = searchConflicts(mine, others);
        for (const conflict of search.conflicts) {
          const other = conflict.earlier;
          const pos = composed.position(other.filePath!, other.range);
          context.report({
            messageId: "conflict",
            data: {
              kind: KIND_NAMES[conflict.kind],
              sentence: clip(conflict.later.sentence),
              other: clip(other.sentence),
              file: shownPath(document.path, other.filePath!),
              line: pos.line,
            },
            range: conflict.later.range,
            related: [relatedAt(composed, { filePath: other.filePath!, range: other.range }, "The instruction it contradicts.")],
          });
        }
        if (search.stoppedAt) {
          context.report({ messageId: "incomplete", severity: 1, data: { pairs: MAX_COMPARED_PAIRS.toLocaleString("en-US") }, range: search.stoppedAt.range });
        }
      },
    };
  },
});

/** Contradictions between an agent instruction file and the other instruction files that apply with it. */
async function checkCompanions(context: RuleContext, document: PromptDocument): Promise<void> {
  const { companionFiles, instructionKind, reportsPair, statesFilePrecedence } = await import("../../src/contradiction/companions.js");
  if (!instructionKind(document.path)) return;
  const { readWorkingTreeFile } = await import("../../src/compose/read.js");
  const readFile = context.services.readFile ?? readWorkingTreeFile;
  // A companion the run may not read (outside its root) or cannot read is left out, not a failure of this file.
  // Each is read once: finding the companions reads some of them (their globs) before they are compared.
  const texts = new Map<string, Promise<string | undefined>>();
  const read = (file: string): Promise<string | undefined> => {
    let text = texts.get(file);
    if (!text) {
      text = readFile(file).catch(() => undefined);
      texts.set(file, text);
    }
    return text;
  };
  const files = (await companionFiles(document.path, document.source, read)).filter((f) => reportsPair(document.path, f));
  if (files.length === 0) return;
  const { checkDocument, extractDirectives, findConflicts, KIND_NAMES } = await import("../../src/contradiction/index.js");
  const { parseDocument } = await import("../../src/parse/index.js");
  const { detectFormat } = await import("../../src/parse/detect.js");
  const mineCheck = checkDocument(document);
  if (statesFilePrecedence(document.source)) return;
  // Each file's headings organise that file; across files only conditions and what a rule names keep rules apart.
  const mine = mineCheck.directives.map((d) => ({ ...d, scope: "", filePath: document.path }));
  if (mine.length === 0) return;
  for (const file of files) {
    const text = await read(file);
    if (text === undefined || statesFilePrecedence(text)) continue;
    const other = parseDocument({ path: file, source: text, format: detectFormat(file) ?? "markdown", bom: false });
    const theirs = extractDirectives(other, { filePath: file }).map((d) => ({ ...d, scope: "" }));
    for (const conflict of findConflicts(mine, theirs)) {
      const pos = other.lines.positionAt(conflict.earlier.range[0]);
      const end = other.lines.positionAt(conflict.earlier.range[1]);
      context.report({
        messageId: "companion",
        data: {
          kind: KIND_NAMES[conflict.kind],
          sentence: clip(conflict.later.sentence),
          other: clip(conflict.earlier.sentence),
          file: shownPath(document.path, file),
          line: pos.line,
        },
        range: conflict.later.range,
        related: [{ filePath: file, line: pos.line, column: pos.column, endLine: end.line, endColumn: end.column, message: "The instruction it contradicts." }],
      });
    }
  }
}

function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
