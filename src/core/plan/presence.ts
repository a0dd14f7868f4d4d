/**
 * Which parts of the add-in's plan a workbook already holds, recognised by what the add-in wrote: the
 * first row of Cover, Income and Summary, and the plan's tables with their columns. A sheet that only
 * shares a name (a person's own "Income") is not the plan's, and is never reused.
 */
import {
  COVER_TITLE,
  EXPENDITURE_COLUMNS,
  EXPENDITURE_TABLE,
  INCOME_COLUMNS,
  METRIC_COLUMNS,
  METRICS_TABLE,
  PLAN_SHEETS,
  type PlanSheetKey,
  SUMMARY_COLUMNS,
  TARGET_COLUMNS,
  TARGETS_TABLE,
} from "./layout";
import type { PlanTableKey } from "./skeleton";

/** The plan's sheets a person sees (the drop-down lists sheet is hidden and never named to them). */
export const VISIBLE_PLAN_SHEETS: readonly PlanSheetKey[] = [
  "cover",
  "income",
  "expenditure",
  "targets",
  "metrics",
  "summary",
];

/** The sheets that hold one of the plan's tables, and the table's standard name and columns. */
export const PLAN_TABLES: Record<PlanTableKey, { name: string; columns: readonly string[] }> = {
  expenditure: { name: EXPENDITURE_TABLE, columns: EXPENDITURE_COLUMNS },
  targets: { name: TARGETS_TABLE, columns: TARGET_COLUMNS },
  metrics: { name: METRICS_TABLE, columns: METRIC_COLUMNS },
};

/** The plan's sheets without a table, known by the first row the add-in writes on them. */
export type HeadedSheetKey = "cover" | "income" | "summary";
export const HEADED_SHEETS: readonly HeadedSheetKey[] = ["cover", "income", "summary"];

/**
 * The first row the add-in writes on each headed sheet. The same constants the skeleton writes (a test
 * holds them to the skeleton's output), so recognising a plan does not build one.
 */
export const PLAN_SHEET_HEADINGS: Readonly<Record<HeadedSheetKey, readonly string[]>> = {
  cover: [COVER_TITLE],
  income: INCOME_COLUMNS,
  summary: SUMMARY_COLUMNS,
};

export interface WorkbookPlanView {
  sheetNames: readonly string[];
  /** The first row (from A1) of sheets that may be a headed plan sheet, by sheet name (see planSheetCandidates). */
  headings: Record<string, readonly unknown[]>;
  /** Each of the plan's tables that exists under its standard name: its sheet and header row. */
  tables: Partial<Record<PlanTableKey, { sheet: string; header: readonly unknown[] }>>;
}

export interface PlanPresence {
  /** The plan's sheets already there, by key, with their names in this workbook. */
  sheets: Partial<Record<PlanSheetKey, string>>;
  /** The plan's tables already there (their standard names). */
  tables: Partial<Record<PlanTableKey, string>>;
  /** Visible plan sheets still to add, in tab order. */
  missing: PlanSheetKey[];
  /** The Cover sheet is there: the workbook already has a plan, not just templates inserted. */
  hasPlan: boolean;
}

const same = (a: unknown, b: string) =>
  String(a ?? "")
    .trim()
    .toLowerCase() === b.toLowerCase();

function startsWithRow(row: readonly unknown[] | undefined, expected: readonly string[]): boolean {
  return !!row && expected.every((cell, i) => same(row[i], cell));
}

/**
 * Sheets that may be the plan's `key` sheet: its standard name, then "Income (2)" and so on (the name the
 * plan took where a person's own sheet had the standard one).
 */
export function planSheetCandidates(key: HeadedSheetKey, sheetNames: readonly string[]): string[] {
  const base = PLAN_SHEETS[key].toLowerCase();
  const numbered = (n: string) => {
    const m = /^(.*) \((\d+)\)$/.exec(n);
    return m !== null && m[1].toLowerCase() === base ? Number(m[2]) : undefined;
  };
  return [
    ...sheetNames.filter((n) => n.toLowerCase() === base),
    ...sheetNames
      .filter((n) => numbered(n) !== undefined)
      .sort((a, b) => numbered(a)! - numbered(b)!),
  ];
}

export function recognisePlan(view: WorkbookPlanView): PlanPresence {
  const sheets: Partial<Record<PlanSheetKey, string>> = {};
  const tables: Partial<Record<PlanTableKey, string>> = {};
  for (const key of HEADED_SHEETS) {
    const name = planSheetCandidates(key, view.sheetNames).find((n) =>
      startsWithRow(view.headings[n], PLAN_SHEET_HEADINGS[key])
    );
    if (name !== undefined) sheets[key] = name;
  }
  for (const key of Object.keys(PLAN_TABLES) as PlanTableKey[]) {
    const found = view.tables[key];
    if (found && startsWithRow(found.header, PLAN_TABLES[key].columns)) {
      sheets[key] = found.sheet;
      tables[key] = PLAN_TABLES[key].name;
    }
  }
  return {
    sheets,
    tables,
    missing: VISIBLE_PLAN_SHEETS.filter((key) => sheets[key] === undefined),
    hasPlan: sheets.cover !== undefined,
  };
}

/** A scheme in the plan's expenditure table. */
export interface SchemeInPlan {
  /** Scheme ID as shown, e.g. "S001". */
  id: string;
  name: string;
}

/** The chosen templates the expenditure table already holds (matched by name, whatever the case), with their IDs. */
export function schemesAlreadyIn<T extends { name: string }>(
  chosen: readonly T[],
  inPlan: readonly SchemeInPlan[]
): Array<{ template: T; id: string }> {
  const byName = new Map(inPlan.map((s) => [s.name.trim().toLowerCase(), s.id]));
  return chosen.flatMap((template) => {
    const id = byName.get(template.name.trim().toLowerCase());
    return id === undefined ? [] : [{ template, id }];
  });
}
