/**
 * The =BCF.* functions for the preview's workbook: the very functions functions.js associated, as recorded
 * by the shim in taskpane.html (window.__bcfFunctions), keyed the way formulas call them ("BCF.RATE").
 */
export type CustomFunction = (...args: never[]) => unknown;

export interface BcfFunctionRecord {
  /** Function id as associated ("RATE.CI") → the function. */
  functions: Record<string, CustomFunction>;
  /** performance.now() when each id was associated. */
  associatedAt: Record<string, number>;
  lastAssociatedAt: number | null;
}

export const BCF_NAMESPACE = "BCF";

export function associatedFunctions(): BcfFunctionRecord | undefined {
  return (globalThis as { __bcfFunctions?: BcfFunctionRecord }).__bcfFunctions;
}

/** { "BCF.RATE": rate, ... } from the associations; empty when functions.js has not run. */
export function bcfCustomFunctions(
  record: BcfFunctionRecord | undefined = associatedFunctions()
): Record<string, CustomFunction> {
  const registry: Record<string, CustomFunction> = {};
  for (const [id, fn] of Object.entries(record?.functions ?? {}))
    registry[`${BCF_NAMESPACE}.${id.toUpperCase()}`] = fn;
  return registry;
}
