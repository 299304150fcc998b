import { defineConfig } from "vitest/config";

// The probe of tests/helpers/corpora.test.ts: one file, no build step.
export default defineConfig({
  test: { include: ["tests/helpers/probe/*.check.ts"], pool: "forks" },
});
