/**
 * The editor sees what the command line reports: for every file of examples/, the diagnostics the language
 * server publishes for the file's text equal the findings of `promptvet -f json` on the same file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "vscode-languageserver";
import { PROJECT_ROOT, promptvet } from "../e2e/repo.js";
import { LspClient } from "./client.js";

interface CliMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related?: { filePath?: string; line: number; column: number; endLine: number; endColumn: number; message: string }[];
}

/** Both sides in one shape: 1-based engine positions, protocol severities mapped back. */
function fromCli(m: CliMessage) {
  return {
    rule: m.ruleId,
    severity: m.severity === 2 ? "error" : "warning",
    message: m.message,
    at: [m.line, m.column, m.endLine, m.endColumn],
    related: (m.related ?? []).map((r) => ({ at: [r.line, r.column, r.endLine, r.endColumn], message: r.message })),
  };
}

function fromLsp(d: Diagnostic) {
  return {
    rule: (d.code as string | undefined) ?? null,
    severity: d.severity === 1 ? "error" : "warning",
    message: d.message,
    at: [d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1],
    related: (d.relatedInformation ?? []).map((r) => ({
      at: [r.location.range.start.line + 1, r.location.range.start.character + 1, r.location.range.end.line + 1, r.location.range.end.character + 1],
      message: r.message,
    })),
  };
}

describe("language server diagnostics equal the command line's findings on examples/", () => {
  let client: LspClient;
  let cli: { filePath: string; messages: CliMessage[] }[];

  beforeAll(async () => {
    const run = promptvet(["--no-cache", "-f", "json", "examples/"], PROJECT_ROOT);
    expect(run.status, run.stderr).toBe(1);
    cli = JSON.parse(run.stdout);
    client = LspClient.start(PROJECT_ROOT);
    await client.initialize([PROJECT_ROOT]);
  });

  afterAll(async () => {
    await client.stop();
  });

  it("for every file, in order, with positions, messages and related locations", async () => {
    expect(cli.length).toBeGreaterThanOrEqual(10);
    let compared = 0;
    for (const result of cli) {
      const text = readFileSync(result.filePath, "utf8");
      const diagnostics = await client.open(result.filePath, text, path.extname(result.filePath).slice(1));
      expect(diagnostics.map(fromLsp), path.relative(PROJECT_ROOT, result.filePath)).toEqual(result.messages.map(fromCli));
      compared += diagnostics.length;
      await client.close(result.filePath);
    }
    expect(compared).toBeGreaterThanOrEqual(15);
  });

  it("publishes nothing for the files under examples/ that the configuration leaves out", async () => {
    for (const rel of ["examples/README.md", "examples/workflows/promptvet.yml"]) {
      const file = path.join(PROJECT_ROOT, rel);
      expect(await client.open(file, readFileSync(file, "utf8"))).toEqual([]);
      await client.close(file);
    }
  });
});
