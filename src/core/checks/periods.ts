/**
 * Periods: the same activity stated per week, month, quarter or year must reconcile, whether in
 * columns side by side ("Baseline per month" | "Baseline per year"), in labelled rows, or as free
 * text in one cell ("50 admissions per month  600 admissions per annum").
 *
 * Tolerance: a week is 7 days and year = 12 months = 4 quarters = 52 weeks = 365 days (the shared
 * period factors), and 365/7 (52.143) weeks a year is accepted too. The figure for the shorter
 * period is converted to the longer one and rounded to the precision the longer figure is stated
 * to (whole units when it has no decimals); the two reconcile
 * when that rounded figure equals the stated one on either week convention. So 50 a month and 600 a
 * year reconcile, and 21 a week and 1,091 a year do not (21 × 52 = 1,092; 21 × 365/7 = 1,095): a
 * stated annual figure is taken to be derived from the weekly one, so a one-unit slip is still a slip.
 * Two figures for the same thing stated per the same period where one is 12 (or 52) times the other
 * ("15 discharges a month … 180 discharges per month") are reported as a period written wrongly.
 */
import { WorkbookSnapshot } from "../workbook";
import { Finding, RuleOutcome } from "./finding";
import { NUMBER, SheetGrid, TEXT, TEXT_NUMBER, gridOf } from "./grid";
import { figure } from "./format";
import { Period, convertPerPeriod, periodOf, periodsPerYear } from "../periods";

export const PERIODS_RULE = "periods";

export const TOLERANCE_NOTE =
  "Figures reconcile when the shorter-period figure, converted (year = 12 months = 4 quarters = 52 weeks, " +
  "or 365/7 weeks) and rounded to whole units, equals the longer-period figure.";

const WEEKS_PER_YEAR = [52, 365 / 7];

const PERIOD_NAMES: Record<Period, string> = {
  day: "a day",
  week: "a week",
  month: "a month",
  quarter: "a quarter",
  year: "a year",
};

/** Decimal places a figure is stated to (1,091 → 0; 83.33 → 2). */
function decimals(n: number): number {
  if (Number.isInteger(n)) return 0;
  const s = String(n);
  const i = s.indexOf(".");
  return i < 0 ? 0 : Math.min(s.length - i - 1, 6);
}

function roundTo(n: number, dp: number): number {
  const f = 10 ** dp;
  return Math.round(n * f) / f;
}

export interface PeriodComparison {
  reconciles: boolean;
  /** The longer-period figure implied by the shorter one (52 weeks a year), rounded as stated. */
  expected: number;
  /** The same on 365/7 weeks a year, when a week is involved. */
  expectedAlt?: number;
}

/** Compares `shorter` stated per `pShort` with `longer` stated per `pLong` (pLong a longer period). */
export function comparePeriods(
  shorter: number,
  pShort: Period,
  longer: number,
  pLong: Period
): PeriodComparison {
  const dp = decimals(longer);
  const implied = WEEKS_PER_YEAR.map((w) =>
    roundTo(convertPerPeriod(shorter, pShort, pLong, w), dp)
  );
  const reconciles = implied.some(
    (v) => Math.abs(v - longer) <= 1e-9 * Math.max(1, Math.abs(longer))
  );
  const weekly = pShort === "week" || pLong === "week";
  return {
    reconciles,
    expected: implied[0],
    expectedAlt: weekly && implied[1] !== implied[0] ? implied[1] : undefined,
  };
}

function periodLength(p: Period): number {
  return 1 / periodsPerYear(p);
}

// ---------------------------------------------------------------------------------------------
// Free text in one cell.

export interface PeriodStatement {
  value: number;
  noun: string;
  period: Period;
  text: string;
}

