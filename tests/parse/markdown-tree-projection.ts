/**
 * What promptvet reads from a markdown tree, as plain data: leaf blocks with source ranges, heading text,
 * inline HTML comments and the container nesting. Two trees that project the same give the same document.
 */
import type { Nodes, Root } from "mdast";
import { plainText } from "../../src/parse/markdown.js";

export type Projected = (string | Projected)[];

const range = (n: Nodes) => `${n.position?.start.offset}-${n.position?.end.offset}`;

function inlineComments(node: Nodes): string[] {
  const out: string[] = [];
  const stack: Nodes[] = [...(("children" in node ? node.children : []) as Nodes[])];
  while (stack.length) {
    const n = stack.shift()!;
    if (n.type === "html" && n.value.includes("<!--")) out.push(`html@${range(n)}`);
    if ("children" in n) stack.unshift(...(n.children as Nodes[]));
  }
  return out;
}

export function project(node: Nodes): Projected {
  switch (node.type) {
    case "paragraph":
      return [`paragraph@${range(node)}`, ...inlineComments(node)];
    case "heading":
      return [`heading${node.depth}@${range(node)}`, plainText(node), ...inlineComments(node)];
    case "code":
    case "html":
      return [`${node.type}@${range(node)}`];
    case "yaml":
      return [`yaml@${range(node)}`];
    case "definition":
    case "thematicBreak":
      return [node.type];
    default:
      if ("children" in node) return [node.type, ...(node.children as Nodes[]).map(project)];
      return [node.type];
  }
}

export const projectRoot = (root: Root) => project(root);
