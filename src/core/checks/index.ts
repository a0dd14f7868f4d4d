/**
 * The pre-submission checks: every rule over one workbook snapshot, findings sorted so errors come
 * first, then by sheet (workbook order), row and column, and an account of what each rule checked so
 * "no findings" is never mistaken for "all checked". The same code runs in the pane and the CLI.
 */
import { WorkbookSnapshot, parseA1 } from "../workbook";
import { Finding, RuleCoverage, RuleOutcome, Severity } from "./finding";
import { checkTotals } from "./totals";
import { checkSplits } from "./splits";
import { checkPeriods } from "./periods";
import { checkFundingBalance } from "./fundingBalance";
import { checkNationalConditions } from "./nationalConditions";
import { checkHygiene } from "./hygiene";
import { checkIncomeAllocations } from "./incomeAllocations";
import { checkCompleteness } from "./completeness";
import { coverageSummary, recognisedAnything } from "./coverage";

export type { Finding, Severity, RuleCoverage, RuleOutcome } from "./finding";
export { coverageSummary, recognisedAnything } from "./coverage";

/** Rules in the order their findings win when two rules flag the same cell with the same severity. */
export const RULES: Array<(snapshot: WorkbookSnapshot) => RuleOutcome> = [
  checkTotals,
  checkSplits,
  checkPeriods,
  checkFundingBalance,
  checkNationalConditions,
  checkIncomeAllocations,
  checkCompleteness,
  checkHygiene,
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** What one run of the checks found and what it covered, with the coverage in one sentence. */
export interface CheckReport {
  findings: Finding[];
  coverage: RuleCoverage[];
  summary: string;
  /** False when no rule found anything to compare: "no findings" then means nothing was checked. */
  recognised: boolean;
}

export function checkWorkbook(snapshot: WorkbookSnapshot): CheckReport {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  const coverage: RuleCoverage[] = [];
  for (const rule of RULES) {
    const outcome = rule(snapshot);
    coverage.push(outcome.coverage);
    for (const f of outcome.findings) {
      // One finding per cell and severity: a split total that is also a column total is one problem.
      const key = `${f.severity}\u0000${f.sheet}\u0000${f.cell}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(f);
    }
  }
  const sheetOrder = new Map(snapshot.sheets.map((s, i) => [s.name, i]));
  const pos = new Map<Finding, { row: number; col: number }>();
  for (const f of findings) pos.set(f, parseA1(f.cell) ?? { row: 0, col: 0 });
  findings.sort((a, b) => {
    const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    if (s) return s;
    const sh = (sheetOrder.get(a.sheet) ?? 1e9) - (sheetOrder.get(b.sheet) ?? 1e9);
    if (sh) return sh;
    if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
    const pa = pos.get(a)!;
    const pb = pos.get(b)!;
    return pa.row - pb.row || pa.col - pb.col;
  });
  return {
    findings,
    coverage,
    summary: coverageSummary(snapshot, coverage),
    recognised: recognisedAnything(coverage),
  };
}

/** The findings alone, for callers that do not show coverage. */
export function runChecks(snapshot: WorkbookSnapshot): Finding[] {
  return checkWorkbook(snapshot).findings;
}

export function countBySeverity(findings: Finding[]): {
  error: number;
  warning: number;
  info: number;
} {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
