/**
 * Totals: every row or column labelled as a total must equal the sum of the lines it closes, to the
 * penny, as Excel shows the figures. Where the total is a plain SUM/+ formula the finding also says
 * which lines it leaves out, counts twice or adds from outside its block.
 */
import { WorkbookSnapshot } from "../workbook";
import { Finding, RuleOutcome } from "./finding";
import { Cell, TotalBlock, sheetTotals } from "./blocks";
import { ERROR, SheetGrid, TEXT_NUMBER, differsByAPenny, gridOf } from "./grid";
import { figure, listCells, quoteLabel, toPenny } from "./format";

export const TOTALS_RULE = "totals";

function range(grid: SheetGrid, cells: Cell[]): string {
  if (cells.length === 0) return "";
  if (cells.length === 1) return grid.addr(cells[0].r, cells[0].c);
  const first = cells[0];
  const last = cells[cells.length - 1];
  return `${grid.addr(first.r, first.c)}:${grid.addr(last.r, last.c)}`;
}

function has(set: Set<string>, cell: Cell): boolean {
  return set.has(`${cell.r},${cell.c}`);
}

/** A formula adding only cells in the total's column (for a row's total) or row (for a column's). */
function sumsOtherWay(cells: Set<string>, block: TotalBlock): boolean {
  if (cells.size === 0) return false;
  for (const key of cells) {
    const [r, c] = key.split(",").map(Number);
    if (block.orientation === "column" ? c !== block.total.c : r !== block.total.r) return false;
  }
  return true;
}

export function checkTotalBlock(grid: SheetGrid, block: TotalBlock): Finding | undefined {
  const { total } = block;
  if (block.errors.length > 0 || grid.k(total.r, total.c) === ERROR) return undefined; // hygiene reports these
  let expected = 0;
  for (let k = 0; k < block.lines.length; k++)
    expected += grid.n(block.lines.r(k), block.lines.c(k));
  for (const cell of block.subtotals) expected += grid.n(cell.r, cell.c);
  const actual = grid.n(total.r, total.c);
  const reconciles = !differsByAPenny(expected, actual);
  const formula = grid.formula(total.r, total.c);
  // Fast path for the common case: a typed or structured-reference total that adds up.
  if (reconciles && (!formula || formula.includes("[") || formula.includes("!"))) return undefined;

  // Past the fast path: the cells as objects, for the diagnosis and the message.
  const lines = block.lines.cells();
  const closed = block.closed.cells();
  const counted = [...lines, ...block.subtotals];
  const where = grid.addr(total.r, total.c);
  const what =
    block.orientation === "row"
      ? `${quoteLabel(block.label)} in ${where}`
      : `The ${quoteLabel(block.label)} figure in ${where}`;
  const cov = grid.coverage(total.r, total.c);
  const textLines = lines.filter((l) => grid.k(l.r, l.c) === TEXT_NUMBER);

  // At the corner of a total row and a total column, adding the other way's cells is as good.
  const addsOtherWay =
    cov !== null &&
    ((block.other !== undefined && block.other.every((cell) => has(cov.cells, cell))) ||
      (block.corner === true && sumsOtherWay(cov.cells, block)));

  if (reconciles) {
    // The figure reconciles today; a SUM that skips a line that is zero now will not tomorrow.
    if (!cov || addsOtherWay) return undefined;
    const omitted = counted.filter((cell) => !has(cov.cells, cell));
    if (omitted.length === 0) return undefined;
    return {
      rule: TOTALS_RULE,
      severity: "warning",
      sheet: grid.name,
      cell: where,
      message:
        `${what} adds up today, but its formula leaves out ${listCells(omitted.map((o) => grid.addr(o.r, o.c)))} ` +
        `(zero at the moment): once ${omitted.length === 1 ? "that line is" : "those lines are"} filled in the total will be wrong.`,
    };
  }

  const m = block.isMoney;
  const parts =
    block.subtotals.length > 0
      ? `the subtotals it closes (${listCells(block.subtotals.map((s) => grid.addr(s.r, s.c)))}${
          lines.length ? ` and ${range(grid, lines)}` : ""
        })`
      : block.orientation === "row"
        ? `the lines it closes (${range(grid, lines)})`
        : `its parts (${listCells(lines.map((l) => grid.addr(l.r, l.c)))})`;
  let message =
    `${what} shows ${figure(actual, m)} but ${parts} add up to ${figure(expected, m)}: ` +
    `a difference of ${figure(Math.abs(actual - expected), m)}.`;

  const reasons: string[] = [];
  if (cov && !addsOtherWay) {
    const omitted = counted.filter((cell) => !has(cov.cells, cell));
    if (omitted.length)
      reasons.push(`The formula leaves out ${listCells(omitted.map((o) => grid.addr(o.r, o.c)))}.`);
    if (!cov.subtotal) {
      const doubled = closed.filter((cell) => has(cov.cells, cell));
      const coveredSubs = block.subtotals.filter((cell) => has(cov.cells, cell));
      if (doubled.length && coveredSubs.length) {
        reasons.push(
          `The formula counts ${listCells(coveredSubs.map((s) => grid.addr(s.r, s.c)))} twice: it adds ` +
            `${coveredSubs.length === 1 ? "the subtotal and the lines it closes" : "the subtotals and the lines they close"} (${range(grid, doubled)}).`
        );
      }
    }
    const inBlock = new Set([...counted, ...closed].map((x) => `${x.r},${x.c}`));
    const extra: string[] = [];
    for (const key of cov.cells) {
      if (inBlock.has(key)) continue;
      const [r, c] = key.split(",").map(Number);
      if (r === total.r && c === total.c) continue;
      if (
        r >= 0 &&
        c >= 0 &&
        r < grid.rows &&
        c < grid.cols &&
        grid.isNumeric(r, c) &&
        grid.n(r, c) !== 0
      ) {
        extra.push(grid.addr(r, c));
      }
    }
    if (extra.length)
      reasons.push(`The formula also adds ${listCells(extra)}, outside the lines it closes.`);
    if (textLines.length && !reasons.length) {
      reasons.push(
        `${listCells(textLines.map((l) => grid.addr(l.r, l.c)))} ${textLines.length === 1 ? "is" : "are"} ` +
          `stored as text, which SUM leaves out: enter ${textLines.length === 1 ? "it" : "them"} as ${textLines.length === 1 ? "a number" : "numbers"}.`
      );
    }
  } else if (!grid.formula(total.r, total.c) && block.orientation === "row") {
    const missing = blankLabelledLines(grid, block, lines);
    if (missing.length) {
      reasons.push(
        `${listCells(missing)} ${missing.length === 1 ? "has" : "have"} no figure: is a line missing?`
      );
    }
  }
  if (reasons.length) message += ` ${reasons.join(" ")}`;
  return {
    rule: TOTALS_RULE,
    severity: "error",
    sheet: grid.name,
    cell: where,
    message,
    expected: toPenny(expected),
    actual: toPenny(actual),
  };
}

