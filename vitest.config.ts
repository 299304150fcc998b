import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // The V8 flags the launcher (bin/promptvet.js) starts every run with, so timings and regular-expression
    // behaviour under test are those users get.
    execArgv: ["--no-regexp-peephole-optimization", "--no-regexp-tier-up"],
    globalSetup: ["tests/setup/build.ts", "tests/setup/private-tmp.ts"],
    setupFiles: ["tests/setup/rule-tester.ts"],
  },
});
