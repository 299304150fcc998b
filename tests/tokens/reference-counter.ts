// The token counter promptvet used before its own BPE encoder: gpt-tokenizer's encodings with two
// corrections (Rust's `\s` set in the pre-tokenizer, and merges of tokens that start with a BOM). Kept as the
// reference the new counter must equal, count for count.
import { withRustWhitespace } from "../../src/tokens/bpe/patterns.js";

type Count = (text: string) => number;

interface BpeCore {
  tokenSplitRegex?: RegExp;
  getBpeRankFromBytes?: (key: Uint8Array) => number | undefined;
  getBpeRankFromString?: (key: string) => number | undefined;
  binarySearch?: (key: Uint8Array) => number;
  bytePairNonUtfSortedEncoder?: [Uint8Array, number][];
}

interface EncodingModule {
  countTokens(text: string, options: { disallowedSpecial: Set<string> }): number;
  default: unknown;
}

const NO_SPECIAL = { disallowedSpecial: new Set<string>() };
const BOM_KEEPING = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const patched = new WeakSet<object>();

function corrected(mod: EncodingModule): Count {
  const core = (mod.default as { bytePairEncodingCoreProcessor?: BpeCore }).bytePairEncodingCoreProcessor;
  if (core && core.tokenSplitRegex instanceof RegExp && !patched.has(core)) {
    patched.add(core);
    core.tokenSplitRegex = withRustWhitespace(core.tokenSplitRegex);
    const original = core.getBpeRankFromBytes!;
    const byString = core.getBpeRankFromString!;
    // gpt-tokenizer 4.0.0 decodes byte keys with a TextDecoder that drops a leading BOM.
    core.getBpeRankFromBytes = function (this: BpeCore, key: Uint8Array) {
      if (key.length >= 3 && key[0] === 0xef && key[1] === 0xbb && key[2] === 0xbf) {
        let text: string | undefined;
        try {
          text = BOM_KEEPING.decode(key);
        } catch {
          text = undefined;
        }
        const rank = text === undefined ? undefined : byString.call(this, text);
        if (rank !== undefined) return rank;
        const index = this.binarySearch?.(key) ?? -1;
        return index === -1 ? undefined : this.bytePairNonUtfSortedEncoder?.[index]?.[1];
      }
      return original.call(this, key);
    };
  }
  return (t) => (t.length === 0 ? 0 : mod.countTokens(t, NO_SPECIAL));
}

/** The previous counter of an encoding. */
export async function referenceCounter(name: "o200k_base" | "cl100k_base" | "p50k_base" | "r50k_base"): Promise<Count> {
  switch (name) {
    case "o200k_base":
      return corrected(await import("gpt-tokenizer/encoding/o200k_base"));
    case "cl100k_base":
      return corrected(await import("gpt-tokenizer/encoding/cl100k_base"));
    case "p50k_base":
      return corrected(await import("gpt-tokenizer/encoding/p50k_base"));
    case "r50k_base":
      return corrected(await import("gpt-tokenizer/encoding/r50k_base"));
  }
}
