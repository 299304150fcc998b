/**
 * The full markdown tree (remark: every inline node — links, emphasis, code spans — with exact positions), for
 * the rules that ask for it with `meta.needs: ["mdast"]`. The block tree every document carries comes from a
 * faster parser (markdown-blocks.ts); this one is loaded and run only for documents such a rule lints.
 */
import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkParse from "remark-parse";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]);

/** The tree of `source` (positions: 1-based line/column, 0-based offsets into `source`, end exclusive). */
export function parseFullMdast(source: string): Root {
  return processor.parse(source) as Root;
}
