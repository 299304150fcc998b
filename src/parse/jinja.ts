/**
 * Jinja2 / Nunjucks tags: `{{ expr }}`, `{% stmt %}`, `{# comment #}`, whitespace control (`{%-`, `-%}`,
 * `+`), raw blocks. Variables are the free names of expressions; loop targets, `set` targets, macro
 * arguments and imports are loop-locals, not inputs. Linear: one forward pass, memoised searches.
 */
import type { Range, TemplateVariable } from "../model/document.js";
import type { DocumentBuilder } from "./builder.js";
import type { TemplateScan } from "./handlebars.js";
import { Finder, isIdentPart, isIdentStart } from "./scan-util.js";
import { ScopeStack } from "./scope-stack.js";

/** Words that are never variables inside an expression. */
const EXPRESSION_KEYWORDS = new Set([
  "and", "or", "not", "in", "is", "if", "else", "elif", "true", "false", "none", "True", "False", "None",
]);
/**
 * Words that are keywords only inside statements (`{% for x in xs recursive %}`, `{% include "x" with context %}`):
 * in an output tag, `{{ context }}` is an ordinary variable (the usual name of a RAG input).
 */
const KEYWORDS = new Set([...EXPRESSION_KEYWORDS, "recursive", "with", "without", "context", "import", "as", "ignore", "missing", "only"]);
const GLOBALS = new Set(["range", "lipsum", "dict", "cycler", "joiner", "namespace", "super", "caller", "varargs", "kwargs", "self", "loop"]);
const BLOCK_KEYWORDS = new Set(["if", "for", "macro", "call", "filter", "block", "with", "autoescape", "trans", "raw"]);

interface Token {
  text: string;
  start: number;
  type: "name" | "string" | "number" | "op";
}

function tokenize(source: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    if (c === 34 || c === 39) {
      let j = i + 1;
      while (j < end && source.charCodeAt(j) !== c) j += source.charCodeAt(j) === 92 ? 2 : 1;
      tokens.push({ text: source.slice(i + 1, Math.min(j, end)), start: i + 1, type: "string" });
      i = j + 1;
      continue;
    }
    if (isIdentStart(c)) {
      let j = i + 1;
      while (j < end && isIdentPart(source.charCodeAt(j))) j++;
      tokens.push({ text: source.slice(i, j), start: i, type: "name" });
      i = j;
      continue;
    }
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      while (j < end && (isIdentPart(source.charCodeAt(j)) || source[j] === ".")) j++;
      tokens.push({ text: source.slice(i, j), start: i, type: "number" });
      i = j;
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === "==" || two === "!=" || two === "<=" || two === ">=" || two === "//" || two === "**") {
      tokens.push({ text: two, start: i, type: "op" });
      i += 2;
      continue;
    }
    tokens.push({ text: source[i]!, start: i, type: "op" });
    i++;
  }
  return tokens;
}

