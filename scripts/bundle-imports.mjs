// Which modules a built bundle loads at run time, and which of those an installed copy cannot find. An
// installed copy has the package's `dependencies` and its own shipped files, nothing else: a dev dependency
// loaded at run time works in this checkout and crashes for every user. The build and a test both run this.
import { builtinModules } from "node:module";

/**
 * Functions through which a bundle loads a module at run time: `require` and the renamed copies esbuild makes
 * of `createRequire(...)` results (`require2`, `require3`, ...), esbuild's own `__require`, the launcher's
 * importer for `import()` (`__promptvetImport`), and a plain `import()`.
 */
const LOADER = String.raw`(?:require\d*|__require|__promptvetImport|import)`;
// A call with a string literal. The look-behind skips member calls (`x.require(`), longer names, and text
// inside a string (ajv's code generator keeps `'require("ajv/dist/runtime/uri")'` as a string).
const LITERAL_CALL = new RegExp(String.raw`(?<![\w$.'"\x60])${LOADER}\(\s*(["'\x60])([^"'\x60\n]+)\1\s*\)`, "g");
// A call with a bare identifier: a module name kept in a constant so the bundler leaves it alone.
const IDENTIFIER_CALL = new RegExp(String.raw`(?<![\w$.'"\x60])${LOADER}\(\s*([A-Za-z_$][\w$]*)\s*\)`, "g");
const STATIC_IMPORT = /^\s*(?:import|export)\s[^;]*?\sfrom\s*["']([^"']+)["']/gm;

/** Every module specifier the bundle's code can load at run time, with the line it is loaded on. */
export function runtimeLoads(code) {
  const loads = [];
  const lineStarts = [0];
  for (let i = code.indexOf("\n"); i !== -1; i = code.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const lineOf = (index) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  // Bundled libraries keep their doc comments, whose examples show require() calls that never run.
  const inComment = (index) => /^\s*(?:\/\/|\/\*|\*)/.test(code.slice(code.lastIndexOf("\n", index) + 1, index));
  for (const m of code.matchAll(LITERAL_CALL)) if (!inComment(m.index)) loads.push({ specifier: m[2], line: lineOf(m.index) });
  for (const m of code.matchAll(STATIC_IMPORT)) loads.push({ specifier: m[1], line: lineOf(m.index) });
  for (const m of code.matchAll(IDENTIFIER_CALL)) {
    if (inComment(m.index)) continue;
    const name = m[1];
    // `NAME = "module"` somewhere in the bundle: that constant is the specifier.
    const constant = new RegExp(String.raw`(?<![\w$.])${name.replace(/\$/g, "\\$")}\s*=\s*(["'])([^"'\n]+)\1`).exec(code);
    loads.push(constant ? { specifier: constant[2], line: lineOf(m.index) } : { specifier: undefined, identifier: name, line: lineOf(m.index) });
  }
  return loads;
}

/** `@scope/name/sub/path` -> `@scope/name`; `name/sub` -> `name`. */
export function packageOf(specifier) {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

const BUILTINS = new Set(builtinModules);

/**
 * Loads an installed copy cannot satisfy: a package that is not in `dependencies`, a relative file that is
 * not shipped, or a module name the scan cannot see. `allowed` lists the exceptions, each with the reason it
 * is safe (an optional load inside try/catch, a name that only ever holds a user's own module path).
 */
export function unsatisfiedLoads(loads, { dependencies, shippedFiles, allowed = {} }) {
  const problems = [];
  for (const load of loads) {
    if (load.specifier === undefined) {
      if (!(`(${load.identifier})` in allowed)) problems.push({ ...load, reason: `loads the module named by the variable ${load.identifier}, which the check cannot see` });
      continue;
    }
    const spec = load.specifier;
    if (spec.startsWith("node:") || BUILTINS.has(spec) || BUILTINS.has(spec.split("/")[0])) continue;
    if (spec.startsWith("./") || spec.startsWith("../")) {
      if (!shippedFiles.has(spec.replace(/^\.\//, ""))) problems.push({ ...load, reason: `loads ${spec}, which is not shipped beside the bundle` });
      continue;
    }
    const pkg = packageOf(spec);
    if (pkg in dependencies || spec in allowed || pkg in allowed) continue;
    problems.push({ ...load, reason: `loads "${spec}" at run time, but ${pkg} is neither bundled nor in package.json "dependencies"` });
  }
  return problems;
}

/**
 * Runtime loads of promptvet's bundles that are safe although they name no dependency. Each entry says why;
 * a new one needs the same care.
 */
export const ALLOWED_RUNTIME_LOADS = {
  picomatch: "fdir (inside tinyglobby) tries it in try/catch for its own glob option, which promptvet never uses",
  compromise:
    "the person-name detector's fallback when data/name-lexicon.json is missing; the package ships that file, so an installed copy never loads it",
  "(target)": "the launcher's importer: user configs, plugins and javascript assertions, by path",
  "(specifier)": "the launcher's importer: user configs, plugins and javascript assertions, by path",
};

/** Problems of one bundle file: `{ line, specifier?, reason }[]` (empty when an installed copy can load all). */
export function checkBundle(code, pkg, shippedFiles) {
  return unsatisfiedLoads(runtimeLoads(code), { dependencies: pkg.dependencies ?? {}, shippedFiles, allowed: ALLOWED_RUNTIME_LOADS });
}
