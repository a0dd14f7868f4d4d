/**
 * Hygiene: things that make a figure wrong or unreadable for whoever receives the file.
 * - Numbers stored as text ("£340,000", "12,500"): SUM leaves them out (warning; when one sits in a
 *   block a total closes, the totals rule reports the total too).
 * - Error values (#REF!, #N/A …) feeding a total (error: the total cannot be right), elsewhere a warning.
 * - =BCF.* formulas (info): a recipient without the add-in sees #NAME?; "Prepare for submission"
 *   replaces them with their values.
 * Runs of neighbouring cells in one column are reported once, at the first cell, so a column of
 * 10,000 lookups showing #N/A is one finding, not 10,000.
 */
import { WorkbookSnapshot } from "../workbook";
import { Finding, RuleOutcome } from "./finding";
import { BLANK, ERROR, NUMBER, SheetGrid, TEXT, gridOf, parseTextNumber } from "./grid";
import { totalBlocks } from "./blocks";
import { quoteLabel } from "./format";

export const HYGIENE_RULE = "hygiene";

const ID_HEADING = /\b(id|code|ref|reference|no\.?|number|postcode|ods|year|phone|tel)\b/i;

interface Run {
  c: number;
  r0: number;
  r1: number;
}

/** Cells (as r * cols + c) grouped into vertical runs, column by column. */
function runsOf(grid: SheetGrid, cells: number[]): Run[] {
  const sorted = cells.map((i) => grid.cellAt(i)).sort((a, b) => a.c - b.c || a.r - b.r);
  const runs: Run[] = [];
  for (const { r, c } of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.c === c && last.r1 === r - 1) last.r1 = r;
    else runs.push({ c, r0: r, r1: r });
  }
  return runs;
}

function runAddress(grid: SheetGrid, run: Run): string {
  return run.r0 === run.r1
    ? grid.addr(run.r0, run.c)
    : `${grid.addr(run.r0, run.c)}:${grid.addr(run.r1, run.c)}`;
}

function headingOf(grid: SheetGrid, r: number, c: number): string {
  for (let rr = r - 1; rr >= 0 && rr >= r - 5000; rr--) {
    if (grid.k(rr, c) === TEXT && !grid.rowHasNumber[rr]) return grid.text(rr, c);
  }
  return "";
}

function textNumbers(grid: SheetGrid, findings: Finding[]): void {
  const flagged: number[] = [];
  for (const i of grid.textNumberCells) {
    const { r, c } = grid.cellAt(i);
    if (grid.formula(r, c)) continue; // =TEXT(…) and the like are text on purpose
    const parsed = parseTextNumber(grid.text(r, c));
    if (!parsed) continue;
    // Plain digits count only among real numbers (an amount typed as text in a column of amounts).
    const neighbourIsNumber =
      (r > 0 && grid.k(r - 1, c) === NUMBER) || (r + 1 < grid.rows && grid.k(r + 1, c) === NUMBER);
    if (!parsed.amountLike && !neighbourIsNumber) continue;
    if (!parsed.amountLike && ID_HEADING.test(headingOf(grid, r, c))) continue;
    flagged.push(i);
  }
  for (const run of runsOf(grid, flagged)) {
    const first = grid.text(run.r0, run.c);
    const many = run.r1 > run.r0;
    findings.push({
      rule: HYGIENE_RULE,
      severity: "warning",
      sheet: grid.name,
      cell: grid.addr(run.r0, run.c),
      message: many
        ? `${runAddress(grid, run)} hold numbers stored as text (e.g. ${quoteLabel(first)}): SUM and other formulas leave them out. Enter them as numbers.`
        : `${quoteLabel(first)} is a number stored as text: SUM and other formulas leave it out. Enter it as a number.`,
    });
  }
}

