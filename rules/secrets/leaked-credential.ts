import { ConfigError } from "../../src/rule-api/errors.js";
import { defineRule } from "../../src/rule-api/types.js";
import { findDocumentSecrets } from "../../src/secrets/document.js";
import { describeKind, KINDS } from "../../src/secrets/kinds.js";
import { describeWhere, maskFinding, placeholderFor } from "../../src/secrets/suggest.js";

export interface LeakedCredentialOptions {
  /** Kind ids (`openai-api-key`, `database-url`, ...) not to report. */
  ignoreKinds?: string[];
  /** Regular expressions; a finding whose value matches one is not reported (public test keys). */
  allowPatterns?: string[];
}

function compilePatterns(sources: readonly string[]): RegExp[] {
  return sources.map((source) => {
    try {
      return new RegExp(source, "u");
    } catch (error) {
      throw new ConfigError(
        `Rule "secrets/leaked-credential": invalid regular expression in allowPatterns ${JSON.stringify(source)}: ${(error as Error).message}`,
      );
    }
  });
}

export default defineRule<LeakedCredentialOptions>({
  meta: {
    id: "secrets/leaked-credential",
    category: "secrets",
    fixable: false,
    hasSuggestions: true,
    docs: {
      description: "Disallow API keys, tokens, private keys and passwords in prompt files",
      recommended: "error",
      strict: "error",
      help: "Revoke the credential, then load it from the environment; git history keeps the old value.",
    },
    messages: {
      found: "Unexpected {{kind}} {{masked}} in {{where}}, expected an environment variable reference such as {{placeholder}}.",
      replace: "Replace with {{placeholder}} (and revoke the leaked value).",
    },
    schema: {
      type: "object",
      properties: {
        ignoreKinds: { type: "array", items: { enum: Object.keys(KINDS) }, uniqueItems: true },
        allowPatterns: { type: "array", items: { type: "string", minLength: 1 } },
      },
      additionalProperties: false,
    },
  },
  async create(context) {
    const ignored = new Set(context.options.ignoreKinds ?? []);
    const allowed = compilePatterns(context.options.allowPatterns ?? []);
    return {
      async document(document) {
        const frontmatter = document.frontmatter?.range;
        for (const secret of await findDocumentSecrets(document, context.segmentRange)) {
          if (ignored.has(secret.kind)) continue;
          const [start, end] = secret.range;
          // The value lives only for the checks below and the masked form; it is never stored or printed.
          const value = document.source.slice(start, end);
          if (allowed.some((re) => re.test(value))) continue;
          const placeholder = placeholderFor(secret.kind, document.source, start);
          const inFrontmatter = frontmatter !== undefined && start >= frontmatter[0] && end <= frontmatter[1];
          const where = secret.role === undefined && inFrontmatter ? "the frontmatter" : describeWhere(secret.role);
          context.report({
            messageId: "found",
            data: { kind: describeKind(secret.kind).label, masked: maskFinding(secret.kind, value), where, placeholder },
            range: secret.range,
            sensitive: true,
            suggest: [{ messageId: "replace", data: { placeholder }, fix: { range: [start, end], text: placeholder } }],
          });
        }
      },
    };
  },
});
