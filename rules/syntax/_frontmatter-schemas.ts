/**
 * JSON Schemas of the frontmatter keys that prompt tools read, per file kind. Shared by
 * `syntax/frontmatter-schema` (wrong types, an error) and `syntax/frontmatter-unknown-key` (keys the tool
 * ignores, a warning). Objects are closed (`additionalProperties: false`) only where the key set is
 * documented; nested tool-specific configuration stays open.
 */
import type { PromptDocument } from "../../src/model/document.js";

export type FrontmatterKind = "prompty" | "dotprompt" | "vscode-prompt" | "vscode-instructions" | "vscode-agent" | "cursor-rule" | "skill";

export const KIND_LABELS: Record<FrontmatterKind, string> = {
  prompty: "Prompty",
  dotprompt: "Dotprompt",
  "vscode-prompt": "VS Code prompt file",
  "vscode-instructions": "VS Code instructions file",
  "vscode-agent": "VS Code custom agent",
  "cursor-rule": "Cursor rule",
  skill: "Agent skill",
};

/** Which tool reads this file's frontmatter, from its name; undefined when the header is free-form. */
export function frontmatterKind(document: Pick<PromptDocument, "path" | "format">): FrontmatterKind | undefined {
  const name = document.path.replace(/\\/g, "/").split("/").pop()!.toLowerCase();
  if (document.format === "prompty" || name.endsWith(".prompty")) return "prompty";
  if (document.format === "dotprompt" || name.endsWith(".prompt")) return "dotprompt";
  if (name.endsWith(".prompt.md")) return "vscode-prompt";
  if (name.endsWith(".instructions.md")) return "vscode-instructions";
  if (name.endsWith(".agent.md") || name.endsWith(".chatmode.md")) return "vscode-agent";
  if (name.endsWith(".mdc")) return "cursor-rule";
  if (name === "skill.md" || name.endsWith("__skill.md")) return "skill";
  return undefined;
}

const str = { type: "string" };
const bool = { type: "boolean" };
const obj = { type: "object" };
const strings = { type: "array", items: str };
const stringOrStrings = { anyOf: [str, strings] };

const prompty = {
  type: "object",
  properties: {
    $schema: str,
    kind: str,
    id: str,
    name: str,
    displayName: str,
    description: str,
    version: { type: ["string", "number"] },
    authors: stringOrStrings,
    tags: stringOrStrings,
    base: str,
    metadata: obj,
    model: {
      anyOf: [
        str,
        {
          type: "object",
          properties: {
            // Prompty 1: api / configuration / parameters / response.
            api: str,
            configuration: {
              type: "object",
              properties: {
                type: str,
                name: str,
                azure_endpoint: str,
                azure_deployment: str,
                api_version: str,
                api_key: str,
                endpoint: str,
                model: str,
                organization: str,
              },
            },
            parameters: obj,
            response: str,
            // Prompty 2: id / provider / apiType / connection / options.
            id: str,
            provider: str,
            apiType: str,
            connection: { anyOf: [str, obj] },
            options: obj,
          },
          additionalProperties: false,
        },
      ],
    },
    sample: { anyOf: [str, obj] },
    inputs: { anyOf: [obj, { type: "array" }] },
    outputs: { anyOf: [obj, { type: "array" }] },
    inputSchema: obj,
    outputSchema: obj,
    template: { anyOf: [str, obj] },
    instructions: str,
    additionalInstructions: str,
    tools: { type: "array" },
  },
  additionalProperties: false,
};

const dotprompt = {
  type: "object",
  properties: {
    name: str,
    variant: str,
    version: { type: ["string", "number"] },
    description: str,
    model: str,
    tools: strings,
    toolDefs: { type: "array" },
    config: obj,
    input: {
      type: "object",
      properties: { schema: { anyOf: [obj, str] }, default: obj, jsonSchema: obj },
    },
    output: {
      type: "object",
      properties: { format: str, schema: { anyOf: [obj, str] }, jsonSchema: obj, contentType: str },
    },
    raw: obj,
    ext: obj,
    metadata: obj,
  },
  // `namespace.key` entries are extension metadata (they land in `ext`).
  patternProperties: { "\\.": true },
  additionalProperties: false,
};

