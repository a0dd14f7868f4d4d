/**
 * National conditions, where the workbook carries the figures:
 * - planned NHS spend on adult social care (and on NHS-commissioned out-of-hospital services) is at
 *   least the required minimum, when both figures are labelled on one sheet;
 * - a line commissioned jointly states % NHS and % LA, and they total 100%.
 */
import { WorkbookSnapshot } from "../workbook";
import { Finding, RuleOutcome } from "./finding";
import { NUMBER, SheetGrid, TEXT, TEXT_NUMBER, gridOf, isPercentFormat } from "./grid";
import { findSplitHeaders } from "./splits";
import { money, percent, quoteLabel, toPenny } from "./format";

export const NATIONAL_CONDITIONS_RULE = "national-conditions";

const SUBJECTS: Array<{ name: string; pattern: RegExp }> = [
  { name: "adult social care", pattern: /social\s+care/i },
  { name: "out-of-hospital services", pattern: /out[\s-]+of[\s-]+hospital/i },
];
const MINIMUM = /\b(minimum|required|requirement|at least)\b/i;
const PLANNED = /\b(planned|plan|actual|forecast|spend|expenditure|contribution)\b/i;

interface Labelled {
  r: number;
  c: number;
  label: string;
}

function numberAt(grid: SheetGrid, r: number, c: number): number | undefined {
  const k = grid.k(r, c);
  return k === NUMBER || k === TEXT_NUMBER ? grid.n(r, c) : undefined;
}

const SUBJECT_HINT = /care|hospital/i;
const NHS_BODY = /\bnhs\b|\bccg\b|\bicb\b/i;

function minimumSpend(grid: SheetGrid, findings: Finding[]): number {
  let compared = 0;
  // Labels are the first text in a row of figures; gather the candidates once for all subjects.
  const candidates: Labelled[] = [];
  for (let r = 0; r < grid.rows; r++) {
    if (!grid.rowHasNumber[r]) continue;
    for (let c = 0; c < grid.cols; c++) {
      if (grid.k(r, c) !== TEXT) continue;
      const label = grid.text(r, c);
      if (label.length <= 120 && SUBJECT_HINT.test(label) && NHS_BODY.test(label))
        candidates.push({ r, c, label });
      break;
    }
  }
  if (candidates.length < 2) return 0;
  for (const subject of SUBJECTS) {
    const minimums: Labelled[] = [];
    const planned: Labelled[] = [];
    for (const cand of candidates) {
      if (!subject.pattern.test(cand.label)) continue;
      if (MINIMUM.test(cand.label)) minimums.push(cand);
      else if (PLANNED.test(cand.label)) planned.push(cand);
    }
    if (minimums.length !== 1 || planned.length === 0) continue;
    const min = minimums[0];
    for (const plan of planned) {
      for (let c = Math.max(min.c, plan.c) + 1; c < grid.cols; c++) {
        const required = numberAt(grid, min.r, c);
        const actual = numberAt(grid, plan.r, c);
        if (required === undefined || actual === undefined) continue;
        if (isPercentFormat(grid.format(plan.r, c))) continue;
        compared++;
        if (actual < required - 0.005) {
          findings.push({
            rule: NATIONAL_CONDITIONS_RULE,
            severity: "error",
            sheet: grid.name,
            cell: grid.addr(plan.r, c),
            message:
              `${quoteLabel(plan.label)} is ${money(actual)}, ${money(required - actual)} below ` +
              `${quoteLabel(min.label)} of ${money(required)} (${grid.addr(min.r, c)}): the national condition ` +
              `requires NHS spend on ${subject.name} of at least the minimum.`,
            expected: toPenny(required),
            actual: toPenny(actual),
          });
        }
      }
    }
  }
  return compared;
}

function jointCommissioning(grid: SheetGrid, findings: Finding[]): number {
  let compared = 0;
  for (const cols of findSplitHeaders(grid)) {
    if (cols.pctNhs === undefined || cols.pctCouncil === undefined) continue;
    const h = cols.header;
    let commissioner: number | undefined;
    for (let c = 0; c < grid.cols; c++) {
      if (/commissioner/i.test(grid.text(h, c)) && !grid.text(h, c).includes("%")) {
        commissioner = c;
        break;
      }
    }
    if (commissioner === undefined) continue;
    for (let r = h + 1; r < grid.rows; r++) {
      if (grid.rowBlank[r]) break;
      if (!/^joint\b/i.test(grid.text(r, commissioner))) continue;
      compared++;
      const a = numberAt(grid, r, cols.pctNhs);
      const b = numberAt(grid, r, cols.pctCouncil);
      const where = grid.addr(r, cols.pctNhs);
      if ((a ?? 0) === 0 && (b ?? 0) === 0) {
        // The plan's % formulas show 0 while a line has no money yet; a blank is a gap.
        if (a === undefined && b === undefined) {
          findings.push({
            rule: NATIONAL_CONDITIONS_RULE,
            severity: "warning",
            sheet: grid.name,
            cell: where,
            message: `This line is commissioned jointly (${grid.addr(r, commissioner)}) but % NHS and % LA are blank: state how the commissioning is shared.`,
          });
        }
        continue;
      }
      const fraction =
        isPercentFormat(grid.format(r, cols.pctNhs)) || Math.max(a ?? 0, b ?? 0) <= 1;
      const sum = (a ?? 0) + (b ?? 0);
      const target = fraction ? 1 : 100;
      if (Math.abs(sum - target) > target * 1e-4) {
        findings.push({
          rule: NATIONAL_CONDITIONS_RULE,
          severity: "error",
          sheet: grid.name,
          cell: grid.addr(r, cols.pctCouncil),
          message: `Joint commissioner percentages total ${fraction ? percent(sum) : `${sum}%`}, not 100%: % NHS and % LA must add up to 100%.`,
          expected: target,
          actual: Math.round(sum * 1e6) / 1e6,
        });
      }
    }
  }
  return compared;
}

export function checkNationalConditions(snapshot: WorkbookSnapshot): RuleOutcome {
  const findings: Finding[] = [];
  let minimums = 0;
  let joint = 0;
  for (const sheet of snapshot.sheets) {
    const grid = gridOf(sheet);
    minimums += minimumSpend(grid, findings);
    joint += jointCommissioning(grid, findings);
  }
  const checked = minimums + joint;
  return {
    findings,
    coverage: {
      rule: NATIONAL_CONDITIONS_RULE,
      checked,
      ...(checked === 0
        ? { note: "no minimum found" }
        : minimums === 0
          ? { note: "no minimum found; joint commissioning checked" }
          : {}),
    },
  };
}
