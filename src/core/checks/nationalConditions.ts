/**
 * National conditions, on the basis the policy framework sets:
 * - adult social care spend from the NHS minimum contribution: expenditure lines whose source of
 *   funding is the NHS minimum and whose area of spend is social care, against the stated minimum
 *   (social-care spend from an additional NHS contribution does not count);
 * - NHS-commissioned out-of-hospital spend from the NHS minimum (commissioned by the CCG/ICB or NHS
 *   England, or the NHS share of a joint commission; any area of spend but acute) against its ring-fence;
 * - the national template's minimum-spend table ("Requirement | Minimum Required Spend | Planned Spend |
 *   Under Spend"), wherever it stands: each requirement is an error when planned < minimum;
 * - a line commissioned jointly states % NHS and % LA, and they total 100%.
 * Where the workbook has expenditure lines, the planned figure is their sum on that basis, and a stated
 * planned figure that disagrees with it is reported: it is counting the wrong lines.
 */
import { WorkbookSnapshot } from "../workbook";
import { Finding, RuleOutcome } from "./finding";
import {
  PENNY_TOLERANCE,
  SheetGrid,
  TEXT,
  differsByAPenny,
  gridOf,
  isPercentFormat,
  numberAt,
} from "./grid";
import { findSplitHeaders, percentScale, splitPercent } from "./splits";
import { money, quoteLabel, toPenny } from "./format";
import {
  ExpenditureTable,
  expenditureTables,
  lineAmount,
  lineFigure,
  lineName,
  lineText,
} from "./expenditureLines";
import { matchFundingSource } from "../vocabulary";

export const NATIONAL_CONDITIONS_RULE = "national-conditions";

export type Subject = "social-care" | "out-of-hospital";

const SUBJECTS: Record<Subject, { name: string; pattern: RegExp; basis: string }> = {
  "social-care": {
    name: "adult social care",
    pattern: /social\s+care/i,
    basis: "source of funding the NHS minimum contribution and area of spend social care",
  },
  "out-of-hospital": {
    name: "NHS-commissioned out-of-hospital services",
    pattern: /out[\s-]+of[\s-]+hospital/i,
    basis:
      "source of funding the NHS minimum contribution, commissioned by the NHS (the NHS share of a joint commission) and an area of spend other than acute",
  },
};

function subjectOf(label: string): Subject | undefined {
  if (SUBJECTS["out-of-hospital"].pattern.test(label)) return "out-of-hospital";
  if (SUBJECTS["social-care"].pattern.test(label)) return "social-care";
  return undefined;
}

export interface Stated {
  grid: SheetGrid;
  r: number;
  c: number;
  value: number;
  label: string;
}

/** One requirement: a minimum and, where the workbook states one, its planned figure. */
export interface Requirement {
  subject?: Subject;
  label: string;
  minimum: Stated;
  planned?: Stated;
}

function where(s: Stated): string {
  return `${s.grid.name}!${s.grid.addr(s.r, s.c)}`;
}

// ---------------------------------------------------------------------------------------------
// The national template's minimum-spend table.

const REQUIREMENT = /^requirements?$|\brequirement\b/i;
const MINIMUM_REQUIRED = /\bminimum\b/i;
const PLANNED_SPEND = /\bplanned\b|\bplan\b/i;

interface SpendTable {
  header: number;
  label: number;
  minimum: number;
  planned: number;
}

function minimumSpendTables(grid: SheetGrid): SpendTable[] {
  const tables: SpendTable[] = [];
  for (let h = 0; h < grid.rows; h++) {
    if (grid.rowHasNumber[h] || grid.rowBlank[h]) continue;
    let label: number | undefined;
    let minimum: number | undefined;
    let planned: number | undefined;
    for (let c = 0; c < grid.cols; c++) {
      if (grid.k(h, c) !== TEXT) continue;
      const t = grid.text(h, c);
      if (t.length > 60) continue;
      if (MINIMUM_REQUIRED.test(t)) minimum ??= c;
      else if (PLANNED_SPEND.test(t)) planned ??= c;
      else if (REQUIREMENT.test(t)) label ??= c;
    }
    if (label === undefined || minimum === undefined || planned === undefined) continue;
    tables.push({ header: h, label, minimum, planned });
  }
  return tables;
}

