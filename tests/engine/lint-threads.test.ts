import { beforeEach, describe, expect, it, vi } from "vitest";

const cores = vi.hoisted(() => ({ n: 2 }));
vi.mock("node:os", async (importOriginal) => ({ ...(await importOriginal<typeof import("node:os")>()), availableParallelism: () => cores.n }));

const { FILES_PER_WORKER, workerCount } = await import("../../src/engine/lint-threads.js");

describe("workerCount", () => {
  beforeEach(() => {
    cores.n = 2;
  });

  it.each([
    // [logical cores, setting, files to lint, workers]
    [2, "auto", 10_000, 0], // two logical cores are one physical core: stay on one thread
    [4, "auto", 10_000, 1],
    [8, "auto", 10_000, 3],
    [64, "auto", 10_000, 7], // at most 8 threads
    [8, "auto", FILES_PER_WORKER * 2, 2], // never more threads than there is work for
    [8, "auto", FILES_PER_WORKER - 1, 0],
    [2, 3, 10_000, 2], // an explicit number is taken as asked, whatever the cores
    [2, 1, 10_000, 0],
    [8, "off", 10_000, 0],
  ] as const)("%i cores, --concurrency %s, %i files -> %i workers", (logical, setting, files, expected) => {
    cores.n = logical;
    expect(workerCount(setting, files)).toBe(expected);
  });
});
