/**
 * Names a template may use without declaring them: engine built-ins and helpers. Kept small and explicit so
 * a typo in a real variable is still caught.
 */
const BUILTINS = new Set([
  // Handlebars / dotprompt data and helpers.
  "this", "@index", "@key", "@first", "@last", "@root", "@state", "@metadata", "@data",
  "role", "history", "media", "section", "json", "ifEquals", "unlessEquals", "if", "unless", "each", "with", "else", "lookup", "log",
  // Jinja globals and loop state.
  "loop", "super", "self", "varargs", "kwargs", "caller", "range", "lipsum", "dict", "cycler", "joiner", "namespace",
  "true", "false", "none", "True", "False", "None",
]);

export function isBuiltinName(name: string): boolean {
  return name.startsWith("@") || BUILTINS.has(name);
}
