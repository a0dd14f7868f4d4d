/**
 * The targets rows of scheme templates: figures the plan states are typed as values (even where the
 * plan contradicts itself: the checks flag that); a figure it leaves out is computed with =BCF.PERIOD
 * from the other period, and the uplift is =BCF.UPLIFT of the yearly figures. The last column keeps
 * the plan's own wording of the figures, for the checks to read: a figure stated per week (which has no
 * column, and is not converted: its conversion would hold the figure as a constant, and Excel copies a
 * table's calculated column into other rows' blanks) or one figure stated twice.
 */
import type { ActivityTarget, SchemeTemplate } from "../templates/types";
import { nextSchemeIds } from "./expenditure";
import {
  ACTIVITY_FORMAT,
  asText,
  GENERAL_FORMAT,
  PERCENT_FORMAT,
  type PlanCell,
  TARGET_COLUMNS,
  thisRow,
} from "./layout";

export interface TargetsLayout {
  columns: readonly string[];
  formulas: PlanCell[][];
  numberFormats: string[][];
}

export const TARGET_FORMATS: readonly string[] = [
  GENERAL_FORMAT,
  GENERAL_FORMAT,
  ACTIVITY_FORMAT,
  ACTIVITY_FORMAT,
  ACTIVITY_FORMAT,
  ACTIVITY_FORMAT,
  PERCENT_FORMAT,
  GENERAL_FORMAT,
];

/**
 * The conversion of the other period's figure. Blank while that figure is blank: Excel copies a table's
 * calculated column into new rows, and a row without the figure must not show a made-up 0.
 */
export function periodFormula(otherColumn: string, from: string, to: string): string {
  return `=IF(${thisRow(otherColumn)}="","",BCF.PERIOD(${thisRow(otherColumn)},"${from}","${to}"))`;
}

/** A stated figure, or the other period's figure converted, or blank when the plan gives neither. */
function figure(
  stated: number | undefined,
  other: number | undefined,
  otherColumn: string,
  from: string,
  to: string
): PlanCell {
  if (stated !== undefined) return stated;
  if (other !== undefined) return periodFormula(otherColumn, from, to);
  return "";
}

/** The uplift of the yearly figures; blank (not an error or -100%) until both are there. */
export const UPLIFT_FORMULA =
  `=IF(OR(${thisRow("Baseline per year")}="",${thisRow("Target per year")}=""),"",` +
  `BCF.UPLIFT(${thisRow("Baseline per year")},${thisRow("Target per year")}))`;

/** The plan's own words for the row's figures ("21 discharges a week  1091 discharges per annum"). */
export function statedWording(target: ActivityTarget): string {
  const words = (target.statedFigures ?? []).map((f) => f.wording.trim()).filter(Boolean);
  return asText(words.join("  "));
}

export function targetRow(schemeId: string, target: ActivityTarget): PlanCell[] {
  return [
    schemeId,
    asText(target.measure),
    figure(target.baselinePerMonth, target.baselinePerYear, "Baseline per year", "year", "month"),
    figure(target.baselinePerYear, target.baselinePerMonth, "Baseline per month", "month", "year"),
    figure(target.targetPerMonth, target.targetPerYear, "Target per year", "year", "month"),
    figure(target.targetPerYear, target.targetPerMonth, "Target per month", "month", "year"),
    UPLIFT_FORMULA,
    statedWording(target),
  ];
}

/**
 * The targets rows of `templates`; `ids[i]` is the scheme ID given to `templates[i]` (by default
 * S001, S002 … as in a new expenditure table).
 */
export function targetRows(
  templates: readonly SchemeTemplate[],
  ids: readonly string[] = nextSchemeIds([], templates.length)
): TargetsLayout {
  const formulas: PlanCell[][] = [];
  templates.forEach((template, t) => {
    for (const target of template.targets) formulas.push(targetRow(ids[t] ?? "", target));
  });
  return {
    columns: TARGET_COLUMNS,
    formulas,
    numberFormats: formulas.map(() => [...TARGET_FORMATS]),
  };
}
