/**
 * Findings about the configuration rather than a file, such as a `model` in the config that the registry does
 * not know or that retires soon. The model rules report them on each document the config applies to, which
 * suits one file in an editor; a run reports each once, on the config file, at the line of the value.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { LineCounter, parseDocument, type Node } from "yaml";
import type { LintMessage, LintResult } from "../rule-api/types.js";

/** Rule id → the message ids it uses for a finding about the config. */
const CONFIG_LEVEL: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["model/unknown", new Set(["unknownInConfig"])],
  ["model/retiring", new Set(["retiredInConfig", "retiringInConfig"])],
]);

function isConfigLevel(message: LintMessage): boolean {
  return message.ruleId !== null && message.messageId !== undefined && CONFIG_LEVEL.get(message.ruleId)?.has(message.messageId) === true;
}

/**
 * Moves config-level findings off the files into one result per config file (each finding once), placed at
 * the value they name. `configFileOf` gives the config file that applied to a linted file.
 */
export async function reportConfigFindingsOnce(results: LintResult[], configFileOf: (filePath: string) => Promise<string | undefined>): Promise<LintResult[]> {
  if (!results.some((r) => r.messages.some(isConfigLevel))) return results;
  const byConfig = new Map<string, Map<string, LintMessage>>();
  const out: LintResult[] = [];
  for (const result of results) {
    const moved = result.messages.filter(isConfigLevel);
    const configFile = moved.length > 0 ? await configFileOf(result.filePath) : undefined;
    if (!configFile) {
      out.push(result);
      continue;
    }
    let found = byConfig.get(configFile);
    if (!found) byConfig.set(configFile, (found = new Map()));
    for (const m of moved) found.set(`${m.ruleId}\0${m.message}`, m);
    out.push(withoutMessages(result, moved));
  }
  for (const [configFile, found] of byConfig) {
    const locate = valueLocator(configFile);
    const messages = [...found.values()].map((m) => ({ ...m, ...locate(m.message) })).sort((a, b) => a.line - b.line || a.column - b.column);
    const existing = out.find((r) => r.filePath === configFile);
    const result = existing ?? emptyResult(configFile);
    result.messages = [...result.messages, ...messages].sort((a, b) => a.line - b.line || a.column - b.column);
    result.errorCount += messages.filter((m) => m.severity === 2).length;
    result.warningCount += messages.filter((m) => m.severity === 1).length;
    if (!existing) out.push(result);
  }
  return out;
}

function withoutMessages(result: LintResult, moved: LintMessage[]): LintResult {
  const gone = new Set(moved);
  return {
    ...result,
    messages: result.messages.filter((m) => !gone.has(m)),
    errorCount: result.errorCount - moved.filter((m) => m.severity === 2).length,
    warningCount: result.warningCount - moved.filter((m) => m.severity === 1).length,
  };
}

function emptyResult(filePath: string): LintResult {
  return { filePath, messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, fatalErrorCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
}

type Location = Pick<LintMessage, "line" | "column" | "endLine" | "endColumn">;

/**
 * Finds where a config file writes the model a message names (its first quoted string): `model`, an item of
 * `models`, or the same inside an override; line 1 when the file is code (.mjs/.js) or the value is not found.
 */
function valueLocator(configFile: string): (message: string) => Location {
  const start: Location = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  if (!/\.(ya?ml|json)$/.test(configFile)) return () => start;
  let text: string;
  try {
    text = readFileSync(configFile, "utf8");
  } catch {
    return () => start;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const prefix = path.basename(configFile) === "package.json" ? ["promptvet"] : [];
  const blocks: unknown[][] = [prefix];
  const overrides = doc.getIn([...prefix, "overrides"]);
  const count = (overrides as { items?: unknown[] } | undefined)?.items?.length ?? 0;
  for (let i = 0; i < count; i++) blocks.push([...prefix, "overrides", i]);
  return (message) => {
    const name = /"([^"]+)"/.exec(message)?.[1];
    if (name === undefined) return start;
    for (const block of blocks) {
      const candidates: unknown[][] = [[...block, "model"]];
      const models = doc.getIn([...block, "models"]) as { items?: unknown[] } | undefined;
      for (let i = 0; i < (models?.items?.length ?? 0); i++) candidates.push([...block, "models", i]);
      for (const at of candidates) {
        const node = doc.getIn(at, true) as (Node & { value?: unknown }) | undefined;
        if (!node?.range || node.value !== name) continue;
        const from = lineCounter.linePos(node.range[0]);
        const to = lineCounter.linePos(node.range[1]);
        return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
      }
    }
    return start;
  };
}
