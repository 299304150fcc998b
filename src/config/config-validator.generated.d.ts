import type { ErrorObject } from "ajv";

/** The config schema's validator, generated ahead of time (scripts/gen-config-validator.mjs). */
declare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export default validate;
