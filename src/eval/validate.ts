/**
 * Schema validation for the smoke eval: its own schemas (cases files, the `eval` config) and the schemas of
 * `json-schema:` assertions. ajv is imported statically so the bundle carries it: an installed copy has no
 * dev dependencies to load it from.
 */
import type { ValidateFunction } from "ajv";
import { compileSchema as compileOwnSchema, newAjv } from "../util/ajv.js";

export interface SchemaError {
  path: string;
  message: string;
}

/** Validators of assertion schemas, by their JSON text: a run checks the same schema once per case. */
const userSchemas = new Map<string, ValidateFunction>();

/** Compiles a schema a user wrote; each distinct schema gets its own ajv instance, so equal `$id`s never clash. */
export function compileSchema(schema: Record<string, unknown> | boolean): ValidateFunction {
  const text = JSON.stringify(schema);
  let validate = userSchemas.get(text);
  if (!validate) {
    validate = newAjv().compile(schema);
    userSchemas.set(text, validate);
  }
  return validate;
}

/** Validates data against one of promptvet's own schemas (compiled once per process). */
export function validateWith(schema: object, data: unknown): SchemaError[] {
  const validate = compileOwnSchema(schema);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => ({ path: e.instancePath, message: describe(e) }));
}

function describe(e: { message?: string; params?: Record<string, unknown>; keyword: string }): string {
  if (e.keyword === "additionalProperties") return `unexpected key "${String(e.params?.additionalProperty)}"`;
  if (e.keyword === "enum") return `${e.message ?? "invalid value"}: ${(e.params?.allowedValues as unknown[] | undefined)?.map((v) => JSON.stringify(v)).join(", ")}`;
  return e.message ?? "invalid value";
}
