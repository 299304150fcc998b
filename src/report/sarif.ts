import path from "node:path";
import { pathToFileURL } from "node:url";
import type * as Sarif from "sarif";
import type { LintMessage, LintResult, RelatedLocation, RuleMeta } from "../rule-api/types.js";
import { LineIndex } from "../model/line-index.js";
import { FINGERPRINT_KEY, fingerprints } from "./fingerprint.js";
import type { FormatContext } from "./types.js";
import { isOutside, ruleDocsUrl, sortedMessages, toPosix } from "./util.js";

export const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
export const PROMPTVET_INFORMATION_URI = "https://www.npmjs.com/package/promptvet";
const SRCROOT = "%SRCROOT%";

/** Rules the engine reports under without a rule module of their own. */
const BUILTIN_DESCRIPTIONS: Record<string, string> = {
  "directives/unused": "Report inline promptvet directives that silence no finding",
  "directives/unknown-rule": "Report inline promptvet directives that name a rule that does not exist",
};

/**
 * SARIF 2.1.0 for code scanning. URIs are relative to `srcRoot` (default `cwd`) under `%SRCROOT%`;
 * columns are UTF-16 code units, 1-based, end-exclusive, exactly as promptvet counts them.
 * Fatal problems (unreadable files) are tool notifications, not results: no rule found them.
 */
export function formatSarif(results: LintResult[], context: FormatContext): string {
  const root = path.resolve(context.srcRoot ?? context.cwd);
  const rules = collectRules(results, context);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarifResults: Sarif.Result[] = [];
  const notifications: Sarif.Notification[] = [];

  for (const result of results) {
    const artifact = artifactLocation(result.filePath, context.cwd, root);
    const lines = typeof result.source === "string" ? new LineIndex(result.source) : undefined;
    const all = sortedMessages([...result.messages, ...result.suppressedMessages]);
    const prints = fingerprints(artifact.uri ?? "", all, lines);
    const suppressed = new Set(result.suppressedMessages);

    all.forEach((message, i) => {
      if (message.fatal || message.ruleId === null) {
        notifications.push({
          level: "error",
          message: { text: message.message },
          locations: [{ physicalLocation: { artifactLocation: artifact, ...regionOf(message) } }],
        });
        return;
      }
      const sarif: Sarif.Result = {
        ruleId: message.ruleId,
        ruleIndex: ruleIndex.get(message.ruleId) ?? -1,
        level: message.severity === 2 ? "error" : "warning",
        message: { text: message.message },
        locations: [{ physicalLocation: { artifactLocation: artifact, ...regionOf(message) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: prints[i]! },
      };
      if (message.related && message.related.length > 0) {
        sarif.relatedLocations = message.related.map((related, n) => relatedLocation(related, n, result, context.cwd, root));
      }
      if (suppressed.has(message)) {
        sarif.suppressions = (message.suppressions ?? [{ kind: "directive", justification: "" }]).map((s) => ({
          kind: "inSource",
          ...(s.justification ? { justification: s.justification } : {}),
        }));
      }
      sarifResults.push(sarif);
    });
  }

  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "promptvet",
            version: context.toolVersion,
            ...(/^\d+\.\d+\.\d+/.test(context.toolVersion) ? { semanticVersion: context.toolVersion } : {}),
            informationUri: PROMPTVET_INFORMATION_URI,
            rules: rules.map((r) => r.descriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(root) } },
        invocations: [{ executionSuccessful: true, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        columnKind: "utf16CodeUnits",
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

/** Every known rule (so code scanning can describe it), plus any rule id seen only in results. */
function collectRules(results: LintResult[], context: FormatContext): { id: string; descriptor: Sarif.ReportingDescriptor }[] {
  const ids = new Set(context.rules.keys());
  for (const r of results) {
    for (const m of [...r.messages, ...r.suppressedMessages]) if (m.ruleId && !m.fatal) ids.add(m.ruleId);
  }
  return [...ids].sort().map((id) => ({ id, descriptor: describeRule(id, context.rules.get(id), context) }));
}

function describeRule(id: string, meta: RuleMeta | undefined, context: FormatContext): Sarif.ReportingDescriptor {
  const description = meta?.docs.description ?? BUILTIN_DESCRIPTIONS[id] ?? `Findings reported by ${id}`;
  const help = meta?.docs.help;
  const helpUri = ruleDocsUrl(context, id);
  const recommended = meta?.docs.recommended ?? "warn";
  const category = meta?.category ?? id.split("/")[0] ?? id;
  return {
    id,
    shortDescription: { text: description },
    fullDescription: { text: help ? `${description.replace(/\.$/, "")}. ${help}` : description },
    ...(help ? { help: { text: help } } : {}),
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: {
      enabled: recommended !== false,
      level: recommended === "error" ? "error" : "warning",
    },
    properties: {
      category,
      tags: [category],
      ...(meta?.plugin ? { plugin: { prefix: meta.plugin.prefix, ...(meta.plugin.name ? { name: meta.plugin.name } : {}), ...(meta.plugin.version ? { version: meta.plugin.version } : {}) } } : {}),
    },
  };
}

function artifactLocation(filePath: string, cwd: string, root: string): Sarif.ArtifactLocation {
  const abs = path.resolve(cwd, filePath);
  if (isOutside(abs, root)) return { uri: pathToFileURL(abs).href };
  return { uri: toPosix(path.relative(root, abs)).split("/").map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith("/") ? href : `${href}/`;
}

function regionOf(m: Pick<LintMessage, "line" | "column" | "endLine" | "endColumn">): { region?: Sarif.Region } {
  if (!(m.line >= 1)) return {};
  const startColumn = Math.max(1, m.column);
  const endLine = Math.max(m.line, m.endLine);
  const endColumn = endLine === m.line ? Math.max(startColumn, m.endColumn) : Math.max(1, m.endColumn);
  return { region: { startLine: m.line, startColumn, endLine, endColumn } };
}

function relatedLocation(related: RelatedLocation, n: number, result: LintResult, cwd: string, root: string): Sarif.Location {
  return {
    id: n + 1,
    message: { text: related.message },
    physicalLocation: { artifactLocation: artifactLocation(related.filePath ?? result.filePath, cwd, root), ...regionOf(related) },
  };
}
