/**
 * Splits: where a row carries a total and its NHS and council parts (columns headed NHS/CCG/ICB and
 * LA/council), the parts add to the total to the penny; where it carries % NHS and % LA, they add to
 * 100% (as fractions, 1; as plain numbers, 100), within 0.01 of a percentage point.
 */
import { WorkbookSnapshot } from "../workbook";
import { Finding, RuleOutcome } from "./finding";
import {
  NUMBER,
  SheetGrid,
  TEXT,
  differsByAPenny,
  gridOf,
  isPercentFormat,
  numberAt,
} from "./grid";
import { figure, money, percent, quoteLabel, toPenny } from "./format";
import { MONEY_HEADINGS, matchHeading } from "../vocabulary";

export const SPLITS_RULE = "splits";

const NHS = /\b(nhs|ccg|icb)\b/i;
const COUNCIL = /\b(la|council|local authority)\b/i;
const PERCENT = /%|percent|share|proportion/i;

interface SplitColumns {
  header: number;
  nhs?: number;
  council?: number;
  total?: number;
  pctNhs?: number;
  pctCouncil?: number;
}

/** A money column heading other than the NHS and council parts: "Amount", "Other (£)", a year. */
function isOtherAmount(grid: SheetGrid, h: number, c: number): boolean | undefined {
  if (grid.k(h, c) === NUMBER) return true;
  const text = grid.text(h, c);
  if (text.includes("%") || PERCENT.test(text)) return false;
  if (text.includes("£")) return true;
  const id = matchHeading(text);
  return id !== undefined && MONEY_HEADINGS.has(id) ? true : undefined;
}

/**
 * Whether the total also adds columns besides the NHS and council parts (NHS | LA | Other | Total):
 * the total rule checks such a total; as a split it would be a false alarm.
 */
function hasOtherParts(
  grid: SheetGrid,
  h: number,
  nhs: number,
  council: number,
  total: number
): boolean {
  const first = Math.min(nhs, council);
  for (let c = first + 1; c < total; c++) {
    // Between the parts and the total, any column but a percentage is added in.
    if (
      c !== nhs &&
      c !== council &&
      isOtherAmount(grid, h, c) !== false &&
      grid.value(h, c) !== ""
    )
      return true;
  }
  for (let c = first - 1; c >= 0; c--) {
    const other = isOtherAmount(grid, h, c);
    if (other) return true;
    if (other === undefined) break; // a label or other column ends the amounts
  }
  return false;
}

/** Heading rows naming an NHS part and a council part (amounts, percentages or both). */
export function findSplitHeaders(grid: SheetGrid): SplitColumns[] {
  const found: SplitColumns[] = [];
  for (let r = 0; r < grid.rows; r++) {
    if (grid.rowHasNumber[r] || grid.rowBlank[r]) continue;
    const cols: SplitColumns = { header: r };
    for (let c = 0; c < grid.cols; c++) {
      if (grid.k(r, c) !== TEXT) continue;
      const text = grid.text(r, c);
      if (text.length > 60) continue;
      const isTotal = grid.totalLabels.has(r * grid.cols + c);
      const nhs = NHS.test(text);
      const council = COUNCIL.test(text);
      if (isTotal) {
        if (cols.total === undefined && !PERCENT.test(text)) cols.total = c;
        continue;
      }
      if (nhs === council) continue; // neither, or a heading naming both
      if (PERCENT.test(text)) {
        if (nhs && cols.pctNhs === undefined) cols.pctNhs = c;
        if (council && cols.pctCouncil === undefined) cols.pctCouncil = c;
      } else {
        if (nhs && cols.nhs === undefined) cols.nhs = c;
        if (council && cols.council === undefined) cols.council = c;
      }
    }
    const amounts =
      cols.nhs !== undefined &&
      cols.council !== undefined &&
      cols.total !== undefined &&
      !hasOtherParts(grid, r, cols.nhs, cols.council, cols.total);
    const percents = cols.pctNhs !== undefined && cols.pctCouncil !== undefined;
    if (amounts || percents) {
      if (!amounts) {
        cols.nhs = cols.council = cols.total = undefined;
      }
      if (!percents) cols.pctNhs = cols.pctCouncil = undefined;
      found.push(cols);
    }
  }
  return found;
}

