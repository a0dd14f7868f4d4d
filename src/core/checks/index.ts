/**
 * The pre-submission checks: every rule over one workbook snapshot, findings sorted so errors come
 * first, then by sheet (workbook order), row and column. The same code runs in the pane and the CLI.
 */
import { WorkbookSnapshot, parseA1 } from "../workbook";
import { Finding, Severity } from "./finding";
import { checkTotals } from "./totals";
import { checkSplits } from "./splits";
import { checkPeriods } from "./periods";
import { checkFundingBalance } from "./fundingBalance";
import { checkNationalConditions } from "./nationalConditions";
import { checkHygiene } from "./hygiene";
import { checkLinks } from "./links";

export type { Finding, Severity } from "./finding";

/** Rules in the order their findings win when two rules flag the same cell with the same severity. */
export const RULES: Array<(snapshot: WorkbookSnapshot) => Finding[]> = [
  checkTotals,
  checkSplits,
  checkPeriods,
  checkFundingBalance,
  checkNationalConditions,
  checkHygiene,
  (s) => checkLinks(s).findings,
];

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function runChecks(snapshot: WorkbookSnapshot): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const rule of RULES) {
    for (const f of rule(snapshot)) {
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
  return findings.sort((a, b) => {
    const s = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
    if (s) return s;
    const sh = (sheetOrder.get(a.sheet) ?? 1e9) - (sheetOrder.get(b.sheet) ?? 1e9);
    if (sh) return sh;
    if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
    const pa = pos.get(a)!;
    const pb = pos.get(b)!;
    return pa.row - pb.row || pa.col - pb.col;
  });
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
