import type { LexiconFile } from "../src/pii/name-lexicon.js";

export function buildNameLexicon(): Promise<LexiconFile>;
