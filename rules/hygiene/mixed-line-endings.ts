import { defineRule } from "../../src/rule-api/types.js";

type Ending = "LF" | "CRLF" | "CR";
const TEXT: Record<Ending, string> = { LF: "\n", CRLF: "\r\n", CR: "\r" };

/**
 * A file that mixes LF and CRLF: usually a paste from another editor. The bytes differ from what reviewers
 * see, prefix caches miss, and `\r` reaches the model in some pipelines. Each line whose ending is in the
 * minority is reported and fixed to the file's majority ending (ties go to the first ending in the file).
 */
export default defineRule({
  meta: {
    id: "hygiene/mixed-line-endings",
    category: "hygiene",
    fixable: true,
    docs: {
      description: "Disallow files that mix LF and CRLF line endings",
      help: "Use one line ending throughout (promptvet --fix converts to the majority); set .gitattributes eol.",
      recommended: "warn",
    },
    messages: {
      mixed: "Unexpected {{found}} line ending, expected {{expected}} like {{majority}} of the {{total}} line endings in this file.",
    },
  },
  create(context) {
    return {
      document(document) {
        const { source, lines } = document;
        // Without a carriage return every ending is LF: most files, and no need to look at each line.
        if (!source.includes("\r")) return;
        const endings: { ending: Ending; at: number }[] = [];
        const counts: Record<Ending, number> = { LF: 0, CRLF: 0, CR: 0 };
        for (let line = 1; line < lines.lineCount; line++) {
          const at = lines.lineEnd(line);
          const ending: Ending = source.charCodeAt(at) === 13 ? (source.charCodeAt(at + 1) === 10 ? "CRLF" : "CR") : "LF";
          endings.push({ ending, at });
          counts[ending]++;
        }
        const kinds = (Object.keys(counts) as Ending[]).filter((k) => counts[k] > 0);
        if (kinds.length < 2) return;
        const firstSeen = endings[0]!.ending;
        const majority = kinds.reduce((best, k) => (counts[k] > counts[best] || (counts[k] === counts[best] && k === firstSeen) ? k : best), firstSeen);
        for (const { ending, at } of endings) {
          if (ending === majority) continue;
          const range: [number, number] = [at, at + TEXT[ending].length];
          context.report({
            messageId: "mixed",
            data: { found: ending, expected: majority, majority: counts[majority], total: endings.length },
            range,
            fix: { range, text: TEXT[majority] },
          });
        }
      },
    };
  },
});
