/**
 * JSON Schema of a cases file (`<prompt>.cases.yaml`) and of a frontmatter `tests:` list. The build writes
 * it to schema/cases.schema.json for editors; a test keeps the two in sync.
 */

const text = { type: "string" };
const count = { type: "integer", minimum: 0 };

export const assertionSchema = {
  type: "object",
  description: "One assertion: exactly one of the keys below.",
  minProperties: 1,
  maxProperties: 1,
  additionalProperties: false,
  properties: {
    contains: { ...text, description: "The output contains this text (case-sensitive)." },
    "not-contains": { ...text, description: "The output does not contain this text (case-sensitive)." },
    icontains: { ...text, description: "The output contains this text, ignoring case." },
    "not-icontains": { ...text, description: "The output does not contain this text, ignoring case." },
    equals: { ...text, description: "The output, trimmed, equals this text." },
    regex: { ...text, description: "The output matches this JavaScript regular expression." },
    "not-regex": { ...text, description: "The output does not match this JavaScript regular expression." },
    "is-json": { type: "boolean", const: true, description: "The output is valid JSON (a ```json fence around it is accepted)." },
    "json-schema": { type: ["object", "boolean"], description: "The output is JSON valid against this JSON Schema (draft 2020-12)." },
    "max-words": count,
    "max-chars": count,
    "max-output-tokens": count,
    "max-latency-ms": count,
    "no-pii": {
      description: "The output holds no personal data: true for every type, or a list of types.",
      oneOf: [{ type: "boolean", const: true }, { type: "array", items: text, minItems: 1 }],
    },
    javascript: { ...text, description: "Path (relative to the cases file) of a module whose default export is (output, context) => boolean | { pass, reason }." },
  },
} as const;

export const caseSchema = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: {
    name: { type: "string", minLength: 1 },
    vars: { type: "object", description: "Template variables." },
    input: { type: "string", description: "A user message sent after the rendered prompt." },
    assert: { type: "array", items: assertionSchema },
  },
} as const;

export const casesFileSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://promptvet.dev/schema/cases.schema.json",
  title: "promptvet smoke eval cases",
  type: "object",
  required: ["cases"],
  additionalProperties: false,
  properties: {
    $schema: { type: "string" },
    cases: { type: "array", items: caseSchema },
  },
} as const;

/** Schema of a frontmatter `tests:` list. */
export const frontmatterTestsSchema = { type: "array", items: caseSchema } as const;