const vscodePrompt = {
  type: "object",
  properties: {
    name: str,
    description: str,
    "argument-hint": str,
    agent: str,
    mode: str,
    model: stringOrStrings,
    tools: strings,
  },
  additionalProperties: false,
};

const vscodeInstructions = {
  type: "object",
  properties: {
    name: str,
    description: str,
    applyTo: stringOrStrings,
    excludeAgent: stringOrStrings,
  },
  additionalProperties: false,
};

const vscodeAgent = {
  type: "object",
  properties: {
    name: str,
    description: str,
    "argument-hint": str,
    tools: strings,
    agents: stringOrStrings,
    model: stringOrStrings,
    target: str,
    "user-invocable": bool,
    "user-invokable": bool,
    "disable-model-invocation": bool,
    infer: bool,
    "mcp-servers": { anyOf: [obj, { type: "array" }] },
    handoffs: { type: "array", items: obj },
    hooks: obj,
    metadata: obj,
    // Older chat-mode headers.
    mode: str,
  },
  additionalProperties: false,
};

const cursorRule = {
  type: "object",
  properties: {
    description: str,
    globs: stringOrStrings,
    alwaysApply: bool,
  },
  additionalProperties: false,
};

const skill = {
  type: "object",
  properties: {
    name: str,
    description: str,
    license: str,
    compatibility: str,
    metadata: obj,
    "allowed-tools": stringOrStrings,
    "argument-hint": str,
    "disable-model-invocation": bool,
    "user-invocable": bool,
    model: str,
    context: str,
    agent: str,
    hooks: obj,
  },
  additionalProperties: false,
};

/**
 * Keys promptvet itself reads in any header: token budgets, composition (extends and section edits),
 * smoke-eval cases, attached few-shot files, and the reason a fork pins another model.
 */
const promptvetKeys = {
  budget: { anyOf: [{ type: "number" }, obj] },
  extends: str,
  forked_from: str,
  override: { anyOf: [obj, strings] },
  append: { anyOf: [obj, strings] },
  remove: stringOrStrings,
  tests: { type: "array" },
  examples: stringOrStrings,
  model_reason: str,
};

/**
 * Accepts promptvet's keys without listing them among the tool's own keys in "expected one of" hints
 * (they are matched as pattern properties, which the hints do not read).
 */
function withPromptvetKeys(schema: { properties: Record<string, unknown>; patternProperties?: Record<string, unknown> }): object {
  const patternProperties: Record<string, unknown> = { ...schema.patternProperties };
  for (const [key, value] of Object.entries(promptvetKeys)) {
    if (!(key in schema.properties)) patternProperties[`^${key}$`] = value;
  }
  return { ...schema, patternProperties };
}

export const FRONTMATTER_SCHEMAS: Record<FrontmatterKind, object> = {
  prompty: withPromptvetKeys(prompty),
  dotprompt: withPromptvetKeys(dotprompt),
  "vscode-prompt": withPromptvetKeys(vscodePrompt),
  "vscode-instructions": withPromptvetKeys(vscodeInstructions),
  "vscode-agent": withPromptvetKeys(vscodeAgent),
  "cursor-rule": withPromptvetKeys(cursorRule),
  skill: withPromptvetKeys(skill),
};

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
}

/** Known keys of the object schema at `path` (ajv instance path segments), for "expected one of" hints. */
export function knownKeysAt(schema: object, path: readonly string[]): string[] {
  let nodes: SchemaNode[] = [schema as SchemaNode];
  for (const segment of path) {
    const next: SchemaNode[] = [];
    for (const node of expand(nodes)) {
      if (/^\d+$/.test(segment) && node.items) next.push(node.items);
      else if (node.properties?.[segment]) next.push(node.properties[segment]!);
    }
    nodes = next;
  }
  const keys = new Set<string>();
  for (const node of expand(nodes)) for (const key of Object.keys(node.properties ?? {})) keys.add(key);
  return [...keys];
}

function expand(nodes: SchemaNode[]): SchemaNode[] {
  return nodes.flatMap((n) => (n.anyOf ? expand(n.anyOf) : [n]));
}

