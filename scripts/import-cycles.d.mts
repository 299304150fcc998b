// Types of import-cycles.mjs, for the test that runs it.
export interface AllowedCycle {
  units: string[];
  reason: string;
}
export interface UnitEdge {
  from: string;
  to: string;
  imports: string[];
}
export interface CycleCheck {
  units: number;
  edges: number;
  cycles: string[][];
  unexpected: { units: string[]; edges: UnitEdge[] }[];
  stale: AllowedCycle[];
}
export const ALLOWED_CYCLES: AllowedCycle[];
export function unitOf(root: string, file: string): string;
export function unitGraph(root: string, tops?: string[]): UnitEdge[];
export function cyclesOf(edges: UnitEdge[]): string[][];
export function checkCycles(root: string, allowed?: AllowedCycle[]): CycleCheck;
export function describeCheck(result: CycleCheck): string;
