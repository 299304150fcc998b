// The import graph between top-level folders of src/ and rules/, and the cycles in it. A folder is one unit
// (src/engine, rules/pii); a file directly under src/ or rules/ is a unit of its own. Every import counts,
// `import type` included: a type is as much a dependency of the design as a function.
//
// Usage: node scripts/import-cycles.mjs   (prints the cycles not written down in ALLOWED_CYCLES; exit 1 if any)
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";

/**
 * Cycles between units that are accepted, each with the reason. A cycle found and not listed fails the check,
 * and so does a listed cycle that no longer exists (the list must say what is true).
 */
/** @type {{ units: string[]; reason: string }[]} */
export const ALLOWED_CYCLES = [];

const SOURCE = /\.(?:ts|mts|cts|js|mjs|cjs)$/;

function sourceFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(full);
  }
  return out;
}

/** "src/engine" for src/engine/x/y.ts, "src/index.ts" for a file directly under src/. */
export function unitOf(root, file) {
  const parts = path.relative(root, file).split(path.sep);
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : parts.join("/");
}

/** Resolves a relative specifier the way the TypeScript sources write it (`./x.js` names `./x.ts`). */
function resolveSpecifier(from, specifier) {
  const target = path.resolve(path.dirname(from), specifier);
  return target.replace(/\.js$/, ".ts").replace(/\.mjs$/, ".mts").replace(/\.cjs$/, ".cts");
}

/** Edges between units: `from -> to` with the imports that make each (file and specifier). */
export function unitGraph(root, tops = ["src", "rules"]) {
  const edges = new Map();
  for (const top of tops) {
    for (const file of sourceFiles(path.join(root, top))) {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
      for (const { fileName } of importedFiles) {
        if (!fileName.startsWith(".")) continue;
        const target = resolveSpecifier(file, fileName);
        const relTarget = path.relative(root, target);
        if (relTarget.startsWith("..") || !tops.includes(relTarget.split(path.sep)[0])) continue;
        const from = unitOf(root, file);
        const to = unitOf(root, target);
        if (from === to) continue;
        const key = `${from}\0${to}`;
        if (!edges.has(key)) edges.set(key, { from, to, imports: [] });
        edges.get(key).imports.push(`${path.relative(root, file).split(path.sep).join("/")} imports ${fileName}`);
      }
    }
  }
  return [...edges.values()];
}

/** Strongly connected components with more than one unit (Tarjan), each sorted, in a stable order. */
export function cyclesOf(edges) {
  const next = new Map();
  for (const { from, to } of edges) {
    if (!next.has(from)) next.set(from, []);
    if (!next.has(to)) next.set(to, []);
    next.get(from).push(to);
  }
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const components = [];
  const visit = (v) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return components.sort((a, b) => a.join().localeCompare(b.join()));
}

const sameUnits = (a, b) => a.length === b.length && [...a].sort().every((u, i) => u === [...b].sort()[i]);

/** The check: cycles found but not allowed, and allowed cycles that are gone. */
export function checkCycles(root, allowed = ALLOWED_CYCLES) {
  const edges = unitGraph(root);
  const cycles = cyclesOf(edges);
  const unexpected = cycles
    .filter((units) => !allowed.some((a) => sameUnits(a.units, units)))
    .map((units) => ({
      units,
      edges: edges.filter((e) => units.includes(e.from) && units.includes(e.to)).sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`)),
    }));
  const stale = allowed.filter((a) => !cycles.some((units) => sameUnits(a.units, units)));
  return { units: new Set(edges.flatMap((e) => [e.from, e.to])).size, edges: edges.length, cycles, unexpected, stale };
}

export function describeCheck(result) {
  const lines = [`${result.units} units, ${result.edges} import edges between them, ${result.cycles.length} cycle(s)`];
  for (const { units, edges } of result.unexpected) {
    lines.push(`cycle: ${units.join(", ")}`);
    for (const e of edges) lines.push(`  ${e.from} -> ${e.to}: ${e.imports.slice(0, 3).join("; ")}${e.imports.length > 3 ? ` (+${e.imports.length - 3} more)` : ""}`);
  }
  for (const a of result.stale) lines.push(`allowed cycle no longer exists (remove it from ALLOWED_CYCLES): ${a.units.join(", ")}`);
  for (const units of result.cycles.filter((c) => !result.unexpected.some((u) => u.units === c))) lines.push(`allowed cycle: ${units.join(", ")}`);
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const result = checkCycles(root);
  console.log(describeCheck(result));
  process.exitCode = result.unexpected.length + result.stale.length > 0 ? 1 : 0;
}