const STATEMENT =
  /(£\s*)?(\d[\d,]*(?:\.\d+)?)\s*((?:[A-Za-z][\w'’-]*\s+){0,3}?)(?:(?:per|a|an|each|every|in\s+a|in\s+each)\s+(calendar\s+month|day|week|wk|month|mth|quarter|qtr|year|yr|annum)\b|\/\s*(day|week|wk|month|mth|quarter|qtr|year|yr|annum)\b|(daily|weekly|monthly|quarterly|annually|yearly|p\.a\.?)(?![\w]))/gi;

/** Counting words that describe duration, not activity ("7 days a week", "24 hours a day"). */
const DURATION_NOUNS =
  /^(day|days|hour|hours|hrs|minute|minutes|mins|night|nights|week|weeks|month|months|year|years|time|times|session|sessions|shift|shifts)$/i;
const FILLER =
  /\b(additional|extra|more|new|further|around|about|circa|approximately|approx|of|the|in|over|up|to|than|at|least)\b/gi;

function normaliseNoun(words: string): string {
  return words.toLowerCase().replace(FILLER, " ").replace(/\s+/g, " ").trim().replace(/s\b/g, "");
}

export function statementsIn(text: string): PeriodStatement[] {
  const found: PeriodStatement[] = [];
  STATEMENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STATEMENT.exec(text))) {
    const value = Number(m[2].replace(/,/g, ""));
    if (!Number.isFinite(value)) continue;
    // A number glued to letters or part of a date/time ("2017/18", "10:30") is not a figure.
    const before = text[m.index - 1];
    if (before && /[\w/:.]/.test(before) && !m[1]) continue;
    const period = periodOf(m[4] ?? m[5] ?? m[6]);
    if (!period) continue;
    const nounWords = (m[3] ?? "").trim();
    if (nounWords && DURATION_NOUNS.test(nounWords.split(/\s+/)[0])) continue;
    found.push({ value, noun: normaliseNoun(nounWords), period, text: m[0].trim() });
  }
  return found;
}

export interface TextPeriodProblem {
  kind: "mismatch" | "mislabel";
  a: PeriodStatement;
  b: PeriodStatement;
  expected: number;
  expectedAlt?: number;
}

/**
 * Pairs the statements of one cell: per thing counted, the k-th figure of the shorter period with the
 * k-th figure of the longer period (baseline with baseline, target with target) when both periods
 * give the same number of figures.
 */
export function textPeriodProblems(text: string): TextPeriodProblem[] {
  const statements = statementsIn(text);
  if (statements.length < 2) return [];
  const named = new Set(statements.map((s) => s.noun).filter(Boolean));
  const groups = new Map<string, PeriodStatement[]>();
  for (const s of statements) {
    const key = s.noun || (named.size === 1 ? [...named][0] : "");
    const g = groups.get(key) ?? [];
    g.push(s);
    groups.set(key, g);
  }
  const problems: TextPeriodProblem[] = [];
  for (const [noun, group] of groups) {
    const byPeriod = new Map<Period, PeriodStatement[]>();
    for (const s of group) {
      const list = byPeriod.get(s.period) ?? [];
      list.push(s);
      byPeriod.set(s.period, list);
    }
    const periods = [...byPeriod.keys()].sort((x, y) => periodLength(x) - periodLength(y));
    for (let i = 0; i + 1 < periods.length; i++) {
      const short = byPeriod.get(periods[i])!;
      const long = byPeriod.get(periods[i + 1])!;
      if (short.length !== long.length) continue;
      for (let k = 0; k < short.length; k++) {
        const cmp = comparePeriods(short[k].value, short[k].period, long[k].value, long[k].period);
        if (!cmp.reconciles) {
          problems.push({
            kind: "mismatch",
            a: short[k],
            b: long[k],
            expected: cmp.expected,
            expectedAlt: cmp.expectedAlt,
          });
        }
      }
    }
    // The same thing twice per the same period, one a year's worth of the other.
    if (!noun) continue;
    for (const [period, list] of byPeriod) {
      if (period === "year" || list.length < 2) continue;
      for (let k = 0; k + 1 < list.length; k++) {
        const a = list[k];
        const b = list[k + 1];
        const small = Math.min(a.value, b.value);
        const big = Math.max(a.value, b.value);
        if (small <= 0) continue;
        const asYear = WEEKS_PER_YEAR.map((w) => Math.round(small * periodsPerYear(period, w)));
        if (period === "month" || period === "week") {
          if (asYear.includes(Math.round(big)) && Math.abs(big - Math.round(big)) < 1e-9) {
            problems.push({
              kind: "mislabel",
              a: a.value <= b.value ? a : b,
              b: a.value <= b.value ? b : a,
              expected: small,
              expectedAlt: big,
            });
          }
        }
      }
    }
  }
  return problems;
}

function describe(s: PeriodStatement): string {
  return `"${s.text}"`;
}

const HINT = 1;
const HAS_DIGIT = 2;

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch >= 48 && ch <= 57) return true;
  }
  return false;
}

/** Marks text cells that name a period (and whether they hold digits), from the grid's index. */
function periodHints(grid: SheetGrid): Uint8Array {
  const marks = new Uint8Array(grid.rows * grid.cols);
  for (const i of grid.periodCells) {
    const { r, c } = grid.cellAt(i);
    const v = grid.sheet.values[r][c] as string;
    marks[i] = HINT | (hasDigit(v) ? HAS_DIGIT : 0);
  }
  return marks;
}

/** A mismatch on row `r`, as the figure columns and the free text both describe it (to report it once). */
function mismatchKey(r: number, expected: number, actual: number): string {
  return `${r}|${expected}|${actual}`;
}

/**
 * `reported` holds the mismatches the figure columns found: a row that gives its figures in columns and
 * also the plan's wording of them (the add-in's "As stated in the plan") shows the same slip in both, and
 * it is reported once, at the figure.
 */
