/** Contradiction detection: directive extraction and conflict search, usable by any rule. */
export { extractDirectives, extractFromText, type Bound, type Directive, type ExtractOptions } from "./directives.js";
export { conflictKind, findConflicts, findDuplicates, MAX_COMPARED_PAIRS, searchConflicts, type Conflict, type ConflictSearch, type Duplicate } from "./conflicts.js";
export { collectBlocks, type InstructionBlock } from "./blocks.js";
export { KIND_NAMES, kindOf, type Dimension } from "./vocabulary.js";
export { hasPrecedenceStatement } from "./precedence.js";
export { checkDocument, type DocumentCheck } from "./check.js";
export { checkExamples, violationsOf, guessLanguage, type ExampleOutput, type ExampleViolation } from "./examples.js";
export { confirmConflicts, loadNlp } from "./nlp.js";
