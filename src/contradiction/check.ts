/** One call for rules and tools: the contradictions and duplicates of a document. */
import type { PromptDocument, Range } from "../model/document.js";
import { collectBlocks } from "./blocks.js";
import { findDuplicates, searchConflicts, type Conflict, type Duplicate } from "./conflicts.js";
import { extractFromBlocks, MAX_EXTRACTED_DIRECTIVES, type Directive, type ExtractionBudget } from "./directives.js";
import { hasPrecedenceStatement } from "./precedence.js";

export interface DocumentCheck {
  directives: Directive[];
  conflicts: Conflict[];
  duplicates: Duplicate[];
  /** The document states which rule wins on conflict: conflicts are not reported. */
  precedence: boolean;
  /** The conflict search ran out of budget at this directive: it and those after it were not fully compared. */
  stoppedAt?: Directive;
  /** Extraction read `MAX_EXTRACTED_DIRECTIVES` directives and stopped at this sentence: it and the rest were not read. */
  unreadFrom?: Range;
}

const cache = new WeakMap<PromptDocument, DocumentCheck>();

/** Memoised per document, so the instruction and duplicate rules share one extraction. */
export function checkDocument(document: PromptDocument): DocumentCheck {
  const cached = cache.get(document);
  if (cached) return cached;
  const blocks = collectBlocks(document);
  const precedence = blocks.some((b) => hasPrecedenceStatement(b.text));
  const budget: ExtractionBudget = { max: MAX_EXTRACTED_DIRECTIVES };
  const directives = extractFromBlocks(blocks, { budget });
  // A pair that contradicts is never also a repetition, even when a precedence statement silences the contradiction.
  const search = searchConflicts(directives);
  const result: DocumentCheck = {
    directives,
    conflicts: precedence ? [] : search.conflicts,
    duplicates: findDuplicates(directives, search.conflicts),
    precedence,
    ...(search.stoppedAt && !precedence ? { stoppedAt: search.stoppedAt } : {}),
    ...(budget.stoppedAt ? { unreadFrom: budget.stoppedAt } : {}),
  };
  cache.set(document, result);
  return result;
}
