/**
 * Income against allocations, where the workbook gives both figures:
 * - each funding source's planned income is at least its published allocation (a table with a source
 *   column, a planned-income column and an allocation column): the allocations must be pooled in full;
 * - this year's minimum NHS contribution to adult social care is at least last year's uplifted by the
 *   required percentage, both read from the workbook (labelled "previous year" and "uplift").
 */
import { WorkbookSnapshot } from "../workbook";
import { Finding, RuleOutcome } from "./finding";
import { PENNY_TOLERANCE, SheetGrid, TEXT, gridOf, isPercentFormat, numberAt } from "./grid";
import { money, percent, quoteLabel, toPenny } from "./format";
import { PREVIOUS_YEAR, statedRequirements } from "./nationalConditions";

export const INCOME_ALLOCATIONS_RULE = "income-allocations";

const SOURCE = /\b(funding\s+source|source\s+of\s+funding|source|funding\s+stream)\b/i;
const INCOME = /\bincome\b/i;
const ALLOCATION = /\ballocat/i;

function incomeTables(grid: SheetGrid, findings: Finding[]): number {
  let checked = 0;
  for (let h = 0; h < grid.rows; h++) {
    if (grid.rowHasNumber[h] || grid.rowBlank[h]) continue;
    let source: number | undefined;
    let income: number | undefined;
    let allocation: number | undefined;
    for (let c = 0; c < grid.cols; c++) {
      if (grid.k(h, c) !== TEXT) continue;
      const t = grid.text(h, c);
      if (t.length > 60 || t.includes("%")) continue;
      if (ALLOCATION.test(t)) allocation ??= c;
      else if (INCOME.test(t)) income ??= c;
      else if (SOURCE.test(t)) source ??= c;
    }
    if (source === undefined || income === undefined || allocation === undefined) continue;
    for (let r = h + 1; r < grid.rows; r++) {
      if (grid.rowBlank[r] || grid.rowTotalLabel(r)) break;
      const planned = numberAt(grid, r, income);
      const allocated = numberAt(grid, r, allocation);
      // A source without a published allocation (an additional contribution) has nothing to reach.
      if (planned === undefined || allocated === undefined || allocated === 0) continue;
      checked++;
      if (planned >= allocated - PENNY_TOLERANCE) continue;
      const name = grid.text(r, source) || `row ${grid.addr(r, source).replace(/^[A-Z]+/, "")}`;
      findings.push({
        rule: INCOME_ALLOCATIONS_RULE,
        severity: "error",
        sheet: grid.name,
        cell: grid.addr(r, income),
        message:
          `${quoteLabel(name)}: planned income of ${money(toPenny(planned))} is ${money(toPenny(allocated - planned))} ` +
          `below its published allocation of ${money(toPenny(allocated))} (${grid.addr(r, allocation)}); the ` +
          `allocation must be pooled in full.`,
        expected: toPenny(allocated),
        actual: toPenny(planned),
      });
    }
  }
  return checked;
}

interface LabelledFigure {
  grid: SheetGrid;
  r: number;
  c: number;
  value: number;
  label: string;
}

/** The first figure to the right of a label matching `test`, on any sheet. */
function labelledFigure(
  snapshot: WorkbookSnapshot,
  test: (label: string) => boolean
): LabelledFigure | undefined {
  for (const sheet of snapshot.sheets) {
    const grid = gridOf(sheet);
    for (let r = 0; r < grid.rows; r++) {
      if (!grid.rowHasNumber[r]) continue;
      for (let c = 0; c < grid.cols; c++) {
        if (grid.k(r, c) !== TEXT) continue;
        const label = grid.text(r, c);
        if (label.length > 120 || !test(label)) break;
        for (let v = c + 1; v < grid.cols; v++) {
          const value = numberAt(grid, r, v);
          if (value !== undefined) return { grid, r, c: v, value, label };
        }
        break;
      }
    }
  }
  return undefined;
}

const SOCIAL_CARE = /social\s+care/i;
const UPLIFT = /\buplift|\bincrease\b/i;

function socialCareUplift(snapshot: WorkbookSnapshot, findings: Finding[]): number {
  const previous = labelledFigure(
    snapshot,
    (l) => SOCIAL_CARE.test(l) && /\b(previous|prior|last)\b/i.test(l) && !UPLIFT.test(l)
  );
  const uplift = labelledFigure(snapshot, (l) => UPLIFT.test(l) && !/£/.test(l));
  if (!previous || !uplift) return 0;
  // 3.9% typed as 3.9 rather than 0.039 in a cell not formatted as a percentage.
  const rate =
    isPercentFormat(uplift.grid.format(uplift.r, uplift.c)) || uplift.value <= 1
      ? uplift.value
      : uplift.value / 100;
  const current = statedRequirements(snapshot).find(
    (q) => q.subject === "social-care" && !PREVIOUS_YEAR.test(q.label)
  );
  if (!current) return 0;
  const required = toPenny(previous.value * (1 + rate));
  const actual = current.minimum.value;
  if (actual < required - PENNY_TOLERANCE) {
    const at = current.minimum;
    findings.push({
      rule: INCOME_ALLOCATIONS_RULE,
      severity: "error",
      sheet: at.grid.name,
      cell: at.grid.addr(at.r, at.c),
      message:
        `The minimum NHS contribution to adult social care is ${money(toPenny(actual))}, ` +
        `${money(toPenny(required - actual))} below last year's ${money(toPenny(previous.value))} ` +
        `(${previous.grid.name}!${previous.grid.addr(previous.r, previous.c)}) uplifted by ${percent(rate)} ` +
        `(${uplift.grid.name}!${uplift.grid.addr(uplift.r, uplift.c)}), which is ${money(required)}.`,
      expected: required,
      actual: toPenny(actual),
    });
  }
  return 1;
}

export function checkIncomeAllocations(snapshot: WorkbookSnapshot): RuleOutcome {
  const findings: Finding[] = [];
  let checked = 0;
  for (const sheet of snapshot.sheets) checked += incomeTables(gridOf(sheet), findings);
  checked += socialCareUplift(snapshot, findings);
  return {
    findings,
    coverage: {
      rule: INCOME_ALLOCATIONS_RULE,
      checked,
      ...(checked === 0
        ? {
            note: "no income beside a published allocation, and no previous year's minimum with an uplift",
          }
        : {}),
    },
  };
}
