/**
 * The JSON Schema of promptvet.config.*. It is the single source of truth: the loader validates with it,
 * and `npm run build` writes it to schema/promptvet.schema.json for editors (a test keeps the two in sync).
 * Capability-specific keys (models, budgets, eval, ...) contribute their own fragments.
 */
import { FORMATS } from "../model/document.js";
import { configFragments } from "./fragments.js";

const severity = { enum: ["off", "warn", "error", 0, 1, 2] };

const ruleEntry = {
  description: "A severity, or [severity, options].",
  oneOf: [
    severity,
    {
      type: "array",
      prefixItems: [severity, { type: "object" }],
      minItems: 1,
      maxItems: 2,
      items: false,
    },
  ],
};

const stringOrStrings = {
  oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }],
};

const formatEnum = { enum: [...FORMATS] };

/** Keys that may appear both at the top level and inside an override (per-glob settings). */
function settingsProperties(): Record<string, object> {
  const props: Record<string, object> = {
    rules: {
      type: "object",
      description: "Rule severities and options by rule id. A category (pii) or a plugin prefix takes a severity for all its rules; a rule id in the same block wins.",
      additionalProperties: ruleEntry,
    },
    format: { ...formatEnum, description: "Parse matching files as this format instead of detecting it from the name." },
    pii: {
      type: "object",
      description: "Settings shared by the pii/* rules.",
      properties: {
        allow: {
          type: "object",
          properties: {
            values: { type: "array", items: { type: "string" } },
            patterns: { type: "array", items: { type: "string" } },
          },
          additionalProperties: false,
        },
      },
    },
  };
  for (const fragment of configFragments) Object.assign(props, fragment.properties);
  return props;
}

let built: Record<string, unknown> | undefined;

/** The schema (built once: ajv registers it by `$id`, so there must be one object per process). */
export function buildConfigSchema(): Record<string, unknown> {
  built ??= createConfigSchema();
  return built;
}

function createConfigSchema(): Record<string, unknown> {
  const shared = settingsProperties();
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://promptvet.dev/schema/promptvet.schema.json",
    title: "promptvet configuration",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      root: {
        type: "boolean",
        description:
          "This folder is the project root: no config above it applies (none above the repository root ever does), and composition (extends, includes) reads inside this folder only, plus compose.allowRoots.",
      },
      extends: {
        description: "Presets to start from (promptvet:recommended, the default; promptvet:strict; promptvet:all), paths of other config files, and configs of declared plugins (plugin:<prefix>/<name>).",
        oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }],
      },
      files: { ...stringOrStrings, description: "Globs of prompt files, relative to this config file." },
      ignores: { ...stringOrStrings, description: "Globs of files never to lint." },
      plugins: {
        type: "object",
        description: "Custom rule modules by prefix: their rules are named prefix/rule.",
        additionalProperties: { type: "string" },
      },
      reportUnusedDisableDirectives: { ...severity, description: "Severity for inline directives that silence nothing." },
      maxFileSize: { type: "integer", minimum: 1, description: "Files larger than this many bytes are not parsed (a fatal error)." },
      compose: {
        type: "object",
        description: "Prompt composition (extends, partials, includes).",
        additionalProperties: false,
        properties: {
          allowRoots: {
            type: "array",
            items: { type: "string", minLength: 1 },
            description:
              "Folders outside the repository that extends: and includes may read, relative to this config file (~/ for the home folder). Without them, composition reads inside the repository only (outside a repository: inside this config's folder).",
          },
        },
      },
      ...shared,
      overrides: {
        type: "array",
        description: "Settings for files matching globs; later entries win.",
        items: {
          type: "object",
          required: ["files"],
          additionalProperties: false,
          properties: {
            files: stringOrStrings,
            ignores: stringOrStrings,
            ...shared,
          },
        },
      },
    },
  };
}