function tableRequirements(grid: SheetGrid, t: SpendTable, taken: Set<number>): Requirement[] {
  const found: Requirement[] = [];
  for (let r = t.header + 1; r < grid.rows; r++) {
    if (grid.rowBlank[r]) break;
    const label = grid.text(r, t.label);
    if (!grid.rowHasNumber[r] && grid.k(r, t.minimum) === TEXT) break; // the next heading
    taken.add(r);
    const min = numberAt(grid, r, t.minimum);
    if (min === undefined || !label) continue;
    const plan = numberAt(grid, r, t.planned);
    found.push({
      subject: subjectOf(label),
      label,
      minimum: { grid, r, c: t.minimum, value: min, label },
      planned: plan === undefined ? undefined : { grid, r, c: t.planned, value: plan, label },
    });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Minimums and planned figures labelled on a sheet ("Minimum NHS contribution to adult social care").

const MINIMUM = /\b(minimum|required|requirement|at least)\b/i;
const PLANNED = /\b(planned|plan|actual|forecast|spend|expenditure|contribution)\b/i;
const SUBJECT_HINT = /care|hospital/i;
const NHS_BODY = /\bnhs\b|\bccg\b|\bicb\b/i;
/** Last year's figures and the uplift on them are for the income check, not this year's minimum. */
export const PREVIOUS_YEAR = /\b(previous|prior|last)\b|\buplift/i;

interface Labelled {
  r: number;
  c: number;
  label: string;
}

function labelledRequirements(grid: SheetGrid, taken: Set<number>): Requirement[] {
  const candidates: Labelled[] = [];
  for (let r = 0; r < grid.rows; r++) {
    if (!grid.rowHasNumber[r] || taken.has(r)) continue;
    for (let c = 0; c < grid.cols; c++) {
      if (grid.k(r, c) !== TEXT) continue;
      const label = grid.text(r, c);
      if (
        label.length <= 120 &&
        SUBJECT_HINT.test(label) &&
        NHS_BODY.test(label) &&
        !PREVIOUS_YEAR.test(label)
      )
        candidates.push({ r, c, label });
      break;
    }
  }
  const found: Requirement[] = [];
  for (const subject of Object.keys(SUBJECTS) as Subject[]) {
    const mine = candidates.filter((cand) => subjectOf(cand.label) === subject);
    const minimums = mine.filter((cand) => MINIMUM.test(cand.label));
    const planned = mine.filter((cand) => !MINIMUM.test(cand.label) && PLANNED.test(cand.label));
    if (minimums.length !== 1) continue;
    const min = minimums[0];
    const figureColumns: number[] = [];
    for (let c = min.c + 1; c < grid.cols; c++) {
      if (numberAt(grid, min.r, c) !== undefined && !isPercentFormat(grid.format(min.r, c)))
        figureColumns.push(c);
    }
    for (const c of figureColumns) {
      const minimum: Stated = { grid, r: min.r, c, value: grid.n(min.r, c), label: min.label };
      const plan = planned.find((p) => p.c < c && numberAt(grid, p.r, c) !== undefined);
      found.push({
        // Figures for several years: each year is compared with its own planned figure, not the lines.
        subject: figureColumns.length === 1 ? subject : undefined,
        label: min.label,
        minimum,
        planned: plan && { grid, r: plan.r, c, value: grid.n(plan.r, c), label: plan.label },
      });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// The planned figure from the expenditure lines.

interface Counted {
  table: ExpenditureTable;
  /** Grid row of the line. */
  r: number;
  amount: number;
}

/** Lines are counted and summed as they are met; only the few a message names are kept. */
const LISTED = 6;
const LISTED_OTHER = 3;

interface LineBasis {
  sum: number;
  count: number;
  /** The first lines counted, for the message. */
  counted: Counted[];
  /** Lines of the same area and commissioning funded from another source: what a wrong basis would count. */
  otherSum: number;
  otherCount: number;
  otherSources: Counted[];
}

const NHS_COMMISSIONER = /\b(nhs|ccg|icb)\b/i;
const JOINT = /^joint\b/i;

function nhsCommissioned(table: ExpenditureTable, r: number, amount: number): number | undefined {
  const who = lineText(table, r, "commissioner") ?? "";
  if (JOINT.test(who)) {
    const pctNhs = lineFigure(table, r, "pctNhs");
    if (pctNhs !== undefined) return amount * pctNhs;
    const nhs = lineFigure(table, r, "nhs");
    if (nhs !== undefined) return nhs;
    return undefined;
  }
  return NHS_COMMISSIONER.test(who) ? amount : undefined;
}

function lineBasis(
  tables: ExpenditureTable[],
  subject: Subject,
  isNhsMinimum: (source: string) => boolean
): LineBasis | undefined {
  let usable = false;
  const basis: LineBasis = {
    sum: 0,
    count: 0,
    counted: [],
    otherSum: 0,
    otherCount: 0,
    otherSources: [],
  };
  for (const table of tables) {
    const { columns } = table;
    if (columns.area === undefined || columns.source === undefined) continue;
    if (subject === "out-of-hospital" && columns.commissioner === undefined) continue;
    if (table.lines.length === 0) continue;
    usable = true;
    for (const r of table.lines) {
      const whole = lineAmount(table, r);
      if (whole === undefined || whole === 0) continue;
      const area = lineText(table, r, "area") ?? "";
      let amount: number | undefined;
      if (subject === "social-care") amount = /social\s+care/i.test(area) ? whole : undefined;
      else amount = area && !/acute/i.test(area) ? nhsCommissioned(table, r, whole) : undefined;
      if (amount === undefined || amount === 0) continue;
      if (isNhsMinimum(lineText(table, r, "source") ?? "")) {
        basis.sum += amount;
        if (basis.count++ < LISTED) basis.counted.push({ table, r, amount });
      } else {
        basis.otherSum += amount;
        if (basis.otherCount++ < LISTED_OTHER) basis.otherSources.push({ table, r, amount });
      }
    }
  }
  return usable ? basis : undefined;
}

/** Whether a source of funding reads as the NHS minimum, decided once per distinct text. */
function nhsMinimumTest(): (source: string) => boolean {
  const known = new Map<string, boolean>();
  return (source) => {
    let v = known.get(source);
    if (v === undefined) {
      v = matchFundingSource(source) === "nhs-minimum";
      known.set(source, v);
    }
    return v;
  };
}

function listLines(counted: Counted[], total: number): string {
  const shown = counted.map((c) => `${lineName(c.table, c.r)} ${money(toPenny(c.amount))}`);
  const more = total - shown.length;
  return more > 0 ? `${shown.join("; ")} and ${more} more` : shown.join("; ");
}

function basisText(subject: Subject, basis: LineBasis): string {
  const counted = basis.count
    ? `from ${basis.count} line${basis.count === 1 ? "" : "s"} (${listLines(basis.counted, basis.count)})`
    : "no line has that basis";
  let text = `lines with ${SUBJECTS[subject].basis} add to ${money(toPenny(basis.sum))}: ${counted}`;
  if (basis.otherCount) {
    text +=
      `. ${money(toPenny(basis.otherSum))} on the same services is funded from other sources and does not count ` +
      `(${listLines(basis.otherSources, basis.otherCount)}, ${basis.otherSources
        .map((c) => `"${lineText(c.table, c.r, "source") ?? "no source"}"`)
        .join(", ")})`;
  }
  return text;
}

function checkRequirement(
  req: Requirement,
  bases: Partial<Record<Subject, LineBasis>>,
  findings: Finding[]
): void {
  const { minimum, planned } = req;
  const basis = req.subject ? bases[req.subject] : undefined;
  const name = req.subject ? SUBJECTS[req.subject].name : quoteLabel(req.label);
  if (basis && req.subject) {
    const actual = basis.sum;
    const at = planned ?? minimum;
    const wrongBasis = planned !== undefined && differsByAPenny(planned.value, actual);
    const below = actual < minimum.value - PENNY_TOLERANCE;
    if (!wrongBasis && !below) return;
    let message = wrongBasis
      ? `${quoteLabel(planned!.label)} shows ${money(toPenny(planned!.value))}, but ${basisText(req.subject, basis)}.`
      : `Spend on ${name} from the NHS minimum contribution is ${money(toPenny(actual))}: ${basisText(req.subject, basis)}.`;
    message += below
      ? ` That is ${money(toPenny(minimum.value - actual))} below the minimum of ${money(toPenny(minimum.value))} (${where(minimum)}): the national condition is not met.`
      : ` It meets the minimum of ${money(toPenny(minimum.value))} (${where(minimum)}) only on the lines' basis; correct the figure.`;
    findings.push({
      rule: NATIONAL_CONDITIONS_RULE,
      severity: "error",
      sheet: at.grid.name,
      cell: at.grid.addr(at.r, at.c),
      message,
      expected: toPenny(below ? minimum.value : actual),
      actual: toPenny(below ? actual : planned!.value),
    });
    return;
  }
  if (!planned) return;
  if (planned.value >= minimum.value - PENNY_TOLERANCE) return;
  findings.push({
    rule: NATIONAL_CONDITIONS_RULE,
    severity: "error",
    sheet: planned.grid.name,
    cell: planned.grid.addr(planned.r, planned.c),
    message:
      `${quoteLabel(planned.label)} is ${money(toPenny(planned.value))}, ${money(toPenny(minimum.value - planned.value))} below ` +
      `the minimum of ${money(toPenny(minimum.value))} (${where(minimum)}): the national condition requires spend on ` +
      `${name} of at least the minimum.`,
    expected: toPenny(minimum.value),
    actual: toPenny(planned.value),
  });
}

// ---------------------------------------------------------------------------------------------
// Joint commissioning percentages.

function jointCommissioning(grid: SheetGrid, findings: Finding[]): number {
  let checked = 0;
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
      if (!JOINT.test(grid.text(r, commissioner))) continue;
      checked++;
      const a = numberAt(grid, r, cols.pctNhs);
      const b = numberAt(grid, r, cols.pctCouncil);
      const at = grid.addr(r, cols.pctNhs);
      if ((a ?? 0) === 0 && (b ?? 0) === 0) {
        // The plan's % formulas show 0 while a line has no money yet; a blank is a gap.
        if (a === undefined && b === undefined) {
          findings.push({
            rule: NATIONAL_CONDITIONS_RULE,
            severity: "warning",
            sheet: grid.name,
            cell: at,
            message: `This line is commissioned jointly (${grid.addr(r, commissioner)}) but % NHS and % LA are blank: state how the commissioning is shared.`,
          });
        }
        continue;
      }
      const target = percentScale(grid, r, a, b, cols.pctNhs, cols.pctCouncil);
      const sum = (a ?? 0) + (b ?? 0);
      if (Math.abs(sum - target) > target * 1e-4) {
        findings.push({
          rule: NATIONAL_CONDITIONS_RULE,
          severity: "error",
          sheet: grid.name,
          cell: grid.addr(r, cols.pctCouncil),
          message: `Joint commissioner percentages total ${splitPercent(sum, target)}, not 100%: % NHS and % LA must add up to 100%.`,
          expected: target,
          actual: Math.round(sum * 1e6) / 1e6,
        });
      }
    }
  }
  return checked;
}

/** Every minimum the workbook states (in a minimum-spend table or labelled on a sheet), with its planned figure. */
export function statedRequirements(snapshot: WorkbookSnapshot): Requirement[] {
  const requirements: Requirement[] = [];
  for (const sheet of snapshot.sheets) {
    const grid = gridOf(sheet);
    const taken = new Set<number>();
    for (const t of minimumSpendTables(grid))
      requirements.push(...tableRequirements(grid, t, taken));
    requirements.push(...labelledRequirements(grid, taken));
  }
  return requirements;
}

export function checkNationalConditions(snapshot: WorkbookSnapshot): RuleOutcome {
  const findings: Finding[] = [];
  const requirements = statedRequirements(snapshot);
  let jointLines = 0;
  for (const sheet of snapshot.sheets) jointLines += jointCommissioning(gridOf(sheet), findings);
  const tables = expenditureTables(snapshot);
  const bases: Partial<Record<Subject, LineBasis>> = {};
  const isNhsMinimum = nhsMinimumTest();
  for (const subject of Object.keys(SUBJECTS) as Subject[]) {
    const basis = lineBasis(tables, subject, isNhsMinimum);
    if (basis) bases[subject] = basis;
  }
  let compared = 0;
  for (const req of requirements) {
    if (!req.planned && !(req.subject && bases[req.subject])) continue;
    compared++;
    checkRequirement(req, bases, findings);
  }
  // Joint lines alone are not the condition: say when no minimum was compared.
  const note =
    compared > 0
      ? undefined
      : requirements.length === 0
        ? jointLines > 0
          ? "no minimum found; joint commissioning checked"
          : "no minimum found"
        : "a minimum but no planned spend or expenditure lines to compare";
  return {
    findings,
    coverage: {
      rule: NATIONAL_CONDITIONS_RULE,
      checked: compared + jointLines,
      ...(note ? { note } : {}),
    },
  };
}