function errorValues(grid: SheetGrid, findings: Finding[], bcfCells: Set<number>): Set<number> {
  const reported = new Set<number>();
  for (const block of totalBlocks(grid.sheet)) {
    const totalIndex = block.total.r * grid.cols + block.total.c;
    if (block.errors.length === 0 && grid.kind[totalIndex] !== ERROR) continue;
    const totalAt = grid.addr(block.total.r, block.total.c);
    for (const e of block.errors) {
      const i = e.r * grid.cols + e.c;
      if (reported.has(i)) continue;
      reported.add(i);
      findings.push({
        rule: HYGIENE_RULE,
        severity: "error",
        sheet: grid.name,
        cell: grid.addr(e.r, e.c),
        message:
          `${grid.addr(e.r, e.c)} shows ${String(grid.value(e.r, e.c))} and feeds the total in ${totalAt}, ` +
          `so that total cannot be checked${bcfCells.has(i) ? " (a =BCF formula shows #NAME? where the BCF Toolkit add-in is not loaded)" : ""}. Correct the error first.`,
      });
    }
    if (grid.k(block.total.r, block.total.c) === ERROR && !reported.has(totalIndex)) {
      reported.add(totalIndex);
      findings.push({
        rule: HYGIENE_RULE,
        severity: "error",
        sheet: grid.name,
        cell: totalAt,
        message: `The total ${quoteLabel(block.label)} in ${totalAt} shows ${String(grid.value(block.total.r, block.total.c))} instead of a figure.`,
      });
    }
  }
  const others = grid.errorCells.filter((i) => !reported.has(i) && !bcfCells.has(i));
  for (const run of runsOf(grid, others)) {
    const shown = String(grid.value(run.r0, run.c));
    findings.push({
      rule: HYGIENE_RULE,
      severity: "warning",
      sheet: grid.name,
      cell: grid.addr(run.r0, run.c),
      message:
        run.r1 > run.r0
          ? `${runAddress(grid, run)} show error values (${shown} …) instead of figures.`
          : `${grid.addr(run.r0, run.c)} shows ${shown} instead of a figure.`,
    });
  }
  return reported;
}

function bcfFormulaCells(grid: SheetGrid): Set<number> {
  return new Set(grid.bcfCells);
}

function bcfFormulas(
  grid: SheetGrid,
  findings: Finding[],
  cells: Set<number>,
  reported: Set<number>
): void {
  for (const run of runsOf(
    grid,
    [...cells].filter((i) => !reported.has(i))
  )) {
    const names = new Set<string>();
    for (let r = run.r0; r <= run.r1 && names.size < 2; r++) {
      names.add(/BCF\.[A-Z.]*[A-Z]/i.exec(grid.formula(r, run.c))?.[0].toUpperCase() ?? "BCF.*");
    }
    const name = names.size === 1 ? [...names][0] : "BCF.*";
    let broken = 0;
    for (let r = run.r0; r <= run.r1; r++) if (grid.k(r, run.c) === ERROR) broken++;
    const count = run.r1 - run.r0 + 1;
    const where = runAddress(grid, run);
    if (broken > 0) {
      findings.push({
        rule: HYGIENE_RULE,
        severity: "warning",
        sheet: grid.name,
        cell: grid.addr(run.r0, run.c),
        message:
          `${where}: ${broken} of ${count} =${name} formula${count === 1 ? "" : "s"} show${broken === 1 ? "s" : ""} an error ` +
          `(${String(grid.value(run.r0, run.c))} where the BCF Toolkit add-in is not loaded). Use "Prepare for submission" ` +
          `to replace them with their values once they calculate.`,
      });
    } else {
      findings.push({
        rule: HYGIENE_RULE,
        severity: "info",
        sheet: grid.name,
        cell: grid.addr(run.r0, run.c),
        message:
          `${where} ${count === 1 ? "uses a" : `use ${count}`} =${name} formula${count === 1 ? "" : "s"}: a recipient without ` +
          `the BCF Toolkit add-in will see #NAME?. Use "Prepare for submission" to replace ${count === 1 ? "it" : "them"} with values.`,
      });
    }
  }
}

export function checkHygiene(snapshot: WorkbookSnapshot): RuleOutcome {
  const findings: Finding[] = [];
  let checked = 0;
  for (const sheet of snapshot.sheets) {
    const grid = gridOf(sheet);
    // Every filled cell is looked at for error values, numbers stored as text and =BCF.* formulas.
    for (let i = 0; i < grid.kind.length; i++) if (grid.kind[i] !== BLANK) checked++;
    textNumbers(grid, findings);
    const bcf = bcfFormulaCells(grid);
    const reported = errorValues(grid, findings, bcf);
    bcfFormulas(grid, findings, bcf, reported);
  }
  return {
    findings,
    coverage: { rule: HYGIENE_RULE, checked, ...(checked ? {} : { note: "no filled cells" }) },
  };
}