function textFindings(
  grid: SheetGrid,
  findings: Finding[],
  marks: Uint8Array,
  reported: Set<string>
): number {
  let compared = 0;
  for (const i of grid.periodCells) {
    if (marks[i] !== (HINT | HAS_DIGIT)) continue;
    const { r, c } = grid.cellAt(i);
    const v = grid.sheet.values[r][c] as string;
    if (v.length < 8) continue;
    if (statementsIn(v).length >= 2) compared++;
    {
      for (const p of textPeriodProblems(v)) {
        const where = grid.addr(r, c);
        if (p.kind === "mismatch") {
          if (reported.has(mismatchKey(r, p.expected, p.b.value))) continue;
          const alt =
            p.expectedAlt !== undefined ? ` (${figure(p.expectedAlt, false)} on 365/7 weeks)` : "";
          const weekNote = p.expectedAlt !== undefined ? " on 52 weeks" : "";
          findings.push({
            rule: PERIODS_RULE,
            severity: "error",
            sheet: grid.name,
            cell: where,
            message:
              `${describe(p.a)} and ${describe(p.b)} do not reconcile: ${figure(p.a.value, false)} ${PERIOD_NAMES[p.a.period]} ` +
              `is ${figure(p.expected, false)} ${PERIOD_NAMES[p.b.period]}${weekNote}${alt}, not ${figure(p.b.value, false)}. ` +
              TOLERANCE_NOTE,
            expected: p.expected,
            actual: p.b.value,
          });
        } else {
          findings.push({
            rule: PERIODS_RULE,
            severity: "error",
            sheet: grid.name,
            cell: where,
            message:
              `${describe(p.a)} and ${describe(p.b)} state the same thing ${PERIOD_NAMES[p.a.period]}, but ` +
              `${figure(p.b.value, false)} is a year's worth of ${figure(p.a.value, false)} ${PERIOD_NAMES[p.a.period]}: ` +
              `should ${describe(p.b)} read per year?`,
            expected: p.a.value,
            actual: p.b.value,
          });
        }
      }
    }
  }
  return compared;
}

// ---------------------------------------------------------------------------------------------
// Figures in columns headed by period, or rows labelled by period.

const HEADING_PERIOD =
  /(?:\b(?:per|a|an|each|every)\s+(calendar\s+month|day|week|wk|month|mth|quarter|qtr|year|yr|annum)\b|\/\s*(day|week|month|quarter|year|annum)\b|\b(daily|weekly|monthly|quarterly|annually|annual|yearly|p\.a\.?)(?![\w]))/i;

