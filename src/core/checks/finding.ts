/** One thing the pre-submission checks found, linked to the cell it is about. */
export type Severity = "error" | "warning" | "info";

export interface Finding {
  /** Stable rule id, e.g. "totals", "splits", "periods", "funding-balance", "national-conditions", "hygiene". */
  rule: string;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell, without the sheet name. */
  cell: string;
  /** Plain English for a finance officer. */
  message: string;
  expected?: number;
  actual?: number;
}

/** What one rule compared in a workbook: `checked` figures, and when it is 0 a note saying what was missing. */
export interface RuleCoverage {
  rule: string;
  checked: number;
  note?: string;
}

/** What every rule returns: its findings and an account of what it checked, so silence is never a clean bill. */
export interface RuleOutcome {
  findings: Finding[];
  coverage: RuleCoverage;
}