/**
 * What a % NHS and % LA pair adds up to when whole: 1 (fractions) when either is formatted as % or
 * typed "60%", or both are at most 1; otherwise 100.
 */
export function percentScale(
  grid: SheetGrid,
  r: number,
  a: number | undefined,
  b: number | undefined,
  ca: number,
  cb: number
): number {
  const isPct = (c: number) => isPercentFormat(grid.format(r, c)) || grid.text(r, c).includes("%");
  if (isPct(ca) || isPct(cb)) return 1;
  return Math.max(Math.abs(a ?? 0), Math.abs(b ?? 0)) <= 1 ? 1 : 100;
}

/** A split percentage as the sheet states it: "60%" whether typed as 0.6 (scale 1) or as 60 (scale 100). */
export function splitPercent(v: number, scale: number): string {
  return scale === 1 ? percent(v) : `${figure(v, false)}%`;
}

function checkSheet(grid: SheetGrid, findings: Finding[]): number {
  let compared = 0;
  for (const cols of findSplitHeaders(grid)) {
    const h = cols.header;
    const headingOf = (c: number) => quoteLabel(grid.text(h, c));
    for (let r = h + 1; r < grid.rows; r++) {
      if (grid.rowBlank[r]) break;
      if (!grid.rowHasNumber[r]) {
        // A new heading ends the table; a section title between lines does not.
        const next = [cols.total, cols.nhs, cols.pctNhs].some(
          (c) => c !== undefined && grid.k(r, c) === TEXT
        );
        if (next) break;
        continue;
      }
      if (cols.total !== undefined) {
        const total = numberAt(grid, r, cols.total);
        const nhs = numberAt(grid, r, cols.nhs);
        const council = numberAt(grid, r, cols.council);
        if (total !== undefined && (nhs !== undefined || council !== undefined)) {
          compared++;
          const sum = (nhs ?? 0) + (council ?? 0);
          if (differsByAPenny(sum, total)) {
            const where = grid.addr(r, cols.total);
            findings.push({
              rule: SPLITS_RULE,
              severity: "error",
              sheet: grid.name,
              cell: where,
              message:
                `The split does not add up: ${headingOf(cols.nhs!)} ${money(nhs ?? 0)} + ${headingOf(cols.council!)} ` +
                `${money(council ?? 0)} = ${money(sum)}, but ${headingOf(cols.total)} in ${where} shows ${money(total)} ` +
                `(a difference of ${money(Math.abs(total - sum))}).`,
              expected: toPenny(sum),
              actual: toPenny(total),
            });
          }
        }
      }
      if (cols.pctNhs !== undefined && cols.pctCouncil !== undefined) {
        const a = numberAt(grid, r, cols.pctNhs);
        const b = numberAt(grid, r, cols.pctCouncil);
        if (a === undefined && b === undefined) continue;
        // No split stated (both 0, as the plan's formulas show for a line with no money yet).
        if ((a ?? 0) === 0 && (b ?? 0) === 0) continue;
        compared++;
        const scale = percentScale(grid, r, a, b, cols.pctNhs, cols.pctCouncil);
        const sum = (a ?? 0) + (b ?? 0);
        if (Math.abs(sum - scale) > scale * 1e-4) {
          const where = grid.addr(r, cols.pctCouncil);
          const show = (v: number | undefined) =>
            v === undefined ? "(blank)" : splitPercent(v, scale);
          findings.push({
            rule: SPLITS_RULE,
            severity: "error",
            sheet: grid.name,
            cell: where,
            message:
              `${headingOf(cols.pctNhs)} ${show(a)} and ${headingOf(cols.pctCouncil)} ${show(b)} add up to ` +
              `${show(sum)}, not 100%.`,
            expected: scale,
            actual: Math.round(sum * 1e6) / 1e6,
          });
        }
      }
    }
  }
  return compared;
}

export function checkSplits(snapshot: WorkbookSnapshot): RuleOutcome {
  const findings: Finding[] = [];
  let checked = 0;
  for (const sheet of snapshot.sheets) checked += checkSheet(gridOf(sheet), findings);
  return {
    findings,
    coverage: {
      rule: SPLITS_RULE,
      checked,
      ...(checked ? {} : { note: "no NHS and LA columns with a total or percentages found" }),
    },
  };
}
