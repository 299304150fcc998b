import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relativePosix } from "../../src/util/relative-path.js";

const reference = (from: string, to: string) => path.relative(from, to).split(path.sep).join("/");

describe("relativePosix", () => {
  it.each([
    ["/repo", "/repo/a/b.md", "a/b.md"],
    ["/repo/", "/repo/a.md", "a.md"],
    ["/repo", "/repo", ""],
    ["/repo", "/repository/a.md", "../repository/a.md"],
    ["/repo/sub", "/repo/a.md", "../a.md"],
    ["/repo", "/repo/./a.md", "a.md"],
    ["/repo", "/repo/x/../a.md", "a.md"],
    ["/repo", "/repo//a.md", "a.md"],
    ["/repo", "/repo/.hidden/a.md", ".hidden/a.md"],
  ])("relative(%s, %s) = %s, as path.relative gives it", (from, to, expected) => {
    expect(relativePosix(from, to)).toBe(expected);
    expect(relativePosix(from, to)).toBe(reference(from, to));
  });

  it("agrees with path.relative on random absolute paths", () => {
    const segment = fc.constantFrom("a", "b", "..", ".", "", ".x", "a b", "é");
    const absolute = fc.array(segment, { maxLength: 5 }).map((parts) => `/${parts.join("/")}`);
    fc.assert(fc.property(absolute, absolute, (from, to) => relativePosix(from, to) === reference(from, to)), { numRuns: 3000 });
  });
});
