// Writes src/contradiction/value-literals.generated.ts: the literals of the contradiction extractor's value patterns,
// so a run does not read the patterns' source to find them (see src/contradiction/value-literals.ts). Called by the
// build before the command line is bundled; a test fails when the file is stale.
import { fileURLToPath } from "node:url";
import { writeIfChanged } from "./gen-rule-catalog.mjs";

export function writeValueLiterals(valueLiteralsSource) {
  return writeIfChanged(fileURLToPath(new URL("../src/contradiction/value-literals.generated.ts", import.meta.url)), valueLiteralsSource());
}
