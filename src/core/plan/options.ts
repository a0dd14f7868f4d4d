/** What the user tells the add-in about a new plan: the contract between the pane and the plan's writer. */
export interface PlanOptions {
  area: string;
  healthAndWellbeingBoard: string;
  /** The financial year, e.g. "2025-26". */
  year: string;
}
