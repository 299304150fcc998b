/** Ajv validators compiled once per schema, with errors as `{ path, message }` (path is a JSON pointer). */
import { createRequire } from "node:module";

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params?: Record<string, unknown>; keyword: string }[] | null };

const compiled = new Map<string, Validator>();
const require = createRequire(import.meta.url);

export interface SchemaError {
  path: string;
  message: string;
}

function ajv2020(): { compile(schema: unknown): Validator } {
  const mod = require("ajv/dist/2020.js") as { default?: new (opts: object) => { compile(schema: unknown): Validator } };
  const Ajv = (mod.default ?? mod) as unknown as new (opts: object) => { compile(schema: unknown): Validator };
  return new Ajv({ allErrors: true, strict: false });
}

export function compileSchema(schema: unknown): Validator {
  return ajv2020().compile(schema);
}

export function validateWith(key: string, schema: unknown, data: unknown): SchemaError[] {
  let validate = compiled.get(key);
  if (!validate) {
    validate = compileSchema(schema);
    compiled.set(key, validate);
  }
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => ({ path: e.instancePath, message: describe(e) }));
}

function describe(e: { message?: string; params?: Record<string, unknown>; keyword: string }): string {
  if (e.keyword === "additionalProperties") return `unexpected key "${String(e.params?.additionalProperty)}"`;
  if (e.keyword === "enum") return `${e.message ?? "invalid value"}: ${(e.params?.allowedValues as unknown[] | undefined)?.map((v) => JSON.stringify(v)).join(", ")}`;
  return e.message ?? "invalid value";
}
