/**
 * One sentence saying what a run of the checks covered: "Checked 14 totals, 3 splits, 6 figures stated
 * per period, funding balance for 4 sources; national conditions: no minimum found". A rule that
 * compared nothing says what it was missing, and a workbook where nothing was recognised says so, so
 * a clean result is never confused with an unchecked one.
 */
import { WorkbookSnapshot } from "../workbook";
import { RuleCoverage } from "./finding";
import { figure } from "./format";

function count(n: number, one: string, many = `${one}s`): string {
  return `${figure(n, false)} ${n === 1 ? one : many}`;
}

const CHECKED: Record<string, (n: number) => string> = {
  totals: (n) => count(n, "total"),
  splits: (n) => count(n, "split"),
  periods: (n) => count(n, "figure stated per period", "figures stated per period"),
  "funding-balance": (n) => `funding balance for ${count(n, "source")}`,
  "national-conditions": (n) => `national conditions on ${count(n, "figure")}`,
  hygiene: (n) => `${count(n, "cell")} for errors and numbers stored as text`,
};

const NAMES: Record<string, string> = {
  totals: "totals",
  splits: "splits",
  periods: "periods",
  "funding-balance": "funding balance",
  "national-conditions": "national conditions",
  hygiene: "cells",
};

function isEmpty(snapshot: WorkbookSnapshot): boolean {
  for (const sheet of snapshot.sheets)
    for (const row of sheet.values) for (const v of row) if (v !== "") return false;
  return true;
}

/** Whether any rule but hygiene (which reads every cell) found something of its kind to compare. */
export function recognisedAnything(coverage: RuleCoverage[]): boolean {
  return coverage.some((c) => c.rule !== "hygiene" && c.checked > 0);
}

export function coverageSummary(snapshot: WorkbookSnapshot, coverage: RuleCoverage[]): string {
  if (isEmpty(snapshot)) {
    return `Nothing was checked: the workbook is empty${snapshot.sheets.length ? "" : " (no sheets)"}.`;
  }
  // Hygiene reads every cell; on its own it does not mean a table was recognised.
  const recognised = recognisedAnything(coverage);
  const done = coverage
    .filter((c) => c.checked > 0)
    .map((c) =>
      (CHECKED[c.rule] ?? ((n: number) => `${c.rule} on ${count(n, "figure")}`))(c.checked)
    );
  const missing = coverage
    .filter((c) => c.checked === 0 && c.rule !== "hygiene")
    .map((c) => `${NAMES[c.rule] ?? c.rule}: ${c.note ?? "nothing to compare"}`);
  if (!recognised) {
    // What each rule was missing says why: no tables of these kinds, or totals never calculated.
    return `Nothing was checked: ${missing.join("; ")}${done.length ? ` (read ${done.join(", ")})` : ""}.`;
  }
  return `Checked ${done.join(", ")}${missing.length ? `; ${missing.join("; ")}` : ""}.`;
}