export function scanJinja(builder: DocumentBuilder, range: Range): TemplateScan {
  const source = builder.source;
  const [start, end] = range;
  const finder = new Finder(source, end);
  const scan: TemplateScan = { cuts: [], roleMarkers: [] };
  const globalLocals = new Set<string>();
  const scopes = new ScopeStack();
  const opener = /\{[{%#]/g;
  let tagRange: Range = [start, start];
  let i = start;
  while (i < end) {
    opener.lastIndex = i;
    const match = opener.exec(source);
    if (!match || match.index >= end) break;
    const open = match.index;
    const kind = source[open + 1]!;
    const closeToken = kind === "{" ? "}}" : kind === "%" ? "%}" : "#}";
    const close = finder.indexOf(closeToken, open + 2);
    if (close === -1) {
      builder.problem("template", `Unclosed tag: expected \`${closeToken}\``, [open, open + 2]);
      i = open + 2;
      continue;
    }
    tagRange = [open, close + 2];
    i = close + 2;
    let innerStart = open + 2;
    let innerEnd = close;
    if (source[innerStart] === "-" || source[innerStart] === "+") innerStart++;
    if ((source[innerEnd - 1] === "-" || source[innerEnd - 1] === "+") && innerEnd - 1 >= innerStart) innerEnd--;
    if (kind === "#") {
      builder.comments.push({ value: source.slice(innerStart, innerEnd).trim(), range: tagRange, syntax: "jinja" });
      scan.cuts.push(tagRange);
      continue;
    }
    const tokens = tokenize(source, innerStart, innerEnd);
    if (kind === "{") {
      if (tokens.length === 0) builder.problem("template", "Empty expression", tagRange);
      addExpression(tokens, "variable", false, EXPRESSION_KEYWORDS);
      continue;
    }
    statement(tokens);
  }
  return scan;

  function statement(tokens: Token[]) {
    const head = tokens[0];
    if (!head) {
      builder.problem("template", "Empty statement", tagRange);
      return;
    }
    const keyword = head.text;
    const rest = tokens.slice(1);
    if (keyword.startsWith("end") && keyword.length > 3) {
      const name = keyword.slice(3);
      builder.tags.push({ syntax: "jinja", type: "close", keyword: name, range: tagRange });
      scopes.close(name);
      return;
    }
    if (keyword === "else" || keyword === "elif") {
      builder.tags.push({ syntax: "jinja", type: "middle", keyword, range: tagRange });
      addExpression(rest, "section");
      return;
    }
    switch (keyword) {
      case "raw": {
        builder.tags.push({ syntax: "jinja", type: "open", keyword, range: tagRange });
        const endRaw = finder.indexOf("endraw", i);
        if (endRaw === -1) {
          builder.problem("template", "Unclosed raw block: expected `{% endraw %}`", tagRange);
          i = end;
          return;
        }
        const tagOpen = source.lastIndexOf("{%", endRaw);
        const tagClose = finder.indexOf("%}", endRaw);
        const closeEnd = tagClose === -1 ? end : tagClose + 2;
        builder.tags.push({ syntax: "jinja", type: "close", keyword: "raw", range: [tagOpen >= i ? tagOpen : endRaw, closeEnd] });
        i = closeEnd;
        return;
      }
      case "for": {
        const inAt = rest.findIndex((t) => t.type === "name" && t.text === "in");
        const targets = (inAt === -1 ? [] : rest.slice(0, inAt)).filter((t) => t.type === "name");
        builder.tags.push({ syntax: "jinja", type: "open", keyword, range: tagRange });
        // The iterable is evaluated outside the loop; the targets are local to it.
        addExpression(inAt === -1 ? rest : rest.slice(inAt + 1), "section");
        const locals = new Set(targets.map((t) => t.text));
        locals.add("loop");
        for (const t of targets) pushVariable(t.text, t.text, t.start, "loop-local");
        scopes.push(keyword, locals);
        return;
      }
      case "set": {
        const eq = rest.findIndex((t) => t.text === "=");
        const targets = (eq === -1 ? rest : rest.slice(0, eq)).filter((t) => t.type === "name");
        for (const t of targets) {
          globalLocals.add(t.text);
          pushVariable(t.text, t.text, t.start, "loop-local");
        }
        if (eq === -1) {
          builder.tags.push({ syntax: "jinja", type: "open", keyword, range: tagRange });
          scopes.push(keyword);
        } else {
          builder.tags.push({ syntax: "jinja", type: "single", keyword, range: tagRange });
          addExpression(rest.slice(eq + 1), "variable");
        }
        return;
      }
      case "with": {
        builder.tags.push({ syntax: "jinja", type: "open", keyword, range: tagRange });
        const locals = new Set<string>();
        // `with a = expr, b = expr`: names before each `=` are local.
        let k = 0;
        while (k < rest.length) {
          const t = rest[k]!;
          if (t.type === "name" && rest[k + 1]?.text === "=") {
            locals.add(t.text);
            pushVariable(t.text, t.text, t.start, "loop-local");
            let j = k + 2;
            let depth = 0;
            const expr: Token[] = [];
            while (j < rest.length && !(depth === 0 && rest[j]!.text === ",")) {
              const x = rest[j]!;
              if (x.text === "(" || x.text === "[" || x.text === "{") depth++;
              if (x.text === ")" || x.text === "]" || x.text === "}") depth--;
              expr.push(x);
              j++;
            }
            addExpression(expr, "variable");
            k = j + 1;
          } else k++;
        }
        scopes.push(keyword, locals);
        return;
      }
      case "macro":
      case "call": {
        builder.tags.push({ syntax: "jinja", type: "open", keyword, range: tagRange });
        const locals = new Set<string>(["caller", "varargs", "kwargs"]);
        let nameIdx = 0;
        if (keyword === "call" && rest[0]?.text === "(") {
          // `call(args) macro(...)`: the first parenthesis declares caller arguments.
          let j = 1;
          while (j < rest.length && rest[j]!.text !== ")") {
            if (rest[j]!.type === "name" && rest[j - 1]?.text !== "=") locals.add(rest[j]!.text);
            j++;
          }
          nameIdx = j + 1;
        }
        const nameToken = rest[nameIdx];
        if (keyword === "macro" && nameToken) globalLocals.add(nameToken.text);
        const args = rest.slice(nameIdx + 1);
        if (keyword === "macro") {
          // Argument names are locals; default values are expressions.
          let depth = 0;
          for (let k = 0; k < args.length; k++) {
            const t = args[k]!;
            if (t.text === "(") depth++;
            else if (t.text === ")") depth--;
            else if (t.type === "name" && depth === 1 && (args[k - 1]?.text === "(" || args[k - 1]?.text === ",")) locals.add(t.text);
          }
          scopes.push(keyword, locals);
          const defaults = args.filter((t, k) => !(t.type === "name" && locals.has(t.text) && (args[k - 1]?.text === "(" || args[k - 1]?.text === ",")));
          addExpression(defaults, "variable");
        } else {
          addExpression(rest.slice(nameIdx), "variable");
          scopes.push(keyword, locals);
        }
        return;
      }
      case "include":
      case "extends":
      case "import":
      case "from": {
        builder.tags.push({ syntax: "jinja", type: "single", keyword, range: tagRange });
        const target = rest[0];
        if (target?.type === "string") {
          pushVariable(target.text, target.text, target.start, "partial");
        } else addExpression(rest.slice(0, 1), "variable");
        // `import "x" as y`, `from "x" import a, b as c`: the new names are locals.
        const asAt = rest.findIndex((t) => t.text === "as" || t.text === "import");
        if (asAt !== -1) {
          for (const t of rest.slice(asAt + 1)) {
            if (t.type === "name" && !KEYWORDS.has(t.text)) globalLocals.add(t.text);
          }
        }
        return;
      }
      default: {
        if (BLOCK_KEYWORDS.has(keyword)) {
          builder.tags.push({ syntax: "jinja", type: "open", keyword, range: tagRange });
          scopes.push(keyword);
          if (keyword === "if" || keyword === "filter" || keyword === "autoescape") addExpression(rest, keyword === "if" ? "section" : "variable", keyword === "filter");
          return;
        }
        builder.tags.push({ syntax: "jinja", type: "single", keyword, range: tagRange });
        if (keyword === "do" || keyword === "print") addExpression(rest, "variable");
      }
    }
  }

  /** Records the free names of an expression. `filterFirst`: the expression starts with a filter name. */
  function addExpression(tokens: Token[], kind: TemplateVariable["kind"], filterFirst = false, keywords: ReadonlySet<string> = KEYWORDS) {
    let depth = 0;
    for (let k = 0; k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.text === "(") depth++;
      else if (t.text === ")") depth = Math.max(0, depth - 1);
      if (t.type !== "name") continue;
      const prev = tokens[k - 1];
      if (filterFirst && k === 0) continue;
      if (prev && (prev.text === "." || prev.text === "|")) continue;
      if (prev && prev.type === "name" && (prev.text === "is" || (prev.text === "not" && tokens[k - 2]?.text === "is"))) continue;
      // `name=` inside parentheses is a keyword argument, not a variable.
      if (tokens[k + 1]?.text === "=" && depth > 0) continue;
      if (keywords.has(t.text)) continue;
      // Dotted path as written: `user.name`.
      let path = t.text;
      let j = k + 1;
      while (tokens[j]?.text === "." && tokens[j + 1]?.type === "name" && tokens[j + 1]!.start === tokens[j]!.start + 1) {
        path += `.${tokens[j + 1]!.text}`;
        j += 2;
      }
      const local = GLOBALS.has(t.text) || globalLocals.has(t.text) || scopes.hasLocal(t.text);
      pushVariable(t.text, path, t.start, local ? "loop-local" : kind);
    }
  }

  function pushVariable(name: string, path: string, nameStart: number, kind: TemplateVariable["kind"]) {
    builder.variables.push({ name, path, syntax: "jinja", range: tagRange, nameRange: [nameStart, nameStart + name.length], kind });
  }
}

