/** One call for rules and tools: the contradictions and duplicates of a document. */
import type { PromptDocument, Range } from "../model/document.js";
import { collectBlocks } from "./blocks.js";
import { findDuplicates, searchConflicts, type Conflict, type Duplicate } from "./conflicts.js";
import { directiveLimit, extractFromBlocks, type Directive, type ExtractionBudget } from "./directives.js";
import { precedenceReach } from "./precedence.js";
import type { InstructionBlock } from "./blocks.js";

export interface DocumentCheck {
  directives: Directive[];
  conflicts: Conflict[];
  duplicates: Duplicate[];
  /** The document states which rule wins on conflict: conflicts are not reported. */
  precedence: boolean;
  /** Sections (heading paths) whose own precedence statement says which rule wins: pairs with a side there are not reported. */
  rankedSections?: string[];
  /** The conflict search ran out of budget at this directive: it and those after it were not fully compared. */
  stoppedAt?: Directive;
  /** Extraction read `readLimit` directives and stopped at this sentence: it and the rest were not read. */
  unreadFrom?: Range;
  /** How many directives extraction reads from this document (`directiveLimit` of its length). */
  readLimit: number;
}

const cache = new WeakMap<PromptDocument, DocumentCheck>();

/** Memoised per document, so the instruction and duplicate rules share one extraction. */
export function checkDocument(document: PromptDocument): DocumentCheck {
  const cached = cache.get(document);
  if (cached) return cached;
  const blocks = collectBlocks(document);
  const reaches = blocks.map((b) => precedenceReach(b.text));
  const precedence = reaches.includes("document");
  const ranked = new Set(blocks.filter((_, i) => reaches[i] === "section").map(sectionKey));
  const budget: ExtractionBudget = { max: directiveLimit(document.source.length) };
  const directives = extractFromBlocks(blocks, { budget });
  // A pair that contradicts is never also a repetition, even when a precedence statement silences the contradiction.
  const search = searchConflicts(directives);
  const sectionOf = ranked.size > 0 ? sectionLookup(blocks) : undefined;
  const covered = (d: Directive) => ranked.has(sectionOf!(d.range[0]));
  const result: DocumentCheck = {
    directives,
    conflicts: precedence ? [] : sectionOf ? search.conflicts.filter((c) => !covered(c.later) && !covered(c.earlier)) : search.conflicts,
    ...(ranked.size > 0 ? { rankedSections: [...ranked] } : {}),
    duplicates: findDuplicates(directives, search.conflicts),
    precedence,
    ...(search.stoppedAt && !precedence ? { stoppedAt: search.stoppedAt } : {}),
    ...(budget.stoppedAt ? { unreadFrom: budget.stoppedAt } : {}),
    readLimit: budget.max,
  };
  cache.set(document, result);
  return result;
}

function sectionKey(block: InstructionBlock): string {
  return block.headings.join("\u0000");
}

/** The section (heading path) of the block that holds a source offset, by binary search over the blocks' starts. */
function sectionLookup(blocks: InstructionBlock[]): (offset: number) => string {
  const sorted = [...blocks].sort((a, b) => a.start - b.start);
  return (offset) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]!.start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found === -1 ? "\u0001" : sectionKey(sorted[found]!);
  };
}
