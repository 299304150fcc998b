import path from "node:path";
import type { LintMessage, LintResult } from "../rule-api/types.js";
import type { FormatContext } from "./types.js";
import { displayPath, severityName, sortedMessages } from "./util.js";

/**
 * Escapes text for XML content and attribute values. Characters XML 1.0 cannot carry at all (most
 * C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD instead of making the file unreadable.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

/** Escapes an attribute value; line breaks are kept as references, which attribute normalisation spares. */
export function escapeXmlAttribute(text: string): string {
  return escapeXml(text).replace(/\n/g, "&#10;");
}

/**
 * JUnit XML: a test suite per file and a test case per rule that reported in it (failed), or a
 * single passing case when the file is clean. Unreadable files are `<error>` cases.
 */
export function formatJunit(results: LintResult[], context: FormatContext): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;

  for (const result of results) {
    const file = displayPath(path.resolve(context.cwd, result.filePath), context.cwd);
    const cases: string[] = [];
    const byRule = new Map<string, LintMessage[]>();
    const fatal: LintMessage[] = [];
    for (const m of sortedMessages(result.messages)) {
      if (m.fatal) fatal.push(m);
      else byRule.set(m.ruleId ?? "promptvet", [...(byRule.get(m.ruleId ?? "promptvet") ?? []), m]);
    }
    let suiteFailures = 0;
    for (const m of fatal) {
      cases.push(
        `    <testcase classname="${escapeXmlAttribute(file)}" name="promptvet" time="0">\n      <error message="${escapeXmlAttribute(m.message)}" type="fatal">${escapeXml(m.message)}</error>\n    </testcase>`,
      );
    }
    for (const [ruleId, messages] of [...byRule].sort((a, b) => a[0].localeCompare(b[0]))) {
      suiteFailures++;
      const worst = messages.some((m) => m.severity === 2) ? "error" : "warning";
      const body = messages.map((m) => `${file}:${m.line}:${m.column} ${severityName(m)} ${m.message}`).join("\n");
      const summary = messages.length === 1 ? messages[0]!.message : `${messages.length} findings`;
      cases.push(
        `    <testcase classname="${escapeXmlAttribute(file)}" name="${escapeXmlAttribute(ruleId)}" time="0">\n      <failure message="${escapeXmlAttribute(summary)}" type="${worst}">${escapeXml(body)}</failure>\n    </testcase>`,
      );
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${escapeXmlAttribute(file)}" name="promptvet" time="0" />`);
    tests += cases.length;
    failures += suiteFailures;
    errors += fatal.length;
    suites.push(
      `  <testsuite name="${escapeXmlAttribute(file)}" tests="${cases.length}" failures="${suiteFailures}" errors="${fatal.length}" skipped="0" time="0">\n${cases.join("\n")}\n  </testsuite>`,
    );
  }

  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="promptvet" tests="${tests}" failures="${failures}" errors="${errors}" time="0">`,
    ...suites,
    `</testsuites>`,
    "",
  ].join("\n");
}
