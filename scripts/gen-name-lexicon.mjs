// Extracts from compromise's lexicon the word classes the person-name detector needs (first name, last
// name, other known word), so a run reads a small JSON file instead of loading the NLP library (~0.3 s).
// Run after upgrading compromise; a test fails when the file is stale.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const nlp = require("compromise");
const lexicon = nlp.model().one.lexicon;
const FIRST = new Set(["FirstName", "MaleName", "FemaleName", "Person"]);
const out = { source: `compromise@${nlp.version}`, first: [], last: [], common: [] };
for (const word of Object.keys(lexicon).sort()) {
  const tag = lexicon[word];
  if (FIRST.has(tag)) out.first.push(word);
  else if (tag === "LastName") out.last.push(word);
  else out.common.push(word);
}
writeFileSync(new URL("../data/name-lexicon.json", import.meta.url), `${JSON.stringify(out)}\n`);
console.log(`first ${out.first.length}, last ${out.last.length}, common ${out.common.length}`);
