/**
 * False-alarm check of the frontmatter rules on real, public prompt files (read-only corpora next to the
 * project). Every finding on these files is listed in the test output; the expected ones are pinned below
 * with the reason they are true positives.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import frontmatterSchema from "../../../rules/syntax/frontmatter-schema.js";
import frontmatterUnknownKey from "../../../rules/syntax/frontmatter-unknown-key.js";
import frontmatterYaml from "../../../rules/syntax/frontmatter-yaml.js";
import { lintDocument } from "../../../src/engine/linter.js";
import { detectFormat } from "../../../src/parse/detect.js";
import { parseDocument } from "../../../src/parse/index.js";
import { corpusPath } from "../../helpers/corpora.js";

const corpora = corpusPath("the frontmatter false-alarm check on real corpora");

const FOLDERS: Record<string, RegExp> = {
  "awesome-copilot_github": /\.(agent|instructions|prompt|chatmode)\.md$|SKILL\.md$/,
  "awesome-cursorrules_PatrickJS": /\.mdc$/,
  prompty_microsoft: /\.prompty$/,
  // error-*/warning-* files are labelled as broken on purpose.
  dotprompt_google: /^(?!examples__(error|warning)-).*\.prompt$/,
};

/**
 * Findings that are right: the YAML does not parse (an unquoted `: ` inside a value), or a key the tool
 * does not read. Keyed by "<rule> <file>".
 */
const EXPECTED = new Set<string>([
  // Editor highlighting samples with `{ name: string }[]` and `"a" | "b"` types: not YAML, a dotprompt parser throws too.
  "syntax/frontmatter-yaml packages__monaco__samples__10-kitchen-sink.prompt",
  "syntax/frontmatter-yaml packages__monaco__samples__06-partials.prompt",
  "syntax/frontmatter-yaml packages__monaco__samples__02-schema-and-config.prompt",
  "syntax/frontmatter-yaml packages__codemirror__samples__10-kitchen-sink.prompt",
  "syntax/frontmatter-yaml packages__codemirror__samples__06-partials.prompt",
  "syntax/frontmatter-yaml packages__codemirror__samples__02-schema-and-config.prompt",
  // `hidden`, `agent`, `title`, `category`, `authors`: keys VS Code / the skills format do not read (ignored).
  "syntax/frontmatter-unknown-key agents__gem-skill-creator.agent.md",
  "syntax/frontmatter-unknown-key agents__gem-reviewer.agent.md",
  "syntax/frontmatter-unknown-key agents__gem-researcher.agent.md",
  "syntax/frontmatter-unknown-key agents__gem-planner.agent.md",
  "syntax/frontmatter-unknown-key agents__gem-orchestrator.agent.md",
  "syntax/frontmatter-unknown-key agents__gem-mobile-tester.agent.md",
  "syntax/frontmatter-unknown-key agents__gem-implementer.agent.md",
  "syntax/frontmatter-unknown-key agents__gem-implementer-mobile.agent.md",
  "syntax/frontmatter-unknown-key agents__gem-documentation-writer.agent.md",
  "syntax/frontmatter-unknown-key agents__gem-devops.agent.md",
  "syntax/frontmatter-unknown-key agents__gem-designer.agent.md",
  "syntax/frontmatter-unknown-key agents__gem-designer-mobile.agent.md",
  "syntax/frontmatter-unknown-key agents__gem-debugger.agent.md",
  "syntax/frontmatter-unknown-key agents__gem-critic.agent.md",
  "syntax/frontmatter-unknown-key agents__gem-code-simplifier.agent.md",
  "syntax/frontmatter-unknown-key agents__gem-browser-tester.agent.md",
  "syntax/frontmatter-unknown-key agents__one-shot-feature-issue-planner.agent.md",
  "syntax/frontmatter-unknown-key instructions__power-platform-connector.instructions.md",
  "syntax/frontmatter-unknown-key skills__unit-test-vue-pinia__SKILL.md",
  "syntax/frontmatter-unknown-key skills__mentoring-juniors__SKILL.md",
]);

async function lintFolder(folder: string, pattern: RegExp) {
  const dir = path.join(corpora!, folder);
  const files = readdirSync(dir).filter((f) => pattern.test(f));
  const findings: string[] = [];
  let withFrontmatter = 0;
  for (const file of files) {
    const filePath = path.join(dir, file);
    let source = readFileSync(filePath, "utf8");
    const bom = source.charCodeAt(0) === 0xfeff;
    if (bom) source = source.slice(1);
    const format = detectFormat(filePath) ?? "markdown";
    const document = parseDocument({ path: filePath, source, format, bom });
    if (document.frontmatter) withFrontmatter++;
    const { messages } = await lintDocument(document, {
      rules: [
        { rule: frontmatterYaml, severity: 2 },
        { rule: frontmatterSchema, severity: 2 },
        { rule: frontmatterUnknownKey, severity: 1 },
      ],
      unusedDirectives: 0,
    });
    for (const m of messages) findings.push(`${m.ruleId} ${file}:${m.line}:${m.column} ${m.message}`);
  }
  return { files: files.length, withFrontmatter, findings };
}

describe.skipIf(!corpora)("frontmatter rules on real corpora", () => {
  for (const [folder, pattern] of Object.entries(FOLDERS)) {
    it(`${folder}: no unexpected findings`, async () => {
      const { files, withFrontmatter, findings } = await lintFolder(folder, pattern);
      const unexpected = findings.filter((f) => !EXPECTED.has(f.split(":")[0]!));
      console.info(`${folder}: ${files} files, ${withFrontmatter} with frontmatter, ${findings.length} findings (${unexpected.length} unexpected)`);
      for (const f of findings) console.info(`  ${f}`);
      expect(files).toBeGreaterThan(0);
      expect(unexpected).toEqual([]);
    }, 300_000);
  }
});
