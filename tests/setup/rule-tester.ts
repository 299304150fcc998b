// promptvet's own rule tables run RuleTester under vitest, whose describe/it are not globals here.
import { describe, it } from "vitest";
import { RuleTester } from "../../src/rule-tester/rule-tester.js";

RuleTester.describe = describe;
RuleTester.it = it;
