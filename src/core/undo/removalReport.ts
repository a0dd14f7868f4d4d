/**
 * What an undo says once done, in plain sentences: the removal planner's own. Kept apart from the
 * planner so the pane can word a plan with nothing to remove without loading the planner.
 */
import { listInWords } from "../wording";
import type { RemovalPlan } from "./planRemoval";

export interface RemovalReport {
  /** Plain sentences: what was removed, what was kept and why, what had already gone. */
  removed: string[];
  kept: string[];
  gone: string[];
  /** One or two sentences for the pane. */
  message: string;
}

/** "Removed the sheet Expenditure and …." (or "Nothing was removed."), then what was kept and why. */
export function removalReport(plan: Pick<RemovalPlan, "removed" | "kept" | "gone">): RemovalReport {
  const parts: string[] = [];
  if (plan.removed.length) parts.push(`Removed ${listInWords(plan.removed)}.`);
  else parts.push("Nothing was removed.");
  parts.push(...plan.kept, ...plan.gone);
  return { removed: plan.removed, kept: plan.kept, gone: plan.gone, message: parts.join(" ") };
}
