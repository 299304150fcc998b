import type { Rule, RuleContext, RuleMeta, RuleVisitor } from "../rule-api/types.js";

/** A built-in rule as the catalog knows it: its meta, and the module that implements it. */
export interface RuleCatalogEntry {
  meta: RuleMeta;
  load: () => Promise<{ default: Rule<any> }>;
}

/**
 * Rules whose module is loaded when a file is first linted with them. Config resolution, `rules`, `explain` and
 * option validation need only the meta, so a run pays the module's top level (its detectors, lexicons and
 * patterns) only for the rules it enables.
 */
export function lazyRules(catalog: readonly RuleCatalogEntry[]): Rule<any>[] {
  return catalog.map(lazyRule);
}

function lazyRule(entry: RuleCatalogEntry): Rule<any> {
  let loaded: Rule<any> | undefined;
  let loading: Promise<Rule<any>> | undefined;
  const load = (): Promise<Rule<any>> =>
    (loading ??= entry.load().then(({ default: rule }) => {
      if (rule?.meta?.id !== entry.meta.id) throw new Error(`The rule catalog names ${entry.meta.id}, its module holds ${rule?.meta?.id}: rebuild promptvet`);
      loaded = rule;
      return rule;
    }));
  return {
    meta: entry.meta,
    // Synchronous once loaded: the linter awaits only a promise, and a rule's visitor is created per file.
    create(context: RuleContext<any>): RuleVisitor | Promise<RuleVisitor> {
      if (loaded) return loaded.create(context);
      return load().then((rule) => rule.create(context));
    },
  } as Rule<any>;
}
