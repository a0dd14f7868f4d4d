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
