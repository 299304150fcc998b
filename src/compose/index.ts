/** Prompt composition: `extends` with section overrides, partials and includes, with a source map across files. */
export { composePrompt, type ComposedPrompt, type ComposeOptions, type FileRange, type IncludeReference, type LocatedRange, type ReadFile, type SectionOperation } from "./compose.js";
export { ComposeError, type ComposeProblem, type ReferenceStep } from "./errors.js";
export { COMPOSITION_KEYS, frontmatterBounds, readFrontmatter, type FrontmatterInfo, type ValueAt } from "./frontmatter.js";
export { findIncludes, includeCandidates, includeSyntaxes, type IncludeTag } from "./includes.js";
export { findSections, normalizeName, parseSections, type Section } from "./sections.js";
export { locateOffset, locateRange, MappedTextBuilder, type MappedText, type Piece, type SourceLocation } from "./source-map.js";
export { boundedReader, composeRootsFor, defaultComposeRoot, gitRootOf, OutsideRootError, withinRoots } from "./boundary.js";