/** The period a heading names and the heading without it ("Baseline per month" → month, "baseline"). */
export function headingPeriod(text: string): { period: Period; stem: string } | undefined {
  if (/\d/.test(text) || text.length > 80) return undefined;
  const m = HEADING_PERIOD.exec(text);
  if (!m) return undefined;
  const period = periodOf(m[1] ?? m[2] ?? m[3]);
  if (!period) return undefined;
  const stem = (text.slice(0, m.index) + " " + text.slice(m.index + m[0].length))
    .toLowerCase()
    .replace(/[()[\]:,£]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return { period, stem };
}

interface PeriodLine {
  /** Index along the heading line (column for heading rows, row for label columns). */
  at: number;
  period: Period;
}

/** Groups headings by stem; a group with two or more periods is a set of figures to reconcile. */
function periodGroups(headings: Array<{ at: number; text: string }>): PeriodLine[][] {
  const groups = new Map<string, PeriodLine[]>();
  for (const h of headings) {
    const hp = headingPeriod(h.text);
    if (!hp) continue;
    const g = groups.get(hp.stem) ?? [];
    if (!g.some((x) => x.period === hp.period)) g.push({ at: h.at, period: hp.period });
    groups.set(hp.stem, g);
  }
  return [...groups.values()]
    .filter((g) => g.length >= 2)
    .map((g) => g.sort((x, y) => periodLength(x.period) - periodLength(y.period)));
}

function figureAt(grid: SheetGrid, r: number, c: number): number | undefined {
  const k = grid.k(r, c);
  return k === NUMBER || k === TEXT_NUMBER ? grid.n(r, c) : undefined;
}

function compareCells(
  grid: SheetGrid,
  findings: Finding[],
  reported: Set<string>,
  a: { r: number; c: number; period: Period; heading: string },
  b: { r: number; c: number; period: Period; heading: string }
): number {
  const va = figureAt(grid, a.r, a.c);
  const vb = figureAt(grid, b.r, b.c);
  if (va === undefined || vb === undefined) return 0;
  const cmp = comparePeriods(va, a.period, vb, b.period);
  if (cmp.reconciles) return 1;
  // Point at the figure someone typed: a computed one follows from the other.
  const at = grid.formula(b.r, b.c) && !grid.formula(a.r, a.c) ? a : b;
  reported.add(mismatchKey(at.r, cmp.expected, vb));
  const alt =
    cmp.expectedAlt !== undefined
      ? ` on 52 weeks (${figure(cmp.expectedAlt, false)} on 365/7 weeks)`
      : "";
  findings.push({
    rule: PERIODS_RULE,
    severity: "error",
    sheet: grid.name,
    cell: grid.addr(at.r, at.c),
    message:
      `${a.heading} ${figure(va, false)} (${grid.addr(a.r, a.c)}) and ${b.heading} ${figure(vb, false)} ` +
      `(${grid.addr(b.r, b.c)}) do not reconcile: ${figure(va, false)} ${PERIOD_NAMES[a.period]} is ` +
      `${figure(cmp.expected, false)} ${PERIOD_NAMES[b.period]}${alt}. ${TOLERANCE_NOTE}`,
    expected: cmp.expected,
    actual: vb,
  });
  return 1;
}

function headingFindings(
  grid: SheetGrid,
  findings: Finding[],
  marks: Uint8Array,
  reported: Set<string>
): number {
  let compared = 0;
  // Heading rows: columns side by side.
  for (let h = 0; h < grid.rows; h++) {
    if (grid.rowHasNumber[h] || grid.rowBlank[h]) continue;
    const headings: Array<{ at: number; text: string }> = [];
    for (let c = 0; c < grid.cols; c++)
      if (grid.k(h, c) === TEXT) headings.push({ at: c, text: grid.text(h, c) });
    const groups = periodGroups(headings);
    if (!groups.length) continue;
    for (let r = h + 1; r < grid.rows; r++) {
      if (grid.rowBlank[r]) break;
      if (!grid.rowHasNumber[r]) {
        if (groups.some((g) => g.some((l) => grid.k(r, l.at) === TEXT))) break; // the next heading
        continue;
      }
      for (const g of groups) {
        for (let i = 0; i + 1 < g.length; i++) {
          const a = g[i];
          const b = g[i + 1];
          compared += compareCells(
            grid,
            findings,
            reported,
            { r, c: a.at, period: a.period, heading: `"${grid.text(h, a.at)}"` },
            { r, c: b.at, period: b.period, heading: `"${grid.text(h, b.at)}"` }
          );
        }
      }
    }
  }
  // Label columns: rows such as "Admissions per month" and "Admissions per year" in one run of
  // labelled rows with figures. Only cells naming a period (and no figure) are looked at.
  const byColumn = new Map<number, number[]>();
  for (const i of grid.periodCells) {
    if (marks[i] !== HINT) continue;
    const { r, c } = grid.cellAt(i);
    if (!grid.rowHasNumber[r]) continue;
    const list = byColumn.get(c) ?? [];
    list.push(r);
    byColumn.set(c, list);
  }
  for (const [c, rows] of byColumn) {
    if (rows.length < 2) continue;
    // Split into runs: consecutive labelled rows with figures, unbroken in this column.
    let run: number[] = [rows[0]];
    const runs: number[][] = [run];
    for (let k = 1; k < rows.length; k++) {
      let unbroken = true;
      for (let rr = rows[k - 1] + 1; rr < rows[k]; rr++) {
        if (grid.k(rr, c) !== TEXT || !grid.rowHasNumber[rr]) {
          unbroken = false;
          break;
        }
      }
      if (unbroken) run.push(rows[k]);
      else runs.push((run = [rows[k]]));
    }
    for (const labelled of runs) {
      if (labelled.length < 2) continue;
      const labels = labelled.map((rr) => ({ at: rr, text: grid.text(rr, c) }));
      for (const g of periodGroups(labels)) {
        for (let i = 0; i + 1 < g.length; i++) {
          const a = g[i];
          const b = g[i + 1];
          for (let cc = c + 1; cc < grid.cols; cc++) {
            compared += compareCells(
              grid,
              findings,
              reported,
              { r: a.at, c: cc, period: a.period, heading: `"${grid.text(a.at, c)}"` },
              { r: b.at, c: cc, period: b.period, heading: `"${grid.text(b.at, c)}"` }
            );
          }
        }
      }
    }
  }
  return compared;
}

export function checkPeriods(snapshot: WorkbookSnapshot): RuleOutcome {
  const findings: Finding[] = [];
  let checked = 0;
  for (const sheet of snapshot.sheets) {
    const grid = gridOf(sheet);
    const marks = periodHints(grid);
    const reported = new Set<string>();
    checked += headingFindings(grid, findings, marks, reported);
    checked += textFindings(grid, findings, marks, reported);
  }
  return {
    findings,
    coverage: {
      rule: PERIODS_RULE,
      checked,
      ...(checked ? {} : { note: "no figure stated for two periods found" }),
    },
  };
}
