import { describe, expect, it } from "vitest";
import { maskRanges, maskValue } from "../../src/rule-api/mask.js";

describe("maskValue", () => {
  it("keeps a recognisable provider prefix and the last four characters of a token", () => {
    expect(maskValue("ghp_R8mK2xQ7vLabcd1234")).toBe("ghp_…1234");
    expect(maskValue("AKIAZ7VRSQ5TEXKRQ2MP")).toBe("AKIA…Q2MP");
  });

  it("keeps almost nothing of a short value", () => {
    expect(maskValue("Hà")).toBe("**");
    expect(maskValue("Priya Raman")).toBe("P…n");
  });

  it("never shows a whole word of a value of several words", () => {
    // The last four characters would be "u Hà", the given name in full; a two-letter head would be "Al".
    expect(maskValue("Nguyễn Thu Hà")).toBe("Ng…à");
    expect(maskValue("Al Brandt-Hoffmann")).toBe("A…mann");
    expect(maskValue("Flat 4, 12 Elm Row")).toBe("Fl…ow");
    for (const value of ["Nguyễn Thu Hà", "Al Brandt-Hoffmann", "Flat 4, 12 Elm Row", "J. R. R. Tolkien", "Anh Vu"]) {
      const shown = maskValue(value).split("…").join(" ");
      for (const word of value.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1)) expect(shown.split(/[^\p{L}\p{N}]+/u)).not.toContain(word);
    }
  });
});

describe("maskRanges", () => {
  it("replaces the characters of each range and keeps line breaks and length", () => {
    expect(maskRanges("a secret\nhere", [[2, 11]])).toBe("a ••••••\n••re");
  });
});
