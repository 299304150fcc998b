/**
 * fork/contradiction reads companion instruction files through the run's bounded reader. A companion the
 * reader refuses (outside the roots the run may read) is left out of the comparison: the file is still checked
 * against the companions it may read, and the refusal is neither a finding nor a failure of the run.
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import rule from "../../../rules/fork/contradiction.js";
import { boundedReader, OutsideRootError } from "../../../src/compose/boundary.js";
import { readWorkingTreeFile } from "../../../src/compose/read.js";
import { lintDocument } from "../../../src/engine/linter.js";
import { detectFormat } from "../../../src/parse/detect.js";
import { parseDocument } from "../../../src/parse/index.js";
import { writeFiles } from "./harness.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const FILES = {
  "AGENTS.md": "# Agents\n\n- Use pnpm for every install.\n",
  "service/AGENTS.md": "# Service\n\n- Use yarn to install packages.\n",
  "service/.cursorrules": "- Use npm for installs in this service.\n",
};

async function lintWith(dir: string, roots: string[], reads: string[]) {
  const filePath = path.join(dir, "service/AGENTS.md");
  const document = parseDocument({ path: filePath, source: FILES["service/AGENTS.md"], format: detectFormat(filePath) ?? "markdown", bom: false });
  const refused: string[] = [];
  const bounded = boundedReader(async (file) => {
    reads.push(path.relative(dir, file));
    return readWorkingTreeFile(file);
  }, roots);
  const readFile = async (file: string) => {
    try {
      return await bounded(file);
    } catch (error) {
      if (error instanceof OutsideRootError) refused.push(path.relative(dir, file));
      throw error;
    }
  };
  const { messages } = await lintDocument(document, { rules: [{ rule, severity: 2 }], unusedDirectives: 0, services: { readFile } });
  return { messages: messages.filter((m) => m.ruleId === rule.meta.id), refused };
}

describe("fork/contradiction and the read boundary", () => {
  it("reports the pair when the companion may be read", async () => {
    const dir = writeFiles(FILES);
    dirs.push(dir);
    const { messages, refused } = await lintWith(dir, [dir], []);
    expect(refused).toEqual([]);
    expect(messages.map((m) => [m.messageId, m.line, m.related?.map((r) => path.relative(dir, r.filePath!))])).toEqual([["companion", 3, ["AGENTS.md"]]]);
  });

  it("leaves out a companion outside the roots it may read, and still checks the file", async () => {
    const dir = writeFiles(FILES);
    dirs.push(dir);
    const { messages, refused } = await lintWith(dir, [path.join(dir, "service")], []);
    expect(refused).toEqual(["AGENTS.md"]);
    expect(messages).toEqual([]);
  });

  it("reads each companion once", async () => {
    const dir = writeFiles({
      ".cursor/rules/python.mdc": "---\nglobs: **/*.py\n---\n- Use snake_case for variable names.\n",
      ".cursor/rules/models.mdc": "---\nglobs: app/models/**/*.py\n---\n- Use camelCase for variable names.\n",
    });
    dirs.push(dir);
    const filePath = path.join(dir, ".cursor/rules/python.mdc");
    const source = "---\nglobs: **/*.py\n---\n- Use snake_case for variable names.\n";
    const document = parseDocument({ path: filePath, source, format: "markdown", bom: false });
    const reads: string[] = [];
    const readFile = async (file: string) => {
      reads.push(path.relative(dir, file));
      return readWorkingTreeFile(file);
    };
    const { messages } = await lintDocument(document, { rules: [{ rule, severity: 2 }], unusedDirectives: 0, services: { readFile } });
    expect(messages.filter((m) => m.ruleId === rule.meta.id).map((m) => m.messageId)).toEqual(["companion"]);
    expect(reads).toEqual([".cursor/rules/models.mdc"]);
  });
});
