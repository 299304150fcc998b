// Types of bundle-imports.mjs, for the test that runs it.
export interface RuntimeLoad {
  specifier?: string;
  identifier?: string;
  line: number;
}
export interface UnsatisfiedLoad extends RuntimeLoad {
  reason: string;
}
export function runtimeLoads(code: string): RuntimeLoad[];
export function packageOf(specifier: string): string;
export function unsatisfiedLoads(
  loads: RuntimeLoad[],
  options: { dependencies: Record<string, string>; shippedFiles: Set<string>; allowed?: Record<string, string> },
): UnsatisfiedLoad[];
export const ALLOWED_RUNTIME_LOADS: Record<string, string>;
export function checkBundle(code: string, pkg: { dependencies?: Record<string, string> }, shippedFiles: Set<string>): UnsatisfiedLoad[];
