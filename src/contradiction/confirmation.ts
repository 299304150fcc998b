/**
 * Asking the user before acting: "always ask before any destructive action" against "delete the stale branches
 * without asking". The directive's value is the class of action it covers; "any destructive action" covers
 * deleting and rewriting history, "anything" covers every action.
 */
import type { ClauseGrammar, AddDirective } from "./quoted.js";
import { polarityAt } from "./grammar.js";
import { allMatches } from "./text.js";

const ASK_BEFORE =
  /\b(?:ask|asks|asking|check|checking|confirm|confirming|get|getting|obtain|obtaining|request|requesting|seek|seeking|wait|waiting|require|requiring)\b(?:\s+(?:the|user|user's|developer|human|customer|operator|owner|them|me|us|my|our|explicit|explicitly|written|their|for|a|an|with|approval|permission|confirmation|sign-?off|consent|go-ahead|first)){0,5}\s+(?:before|prior to)\s+/gi;
const WITHOUT_ASKING =
  /\bwithout\s+(?:(?:first|explicitly|explicit|prior|written|the|user|user's|their|any|getting|obtaining|seeking|waiting|pausing|stopping|interrupting|for|a|an|being)\s+){0,4}(?:asking|checking|confirmation|confirming|approval|approving|permission|consent|sign-?off|go-ahead|told|asked|prompting)\b(?:\s+(?:with|for|from)\s+(?:the\s+)?(?:user|developer|human|customer|them|me|us|permission|confirmation|approval))?/gi;
const ASK_PERMISSION =
  /\bask(?:ing)?\s+(?:the\s+user\s+|the\s+developer\s+|them\s+|me\s+|us\s+)?(?:for\s+)?(?:permission|confirmation|approval|sign-?off|consent)\b(?!\s+(?:before|prior to)\b)|\bwait(?:ing)?\s+for\s+(?:(?:the|a|an|my|their|explicit|user|user's|human|developer's|developer)\s+){0,3}(?:confirmation|approval|go-?ahead|permission|sign-?off|consent|ok|okay)\b(?!\s+(?:before|prior to)\b)/gi;
/** "Confirm, then write code", "Check with me first, then edit": asking is the first step of the work. */
const CONFIRM_THEN = /^\W*(?:confirm|get (?:my |the user's )?(?:approval|confirmation|go-?ahead)|check (?:in )?with (?:me|the user|them)|ask (?:me|the user) first)(?:\s+first)?\s*[,;:]?\s*(?:and\s+)?then\s+/i;

const ACTIONS: [string, RegExp][] = [
  ["delete", /\b(?:delet|remov|drop|eras|wip(?:e|ing)|purg|destroy|truncat|discard|prun(?:e|ing)|rm\b|clean(?:ing)? up|overwrit)/i],
  ["history", /\b(?:force[- ]?push|reset --hard|hard reset|rebas|rewrit\w* (?:git )?history|amend)/i],
  ["commit", /\bcommit/i],
  ["push", /\bpush/i],
  ["deploy", /\b(?:deploy|releas|publish|ship)/i],
  ["install", /\b(?:install|upgrad|add(?:ing)? (?:new |any )?(?:dependenc|packages?|librar))/i],
  ["command", /\b(?:run|execut)\w*\s+(?:any\s+|the\s+|a\s+|shell\s+|terminal\s+)*(?:commands?|scripts?|migrations?)/i],
  ["send", /\b(?:send|email|post)\w*\b/i],
  ["pay", /\b(?:purchas|buy|pay|charg|refund|book|placing|place (?:the |an |any )?order)/i],
  ["edit", /\b(?:edit|modif|chang|writ|creat|refactor|appl(?:y|ie|yi))\w*\s+(?:any\s+|the\s+|existing\s+|a\s+|new\s+|these\s+|those\s+|your\s+)*(?:files?|code|changes?|edits?|fix(?:es)?|patch(?:es)?|refinements?|refactors?|renames?)\b|\b(?:renames?|extractions?|refactors?|refactorings?|edits?)\b[^.;]{0,40}\b(?:appl(?:y|ied)|made|done)\b/i],
];
const DESTRUCTIVE = /\b(?:destructive|irreversible|irrevocable|risky|dangerous|unsafe|potentially harmful|data-losing)\b/i;
const ANYTHING = /\b(?:any (?:action|actions|changes?|steps?|operations?|tool calls?)|anything|acting|proceeding|you act|you proceed|making (?:any )?changes|taking (?:any )?action)\b/i;

/** The action classes an object phrase names ("any destructive action" -> destructive). */
function actionClasses(phrase: string): string[] {
  if (ANYTHING.test(phrase)) return ["*"];
  const out: string[] = [];
  if (DESTRUCTIVE.test(phrase)) out.push("destructive");
  for (const [name, re] of ACTIONS) if (re.test(phrase)) out.push(name);
  return out;
}

/** Two sets of action classes share an action: "*" covers all, "destructive" covers deleting and history rewrites. */
export function actionsOverlap(a: readonly string[], b: readonly string[]): boolean {
  if (a.includes("*") || b.includes("*")) return true;
  const expand = (x: readonly string[]) => (x.includes("destructive") ? [...x, "delete", "history"] : x);
  const ea = expand(a);
  return expand(b).some((c) => ea.includes(c));
}

/** `following`: the rest of the sentence after this clause, where a "never wait for approval" rule names its action. */
export function extractConfirmation(masked: string, grammar: ClauseGrammar, add: AddDirective, following = ""): void {
  if (!/\b(?:before|prior|without|permission|confirmation|approval|go-?ahead|confirm|then)\b/i.test(masked)) return;
  const emit = (polarity: 1 | -1, object: string, at: number) => {
    const classes = actionClasses(object);
    if (classes.length === 0) return;
    if (!grammar.command) return;
    add({ dimension: "confirmation", value: classes.join(","), topic: classes, polarity, exclusive: false, permissive: grammar.permissive, scope: grammar.scope, ...(grammar.focus ? { focus: grammar.focus } : {}), ...(grammar.command ? { command: true } : {}) }, at);
  };
  for (const m of allMatches(ASK_BEFORE, masked)) {
    const object = masked.slice(m.index! + m[0].length, m.index! + m[0].length + 80).split(/[,.;:]/)[0]!;
    emit(polarityAt(masked, m.index!, grammar.negativeLead).polarity, object, m.index!);
  }
  for (const m of allMatches(WITHOUT_ASKING, masked)) {
    if (/\bwithout being (?:told|asked)\b/i.test(m[0])) continue;
    // "Never delete files without confirmation": a prohibition of acting unasked is a requirement to ask.
    const { polarity } = polarityAt(masked, m.index!, grammar.negativeLead);
    const object = masked.slice(0, m.index!);
    emit(polarity === 1 ? -1 : 1, object, m.index!);
  }
  const first = CONFIRM_THEN.exec(masked);
  if (first) emit(1, masked.slice(first[0].length), first.index + first[0].search(/\S/));
  for (const m of allMatches(ASK_PERMISSION, masked)) {
    const after = `${masked.slice(m.index! + m[0].length)}${following}`.slice(0, 80);
    const rest = after.split(/[,.;:]/)[0]!;
    let object = /^\s*(?:to|for)\b/i.test(rest) ? rest : "anything";
    // "Never wait for a confirmation; write the code immediately": the waiting is about the action named next.
    if (/^wait/i.test(m[0]) && object === "anything") {
      const next = after.replace(/^[\s,;:—–-]+(?:(?:just|simply|and|but|instead)\s+)*/i, "").split(/[.;]/)[0]!;
      if (next.trim() !== "" && actionClasses(next).length > 0) object = next;
      else if (next.trim() !== "" && !/^(?:proceed|act|continue|go ahead|start|begin|carry on)\b/i.test(next)) continue;
    }
    emit(polarityAt(masked, m.index!, grammar.negativeLead).polarity, object, m.index!);
  }
}
