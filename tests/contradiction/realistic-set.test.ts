/**
 * The realistic contradiction set and the instruction-vs-example set: the manifests build against the corpora,
 * every label points at the text it names, the set keeps the shape it promises (size, kinds, clean share, far
 * pairs, one-sided conditions, a frozen held-out quarter), and the builder refuses a base file that changed.
 * Building needs ../shared/corpora: skipped with a message when it is absent, a failure under CI=true.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { corpusPath } from "../helpers/corpora.js";
import { buildSet, insideCode, loadManifest, ManifestError, type BuiltSet, type Case } from "../fixtures/contradictions/real/build.js";

const fixtures = resolve(import.meta.dirname, "../fixtures/contradictions");
const present = corpusPath("building the realistic contradiction set") !== undefined;

const temps: string[] = [];
function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), "promptvet-realset-"));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe("manifests", () => {
  const dev = loadManifest("dev");
  const heldout = loadManifest("heldout");
  const all: Case[] = [...dev, ...heldout];

  it("hold at least 300 prompts, half of them clean, with at least 20 kinds", () => {
    expect(all.length).toBeGreaterThanOrEqual(300);
    const clean = all.filter((c) => c.conflicts.length === 0).length;
    expect(clean / all.length).toBeGreaterThanOrEqual(0.45);
    expect(clean / all.length).toBeLessThanOrEqual(0.6);
    expect(new Set(all.flatMap((c) => c.conflicts.map((k) => k.kind))).size).toBeGreaterThanOrEqual(20);
    for (const c of all) expect(c.conflicts.length, c.id).toBeLessThanOrEqual(2);
  });

  it("keep the held-out cases drawn up front, and no case in both splits", () => {
    const frozen: string[] = JSON.parse(readFileSync(join(fixtures, "real/heldout-ids.json"), "utf8")).ids;
    expect(heldout.map((c) => c.id).sort()).toEqual([...frozen].sort());
    expect(heldout.length / all.length).toBeGreaterThan(0.2);
    const devIds = new Set(dev.map((c) => c.id));
    for (const c of heldout) expect(devIds.has(c.id), c.id).toBe(false);
  });

  it("never plant the same sentence twice", () => {
    const texts = all.flatMap((c) => c.files.flatMap((f) => f.edits.map((e) => e.text.trim())));
    expect(new Set(texts).size).toBe(texts.length);
  });

  it("plant one-sided conditions in at least a quarter of the conflicts", () => {
    const conflicts = all.flatMap((c) => c.conflicts);
    expect(conflicts.filter((c) => c.oneSided).length / conflicts.length).toBeGreaterThanOrEqual(0.25);
  });
});

describe.skipIf(!present)("built set", () => {
  let built: BuiltSet;
  const get = () => (built ??= buildSet(["dev", "heldout"], temp()));

  it("labels every conflict with lines that hold the planted or named text", () => {
    const { dir, labels, cases } = get();
    expect(labels.length).toBeGreaterThanOrEqual(200);
    for (const label of labels) {
      const a = readFileSync(join(dir, label.file), "utf8").split("\n")[label.lines[0] - 1];
      const b = readFileSync(join(dir, label.otherFile ?? label.file), "utf8").split("\n")[label.lines[1] - 1];
      expect(a?.trim(), `${label.id} ${label.kind}`).toBeTruthy();
      expect(b?.trim(), `${label.id} ${label.kind}`).toBeTruthy();
    }
    // A planted side lands exactly on its edit's first line.
    for (const c of cases) {
      const ofCase = labels.filter((l) => l.id === c.id);
      c.conflicts.forEach((conflict, index) => {
        for (const side of [conflict.a, conflict.b]) {
          if (side.edit === undefined) continue;
          const file = c.files[side.file ?? 0]!;
          const text = file.edits[side.edit]!.text.split("\n")[0]!;
          const label = ofCase[index]!;
          const lines = [label.lines[0], label.lines[1]];
          const paths = [label.file, label.otherFile ?? label.file];
          const found = lines.some((n, i) => paths[i]!.endsWith(file.path) && readFileSync(join(get().dir, paths[i]!), "utf8").split("\n")[n - 1] === text);
          expect(found, `${c.id} ${conflict.kind}`).toBe(true);
        }
      });
    }
  });

  it("puts at least a third of the pairs more than 15 lines apart, and has cross-file pairs", () => {
    const { labels } = get();
    const far = labels.filter((l) => l.distance > 15).length;
    expect(far / labels.length).toBeGreaterThanOrEqual(1 / 3);
    expect(labels.filter((l) => l.otherFile).length).toBeGreaterThanOrEqual(4);
  });

  it("never lands a planted line inside frontmatter or a code block", () => {
    const { dir, cases } = get();
    for (const c of cases.slice(0, 60)) {
      for (const f of c.files) {
        const path = join(dir, existsSync(join(dir, "dev", c.id)) ? "dev" : "heldout", c.id, f.path);
        const lines = readFileSync(path, "utf8").split("\n");
        const code = insideCode(lines);
        for (const e of f.edits) {
          const at = lines.indexOf(e.text.split("\n")[0]!);
          expect(at, `${c.id}: ${e.text.slice(0, 40)}`).toBeGreaterThanOrEqual(0);
          expect(code[at], `${c.id}: ${e.text.slice(0, 40)}`).toBe(false);
        }
      }
    }
  });
});

describe("builder", () => {
  function fakeCorpus(): { root: string; manifests: string; sha: string } {
    const root = temp();
    mkdirSync(join(root, "corpus"), { recursive: true });
    const text = "# Helper\n\nAlways answer in English.\n\n```\ncode\n```\nBe brief.\n";
    writeFileSync(join(root, "corpus/base.md"), text);
    const sha = createHash("sha256").update(text).digest("hex");
    const manifests = join(root, "manifests");
    mkdirSync(manifests);
    return { root, manifests, sha };
  }
  const caseWith = (sha: string, after: number): Case[] => [
    {
      id: "t1",
      files: [{ path: "AGENTS.md", base: "corpus/base.md", sha256: sha, edits: [{ after, text: "Reply in the user's language." }] }],
      conflicts: [{ kind: "language", a: { line: 3 }, b: { edit: 0 } }],
    },
  ];

  it("inserts after the named line and turns sides into built line numbers", () => {
    const { root, manifests, sha } = fakeCorpus();
    writeFileSync(join(manifests, "manifest.dev.json"), JSON.stringify(caseWith(sha, 1)));
    const out = temp();
    const built = buildSet(["dev"], out, root, manifests);
    expect(readFileSync(join(out, "dev/t1/AGENTS.md"), "utf8").split("\n").slice(0, 4)).toEqual(["# Helper", "Reply in the user's language.", "", "Always answer in English."]);
    expect(built.labels).toEqual([expect.objectContaining({ file: "dev/t1/AGENTS.md", kind: "language", lines: [2, 4], natural: true, distance: 2 })]);
  });

  it("fails clearly when a base file's hash differs", () => {
    const { root, manifests } = fakeCorpus();
    writeFileSync(join(manifests, "manifest.dev.json"), JSON.stringify(caseWith("0".repeat(64), 1)));
    expect(() => buildSet(["dev"], temp(), root, manifests)).toThrow(ManifestError);
    expect(() => buildSet(["dev"], temp(), root, manifests)).toThrow(/corpus\/base\.md: the base file changed/);
  });

  it("refuses an edit that would land inside a code block", () => {
    const { root, manifests, sha } = fakeCorpus();
    writeFileSync(join(manifests, "manifest.dev.json"), JSON.stringify(caseWith(sha, 5)));
    expect(() => buildSet(["dev"], temp(), root, manifests)).toThrow(/inside frontmatter or a code block/);
  });
});

describe("instruction-vs-example set", () => {
  const base = join(fixtures, "examples-real");
  const labels = JSON.parse(readFileSync(join(base, "labels.json"), "utf8")) as Record<"dev" | "heldout", { file: string; instruction: number; example: [number, number]; exampleFile?: string; kind: string }[]>;

  it("has at least 40 prompt files, about half of them clean, split into dev and held-out", () => {
    const prompts = ["dev", "heldout"].flatMap((s) => labels[s as "dev"].map((l) => l.file));
    expect(new Set(prompts).size).toBeGreaterThanOrEqual(20);
    expect(labels.heldout.length).toBeGreaterThan(0);
    expect(labels.dev.length + labels.heldout.length).toBeGreaterThanOrEqual(24);
  });

  it("points every label at an instruction line and a non-empty example span", () => {
    for (const l of [...labels.dev, ...labels.heldout]) {
      const prompt = readFileSync(join(base, l.file), "utf8").split("\n");
      const examples = readFileSync(join(base, l.exampleFile ?? l.file), "utf8").split("\n");
      expect(prompt[l.instruction - 1]?.trim(), l.file).toBeTruthy();
      expect(l.example[0]).toBeLessThanOrEqual(l.example[1]);
      expect(examples[l.example[0] - 1]?.trim(), l.file).toBeTruthy();
    }
  });
});
