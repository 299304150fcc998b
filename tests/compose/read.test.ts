import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { composePrompt } from "../../src/compose/compose.js";
import { fileReaderFor, indexReader } from "../../src/compose/read.js";
import { GitObjectStore } from "../../src/files/git-objects.js";
import { writeFiles } from "../rules/fork/harness.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

it("reads bases and partials from the git index in staged mode: what will be committed", async () => {
  const dir = writeFiles({ "base.md": "staged text\n" });
  dirs.push(dir);
  execFileSync("git", ["init", "-q"], { cwd: dir });
  execFileSync("git", ["add", "base.md"], { cwd: dir });
  writeFileSync(path.join(dir, "base.md"), "unstaged edit\n");
  writeFileSync(path.join(dir, "new-partial.md"), "never added\n");
  const read = indexReader(new GitObjectStore(dir));
  expect(await read(path.join(dir, "base.md"))).toBe("staged text\n");
  expect(await read(path.join(dir, "new-partial.md"))).toBeUndefined();
  const worktree = fileReaderFor({});
  expect(await worktree(path.join(dir, "base.md"))).toBe("unstaged edit\n");
  const options = { staged: true, repoRoot: dir };
  expect(fileReaderFor(options)).toBe(fileReaderFor(options));
});

/** `text` as a UTF-16 file with its byte order mark, as Windows editors and PowerShell's `>` write it. */
function utf16(text: string, endian: "le" | "be"): Buffer {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  return endian === "be" ? bytes.swap16() : bytes;
}

it("decodes UTF-16 bases and partials by their byte order mark, from the working tree and from the index", async () => {
  const dir = writeFiles({ "prompts/main.md": "---\nextends: base.md\n---\n## Tone\n\nBe formal.\n\n{{> footer}}\n" });
  dirs.push(dir);
  const base = "# Bot\n\nYou help customers — politely.\n\n## Tone\n\nBe friendly.\n";
  writeFileSync(path.join(dir, "prompts/base.md"), utf16(base, "le"));
  writeFileSync(path.join(dir, "prompts/footer.md"), utf16("Answer in Français.\n", "be"));
  execFileSync("git", ["add", "-A"], { cwd: dir });

  for (const read of [fileReaderFor({}), indexReader(new GitObjectStore(dir))]) {
    expect(await read(path.join(dir, "prompts/base.md"))).toBe(base);
    expect(await read(path.join(dir, "prompts/footer.md"))).toBe("Answer in Français.\n");
    const composed = await composePrompt(path.join(dir, "prompts/main.md"), read);
    expect(composed.text).toBe("# Bot\n\nYou help customers — politely.\n\n## Tone\n\nBe formal.\n\nAnswer in Français.\n");
    expect(composed.files).toContain(path.join(dir, "prompts/base.md"));
  }
});

it("still reads a UTF-8 base with a BOM without the BOM, and bytes that are no text as lenient UTF-8", async () => {
  const dir = writeFiles({});
  dirs.push(dir);
  writeFileSync(path.join(dir, "bom.md"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Hello\n")]));
  writeFileSync(path.join(dir, "bad.md"), Buffer.from([0x48, 0x69, 0xff, 0x0a]));
  const read = fileReaderFor({});
  expect(await read(path.join(dir, "bom.md"))).toBe("Hello\n");
  expect(await read(path.join(dir, "bad.md"))).toBe("Hi\uFFFD\n");
});
