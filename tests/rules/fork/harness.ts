/**
 * A rule tester for rules that read several files: each case writes its files into a fresh temp folder,
 * lints one of them, and states every finding's exact position and, for findings in other files, the
 * related location (file, line, column).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintDocument } from "../../../src/engine/linter.js";
import type { LintMessage, Rule } from "../../../src/rule-api/types.js";
import { detectFormat } from "../../../src/parse/detect.js";
import { parseDocument } from "../../../src/parse/index.js";

export interface MultiFileCase {
  name: string;
  /** Files by path relative to the temp folder. */
  files: Record<string, string>;
  /** The file that is linted. */
  lint: string;
  options?: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message?: string;
  /** Related locations: `file` relative to the temp folder. */
  related?: { file: string; line: number; column: number }[];
}

export interface InvalidMultiFileCase extends MultiFileCase {
  errors: ExpectedFinding[];
}

/** Writes the files into a fresh repository (composition reads inside the repository root only). */
export function writeFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-fork-"));
  execFileSync("git", ["init", "-q"], { cwd: dir });
  for (const [rel, text] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  return dir;
}

export async function lintIn(dir: string, rule: Rule<any>, testCase: MultiFileCase): Promise<LintMessage[]> {
  const filePath = path.join(dir, testCase.lint);
  const source = testCase.files[testCase.lint]!;
  const document = parseDocument({ path: filePath, source, format: detectFormat(filePath) ?? "markdown", bom: false });
  const { messages } = await lintDocument(document, {
    rules: [{ rule, severity: 2, options: testCase.options }],
    settings: testCase.settings,
    unusedDirectives: 0,
  });
  return messages.filter((m) => m.ruleId === rule.meta.id);
}

export class MultiFileRuleTester {
  run(rule: Rule<any>, cases: { valid: MultiFileCase[]; invalid: InvalidMultiFileCase[] }): void {
    const seen = new Set<string>();
    for (const c of [...cases.valid, ...cases.invalid]) {
      const key = JSON.stringify([c.files, c.lint, c.options, c.settings]);
      if (seen.has(key)) throw new Error(`Duplicate test case for ${rule.meta.id}: ${c.name}`);
      seen.add(key);
    }
    if (cases.invalid.length === 0) throw new Error(`${rule.meta.id}: a rule needs at least one invalid case`);
    const dirs: string[] = [];
    afterAll(() => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });

    describe(rule.meta.id, () => {
      for (const testCase of cases.valid) {
        it(`valid: ${testCase.name}`, async () => {
          const dir = writeFiles(testCase.files);
          dirs.push(dir);
          const messages = await lintIn(dir, rule, testCase);
          expect(messages.map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
        });
      }
      for (const testCase of cases.invalid) {
        it(`invalid: ${testCase.name}`, async () => {
          const dir = writeFiles(testCase.files);
          dirs.push(dir);
          const messages = await lintIn(dir, rule, testCase);
          const actual = messages.map((m, i) => {
            const want = testCase.errors[i];
            return {
              messageId: m.messageId,
              line: m.line,
              column: m.column,
              endLine: m.endLine,
              endColumn: m.endColumn,
              ...(want?.message !== undefined ? { message: m.message } : {}),
              ...(want?.related !== undefined
                ? { related: (m.related ?? []).map((r) => ({ file: path.relative(dir, r.filePath ?? path.join(dir, testCase.lint)).split(path.sep).join("/"), line: r.line, column: r.column })) }
                : {}),
            };
          });
          expect(actual).toEqual(testCase.errors);
          for (const m of messages) expect(m.fix, "fork rules never fix").toBeUndefined();
        });
      }
    });
  }
}
