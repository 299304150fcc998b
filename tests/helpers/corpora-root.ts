/**
 * Where the public prompt corpora are: `PROMPTVET_CORPORA`, else `../shared/corpora` beside the repository.
 * They are read-only reference data and never copied into the repository. Kept free of vitest so that the
 * benchmark scripts can import it too.
 */
import path from "node:path";

export const CORPORA_ROOT = process.env.PROMPTVET_CORPORA ?? path.resolve(import.meta.dirname, "../../../shared/corpora");
