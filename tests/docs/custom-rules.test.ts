/**
 * docs/custom-rules.md builds a complete plugin; here it is built from the page and run with promptvet
 * linked in as a dependency (the installed-package test runs it again from the packed tarball).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, it } from "vitest";
import { promptvet, PROJECT_ROOT, run } from "../e2e/repo.js";
import { exerciseCustomRulesExample } from "./custom-rules-example.js";

describe("docs/custom-rules.md", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-custom-rules-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("builds a plugin whose tables, findings, fix, docs link and types work as the page says", () => {
    mkdirSync(path.join(dir, "node_modules"));
    symlinkSync(PROJECT_ROOT, path.join(dir, "node_modules", "promptvet"));
    exerciseCustomRulesExample(dir, {
      promptvet: (args, cwd, env) => promptvet(args, cwd, env),
      run: (cmd, args, cwd) => run(cmd, args, cwd),
      tsc: path.join(PROJECT_ROOT, "node_modules", "typescript", "bin", "tsc"),
    });
  }, 120_000);
});
