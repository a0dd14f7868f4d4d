import type { RemovalPlan } from "./planRemoval";

/** Whether a plan changes anything in the workbook. */
export function planChangesSomething(plan: RemovalPlan): boolean {
  return (
    plan.deleteSheets.length +
      plan.deleteTables.length +
      plan.clearCells.length +
      plan.deleteCharts.length +
      plan.clearBoxes.length +
      plan.deleteRows.length +
      plan.restoreRows.length >
    0
  );
}
