/** Forks of a base prompt: discovery, drift figures and the blast radius of a change. */
export { dependencyGraph, dependentsIn, dependentsOf, type DependencyGraph } from "./dependents.js";
export { computeDrift, type ForkDrift, type TokenDrift } from "./drift.js";
export { contentLines, diffLines, lineDriftPercent, type LineDiff } from "./diff.js";
export { pinnedModel } from "./model.js";
export { directReferences, listPromptFiles, type References } from "./scan.js";
export { collectForks, type ForkEntry, type BaseGroup } from "./collect.js";
