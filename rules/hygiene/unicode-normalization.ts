import { defineRule } from "../../src/rule-api/types.js";

/**
 * Text not in Unicode NFC: "é" written as "e" + U+0301 looks identical to "é" (U+00E9) but is a different
 * byte sequence, so searches, exact-match caches and tokenizers treat the two differently. Reported per run
 * of characters whose NFC form differs, fixed to NFC.
 */
export default defineRule({
  meta: {
    id: "hygiene/unicode-normalization",
    category: "hygiene",
    fixable: true,
    docs: {
      description: "Require text in Unicode Normalization Form C (NFC)",
      help: "Normalize the file to NFC (promptvet --fix does; most editors can too).",
      recommended: "warn",
    },
    messages: {
      notNfc: "Unexpected non-NFC text '{{text}}' ({{codes}}), expected its NFC form '{{nfc}}' ({{nfcCodes}}).",
    },
  },
  create(context) {
    return {
      document(document) {
        const { source } = document;
        // Fast path: most files are already NFC, and String#normalize is native.
        if (source.normalize("NFC") === source) return;
        for (const [start, end] of nonNfcRuns(source)) {
          const text = source.slice(start, end);
          const nfc = text.normalize("NFC");
          context.report({
            messageId: "notNfc",
            data: { text: short(text), codes: codes(text), nfc: short(nfc), nfcCodes: codes(nfc) },
            range: [start, end],
            fix: { range: [start, end], text: nfc },
          });
        }
      },
    };
  },
});

/** Characters that attach to the character before them (canonical combining marks and Hangul V/T jamo). */
const ATTACHES = /[\p{M}\u1160-\u11FF\uD7B0-\uD7FF]/u;

/** Runs of adjacent clusters (a base plus attached characters) whose NFC form differs from the text. */
export function nonNfcRuns(text: string): [number, number][] {
  const runs: [number, number][] = [];
  let clusterStart = 0;
  let i = 0;
  const flush = (end: number) => {
    if (end <= clusterStart) return;
    let ascii = true;
    for (let k = clusterStart; k < end; k++) if (text.charCodeAt(k) > 0x7f) ascii = false;
    if (!ascii) {
      const cluster = text.slice(clusterStart, end);
      if (cluster.normalize("NFC") !== cluster) {
        const last = runs[runs.length - 1];
        if (last && last[1] === clusterStart) last[1] = end;
        else runs.push([clusterStart, end]);
      }
    }
    clusterStart = end;
  };
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (i > clusterStart && !(cp > 0x7f && ATTACHES.test(String.fromCodePoint(cp)))) flush(i);
    i += width;
  }
  flush(text.length);
  return runs;
}

function short(text: string): string {
  return text.length > 24 ? `${text.slice(0, 21)}...` : text;
}

function codes(text: string): string {
  const cps = [...text].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`);
  return cps.length > 6 ? `${cps.slice(0, 6).join(" ")} ...` : cps.join(" ");
}
