/** Rule authors writing TypeScript get real types from the package: a correct rule compiles, a wrong one does not. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT, run } from "./repo.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "promptvet-types-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RULE = (report: string) => `import { defineRule, type PromptDocument } from "promptvet";
export default defineRule({
  meta: {
    id: "no-internal", category: "acme",
    docs: { description: "no internal hosts", recommended: "error" },
    messages: { found: "Unexpected internal host, expected a public one." },
  },
  create(context) {
    return {
      document(doc: PromptDocument) {
        const i = doc.source.indexOf("corp.internal");
        if (i >= 0) ${report};
      },
    };
  },
});
`;

function typecheck(file: string): { status: number; output: string } {
  const result = run(process.execPath, [path.join(PROJECT_ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(dir, `tsconfig.${file}.json`)], dir);
  return { status: result.status, output: result.stdout + result.stderr };
}

describe("published types", () => {
  mkdirSync(path.join(dir, "node_modules"));
  symlinkSync(PROJECT_ROOT, path.join(dir, "node_modules", "promptvet"), "dir");
  for (const name of ["good", "bad"]) {
    writeFileSync(path.join(dir, `tsconfig.${name}.json`), JSON.stringify({
      compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", noEmit: true, types: [], skipLibCheck: false },
      files: [`${name}.ts`],
    }));
  }
  writeFileSync(path.join(dir, "good.ts"), RULE('context.report({ messageId: "found", range: [i, i + 13] })'));
  writeFileSync(path.join(dir, "bad.ts"), RULE('context.report({ messageId: "found", range: "everywhere" })'));

  it("a rule written against them compiles, declarations included (skipLibCheck off)", () => {
    const good = typecheck("good");
    expect(good.output).toBe("");
    expect(good.status).toBe(0);
  }, 60_000);

  it("a rule that reports a range of the wrong type does not", () => {
    const bad = typecheck("bad");
    expect(bad.status).not.toBe(0);
    expect(bad.output).toMatch(/bad\.ts\(\d+,\d+\): error TS2322/);
  }, 60_000);
});