/** Lines of a row block that have a label but no figure (the year-end DFG that is not shown). */
function blankLabelledLines(grid: SheetGrid, block: TotalBlock, lines: Cell[]): string[] {
  const { total, labelAt } = block;
  const top = lines.length ? lines[0].r : total.r;
  const found: string[] = [];
  for (let r = top; r < total.r; r++) {
    if (grid.rowBlank[r] || grid.isNumeric(r, total.c)) continue;
    const label = grid.text(r, labelAt.c);
    if (label && grid.value(r, total.c) === "")
      found.push(`${quoteLabel(label)} (${grid.addr(r, total.c)})`);
  }
  return found;
}

/** Totals whose formulas have no calculated value: one info per sheet, never a silent pass. */
function uncalculatedFinding(grid: SheetGrid, cells: Cell[]): Finding {
  const first = grid.addr(cells[0].r, cells[0].c);
  const others = cells.length - 1;
  return {
    rule: TOTALS_RULE,
    severity: "info",
    sheet: grid.name,
    cell: first,
    message:
      `${others ? `${first} and ${others} other total${others === 1 ? "" : "s"} on this sheet have` : `${first} has`} ` +
      `a formula but no calculated value, so ${others ? "they were" : "it was"} not checked (the file was saved ` +
      `without calculating): open and save the file in Excel so the figures are calculated, then check it again.`,
  };
}

export function checkTotals(snapshot: WorkbookSnapshot): RuleOutcome {
  const findings: Finding[] = [];
  let checked = 0;
  let uncalculated = 0;
  for (const sheet of snapshot.sheets) {
    const grid = gridOf(sheet);
    const totals = sheetTotals(sheet);
    checked += totals.checked;
    for (const block of totals.blocks) {
      const f = checkTotalBlock(grid, block);
      if (f) findings.push(f);
    }
    if (totals.uncalculated.length) {
      uncalculated += totals.uncalculated.length;
      findings.push(uncalculatedFinding(grid, totals.uncalculated));
    }
  }
  const note =
    checked > 0
      ? undefined
      : uncalculated > 0
        ? `${uncalculated} total${uncalculated === 1 ? " has" : "s have"} no calculated value`
        : "no total row or column found";
  return { findings, coverage: { rule: TOTALS_RULE, checked, ...(note ? { note } : {}) } };
}
