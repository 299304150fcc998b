import Ajv2020Module from "ajv/dist/2020.js";
import type { ErrorObject, ValidateFunction } from "ajv";

// ajv ships CommonJS; under NodeNext its class sits on `.default`.
type Ajv2020Class = typeof Ajv2020Module.default;
const Ajv2020: Ajv2020Class =
  (Ajv2020Module as unknown as { default?: Ajv2020Class }).default ?? (Ajv2020Module as unknown as Ajv2020Class);

let shared: InstanceType<Ajv2020Class> | undefined;

/**
 * A fresh ajv instance with promptvet's options. For schemas that users write (eval `json-schema:`
 * assertions): two of them may carry the same `$id`, which one shared instance would refuse.
 */
export function newAjv(): InstanceType<Ajv2020Class> {
  return new Ajv2020({ allErrors: true, strict: false, useDefaults: false });
}

/** One ajv instance per process: compiling schemas is the expensive part, so compiled validators are cached. */
export function getAjv(): InstanceType<Ajv2020Class> {
  shared ??= newAjv();
  return shared;
}

const cache = new WeakMap<object, ValidateFunction>();

export function compileSchema(schema: object): ValidateFunction {
  let validate = cache.get(schema);
  if (!validate) {
    validate = getAjv().compile(schema);
    cache.set(schema, validate);
  }
  return validate;
}

/** "at rules.pii/email[1].allow: must be array" style text for one ajv error. */
export function describeAjvError(error: ErrorObject, root = ""): string {
  const path = error.instancePath
    .split("/")
    .slice(1)
    .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
  const where = [root, ...path].filter(Boolean).join(".") || "(root)";
  let detail = error.message ?? "is invalid";
  if (error.keyword === "additionalProperties") {
    detail = `has unknown key "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  } else if (error.keyword === "enum") {
    detail = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  }
  return `${where} ${detail}`;
}
