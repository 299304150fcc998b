/**
 * promptvet's secret detectors: credentials that LLM work leaks and that
 * @secretlint/secretlint-rule-preset-recommend 13 does not cover, or covers only in one exact shape. They
 * run inside secretlint as one extra rule (see secretlint-rules.ts) so one pass and one message pipeline serve
 * both. Which shapes exist and which gitleaks fixtures they are measured on: rules/secrets/leaked-credential.md
 * and `npm run bench:secrets`.
 */
import { findAwsSecretKeys } from "./aws-secret.js";
import { TOKEN_CHAR, type Detector } from "./detector.js";
import { findJwts } from "./jwt.js";
import { LLM_DETECTORS } from "./llm-detectors.js";
import { findPrivateKeys } from "./pem.js";
import { looksRandom } from "./placeholder.js";
import { PLATFORM_DETECTORS } from "./platform-detectors.js";

export type { Detector } from "./detector.js";

/** Detectors that judge a candidate by more than its shape. */
const STRUCTURAL_DETECTORS: readonly Detector[] = [
  { id: "JWT", kind: "jwt", find: findJwts },
  { id: "PRIVATE_KEY", kind: "private-key", find: findPrivateKeys },
  { id: "AWS_SECRET_ACCESS_KEY", kind: "aws-secret-access-key", find: findAwsSecretKeys },
];

export const DETECTORS: readonly Detector[] = [...LLM_DETECTORS, ...PLATFORM_DETECTORS, ...STRUCTURAL_DETECTORS];

/** A detector hit: offsets into the scanned text. */
export interface DetectorHit {
  detector: Detector;
  start: number;
  end: number;
}

/** Runs every detector over `text`, keeping hits whose random part does not look like a placeholder. */
export function runDetectors(text: string, detectors: readonly Detector[] = DETECTORS): DetectorHit[] {
  const hits: DetectorHit[] = [];
  for (const detector of detectors) {
    if (detector.find) {
      for (const [start, end] of detector.find(text)) hits.push({ detector, start, end });
      continue;
    }
    if (!detector.pattern) continue;
    const notAfter = detector.notAfter ?? TOKEN_CHAR;
    for (const match of text.matchAll(detector.pattern)) {
      let start = match.index;
      if (detector.behind) {
        const window = text.slice(Math.max(0, start - detector.behind.maxLength), start);
        const before = detector.behind.pattern.exec(window);
        if (!before) continue;
        if (detector.behind.include) start -= before[0].length;
      } else if (start > 0 && notAfter.test(text[start - 1]!)) {
        continue;
      }
      const groups = match.groups ?? {};
      if (detector.randomness !== false) {
        const body = groups.body ?? match[0];
        if (!looksRandom(body, detector.randomness ?? {})) continue;
      }
      if (detector.accept && !detector.accept(groups)) continue;
      const secret = match.indices?.groups?.secret;
      if (secret) hits.push({ detector, start: secret[0], end: secret[1] });
      else hits.push({ detector, start, end: match.index + match[0].length });
    }
  }
  return hits;
}
