/**
 * The Node versions promptvet supports (package.json `engines`) are the ones its packages support. `npm ci`
 * warns (EBADENGINE) for every locked package whose own `engines` leaves out the oldest supported Node; the
 * only such packages are secretlint 13's, which declare Node >= 22 as a support policy: they are development
 * dependencies, bundled into dist/ at build time (users never install them), and the secret scanner built from
 * them is tested by this suite, which runs on Node 20. secretlint 11, the last line declaring Node 20,
 * lacks thirteen of the preset's detectors (GitLab, Stripe, Hugging Face, Groq, Vercel, ...), so it is not
 * pinned instead.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import semver from "semver";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { engines: { node: string }; dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as {
  packages: Record<string, { version?: string; dev?: boolean; engines?: { node?: string } | string[] }>;
};

/** Packages that may declare a newer Node than promptvet supports, and why that is safe. */
const NEWER_NODE_ALLOWED = /^(secretlint|@secretlint\/[\w-]+)$/;

const oldest = semver.minVersion(pkg.engines.node)!.version;
const nodeRange = (engines: { node?: string } | string[] | undefined) => (Array.isArray(engines) ? undefined : engines?.node);
const offending = Object.entries(lock.packages)
  .filter(([where, entry]) => where !== "" && nodeRange(entry.engines) !== undefined && !semver.satisfies(oldest, nodeRange(entry.engines)!))
  .map(([where, entry]) => ({ name: where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length), version: entry.version, node: nodeRange(entry.engines), dev: entry.dev === true }));

describe(`packages on the oldest supported Node (${oldest})`, () => {
  it("every runtime dependency supports it", () => {
    expect(offending.filter((p) => !p.dev)).toEqual([]);
  });

  it("only secretlint's development packages, bundled at build time, declare a newer Node", () => {
    expect(offending.filter((p) => !NEWER_NODE_ALLOWED.test(p.name))).toEqual([]);
    for (const p of offending) expect(pkg.dependencies, p.name).not.toHaveProperty(p.name);
    // What npm ci warns about today, so a change in the count is noticed and explained here.
    expect(offending.length).toBe(16);
  });
});
