/**
 * What a promptvet secret detector is, and the pattern helpers the detector lists share.
 *
 * A detector is either a regular expression with named groups (most providers: a fixed prefix and a bounded
 * character class), or a `find` function for credentials whose shape a pattern cannot judge on its own
 * (a JWT's decoded header, a PEM body, an AWS secret key's neighbourhood). Both must stay linear in the
 * length of the text: tests run a 100,000-character adversarial line through every detector.
 */
import type { RandomnessOptions } from "./placeholder.js";

export interface Detector {
  /** secretlint message id; also names the detector in tests. */
  id: string;
  kind: string;
  /**
   * Global regex with the `d` flag. Named groups: `body` is the random part checked for placeholders;
   * `secret`, when present, is the reported range (otherwise the whole match).
   */
  pattern?: RegExp;
  /** For detectors a pattern cannot express: every `[start, end)` range to report. */
  find?: (text: string) => Iterable<readonly [number, number]>;
  /** Randomness requirements for `body`; `false` skips the check (a custom `accept` decides). */
  randomness?: RandomnessOptions | false;
  /** Extra acceptance test on the named groups. */
  accept?: (groups: Record<string, string | undefined>) => boolean;
  /**
   * Characters that may not come right before the match (default: token characters). Checked in code
   * rather than with a leading lookbehind, which would stop V8 from skipping ahead to the literal prefix:
   * the difference is 5 to 20 times on prose.
   */
  notAfter?: RegExp;
  /**
   * For patterns anchored on a middle literal (`_API_KEY=`, `://`): what must end right before the match,
   * tested on at most `maxLength` characters (`$`-anchored, with its own boundary). With `include`, the
   * reported range starts where it starts. Replaces the `notAfter` check.
   */
  behind?: { pattern: RegExp; maxLength: number; include?: boolean };
}

/** No token character directly before the prefix (so `xsk-…` or `task-…` do not match). */
export const TOKEN_CHAR = /[A-Za-z0-9_-]/;

/** No token character directly after the body (so a longer run is not cut into a "key"). */
export const E = "(?![A-Za-z0-9_-])";

export function re(source: string, flags = "gd"): RegExp {
  return new RegExp(source, flags);
}
