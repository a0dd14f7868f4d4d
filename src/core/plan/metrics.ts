/**
 * The BCF's national metrics by planning year, as each year's planning requirements define them, and
 * the Metrics sheet of a plan for one year: that year's metrics only, each with its form (a crude rate,
 * a proportion with Wilson limits, a 65+ directly standardised rate, an average), a goal to type and a
 * line saying what it measures. A metric from another year's set is labelled current or retired.
 */
import { a1 } from "../workbook";
import {
  COUNT_FORMAT,
  GENERAL_FORMAT,
  PERCENT_FORMAT,
  type PlanCell,
  RATE_FORMAT,
  thisRow,
} from "./layout";

export type MetricForm = "rate" | "proportion" | "dsr-65-plus" | "average";

export interface PlanMetric {
  name: string;
  form: MetricForm;
  per: number;
  /** First and last planning years (the calendar year each starts in) the metric was a BCF metric. */
  from: number;
  to?: number;
  /** What the metric counts, over what, in what form. */
  definition: string;
}

export const PLAN_METRICS: readonly PlanMetric[] = [
  {
    name: "Non-elective admissions",
    form: "rate",
    per: 100000,
    from: 2015,
    to: 2019,
    definition: "Non-elective admissions (general and acute), all ages, per 100,000 population.",
  },
  {
    name: "Delayed transfers of care",
    form: "rate",
    per: 100000,
    from: 2015,
    to: 2019,
    definition:
      "Delayed days from hospital, people aged 18+, per 100,000 population (average per month).",
  },
  {
    name: "Still at home 91 days after reablement",
    form: "proportion",
    per: 1,
    from: 2015,
    to: 2022,
    definition:
      "Older people (65+) at home 91 days after discharge from hospital into reablement, of those discharged 1 October to 31 December (ASCOF 2B): a proportion with Wilson limits.",
  },
  {
    name: "Permanent admissions to residential and nursing care",
    form: "rate",
    per: 100000,
    from: 2015,
    to: 2024,
    definition:
      "Council-supported permanent admissions of people aged 65+ to residential and nursing care homes, per 100,000 population aged 65+ (ASCOF 2A).",
  },
  {
    name: "Avoidable admissions",
    form: "rate",
    per: 100000,
    from: 2021,
    to: 2024,
    definition:
      "Unplanned hospitalisation for chronic ambulatory care sensitive conditions per 100,000 GP-registered population (published indirectly standardised; a crude rate here).",
  },
  {
    name: "Discharge to usual place of residence",
    form: "proportion",
    per: 1,
    from: 2021,
    to: 2024,
    definition:
      "Discharges to the person's usual place of residence, of all acute discharges: a proportion with Wilson limits.",
  },
  {
    name: "Emergency admissions due to falls",
    form: "dsr-65-plus",
    per: 100000,
    from: 2023,
    to: 2024,
    definition:
      "Emergency hospital admissions due to falls, people aged 65+: directly standardised rate per 100,000 over the six ESP2013 bands 65-69 to 90+ (weights 5,500, 5,000, 4,000, 2,500, 1,500, 1,000; total 19,500).",
  },
  {
    name: "Emergency admissions, 65+ (unplanned admissions goal)",
    form: "rate",
    per: 100000,
    from: 2025,
    definition:
      "Emergency (unplanned) hospital admissions of people aged 65+ per 100,000 population aged 65+.",
  },
  {
    name: "Average length of discharge delay (delayed discharges goal)",
    form: "average",
    per: 1,
    from: 2025,
    definition:
      "Days from discharge ready date to discharge, over all acute adult discharges: the average delay in days per discharge.",
  },
  {
    name: "Long-term admissions to care homes, 65+ (goal)",
    form: "rate",
    per: 100000,
    from: 2025,
    definition:
      "Long-term admissions of people aged 65+ to residential and nursing care homes per 100,000 population aged 65+.",
  },
];

/** The 2013 European Standard Population from age 65: the six bands of the BCF falls metric. */
export const ESP2013_65_PLUS: ReadonlyArray<{ band: string; weight: number }> = [
  { band: "65-69", weight: 5500 },
  { band: "70-74", weight: 5000 },
  { band: "75-79", weight: 4000 },
  { band: "80-84", weight: 2500 },
  { band: "85-89", weight: 1500 },
  { band: "90+", weight: 1000 },
];

/** The falls metric's standard as =BCF.DSR names it: the ESP2013 bands from 65-69 up. */
export const FALLS_STANDARD = "ESP2013 65+";

/** The calendar year a financial year starts in: "2024-25", "2024/25", "2024" → 2024. */
export function planYearStart(year: string): number | undefined {
  const m = /(20\d\d)\s*(?:[-/–]\s*(?:20)?(\d\d))?/.exec(year);
  if (!m) return undefined;
  const start = Number(m[1]);
  if (m[2] !== undefined && Number(m[2]) !== (start + 1) % 100) return undefined;
  return start;
}

/** "2024-25" from 2024. */
function yearName(start: number): string {
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

/** The metrics of a planning year; a year before the first set gets the first, an unreadable one the latest. */
export function metricsForYear(year: string): PlanMetric[] {
  const first = Math.min(...PLAN_METRICS.map((m) => m.from));
  const latest = Math.max(...PLAN_METRICS.map((m) => m.from));
  const start = planYearStart(year) ?? latest;
  const y = Math.max(start, first);
  return PLAN_METRICS.filter((m) => m.from <= y && (m.to === undefined || y <= m.to));
}

/** "Current for 2024-25", "Retired after 2019-20" or "From 2025-26", said of `metric` in a plan for `year`. */
export function metricStatus(metric: PlanMetric, year: string): string {
  const start = planYearStart(year);
  if (start !== undefined && metric.to !== undefined && start > metric.to)
    return `Retired after ${yearName(metric.to)}`;
  if (start !== undefined && start < metric.from) return `From ${yearName(metric.from)}`;
  return `Current for ${start !== undefined ? yearName(start) : "the latest plans"}`;
}

/** Where the falls metric's six age bands stand on the Metrics sheet, right of the table. */
export interface BandBlock {
  /** 0-based column of the block's first column ("Age band"). */
  col: number;
  /** 0-based row of the block's heading; the column headings are the next row, the bands below. */
  row: number;
}

function bandRange(block: BandBlock, offset: number): string {
  const first = a1(block.row + 2, block.col + offset).replace(/([A-Z]+)(\d+)/, "$$$1$$$2");
  const last = a1(block.row + 7, block.col + offset).replace(/([A-Z]+)(\d+)/, "$$$1$$$2");
  return `${first}:${last}`;
}

/**
 * The band block's cells: a heading, column headings and one row per ESP2013 band from 65. The weights
 * are not on the sheet: the formulas name the standard, so the method reads in the formula itself.
 */
export function bandBlockCells(): PlanCell[][] {
  return [
    ["Falls, 65+: emergency admissions and population by age band", "", ""],
    ["Age band", "Admissions", "Population"],
    ...ESP2013_65_PLUS.map((b) => [b.band, "", ""]),
  ];
}

/** Blank until both numerator and denominator are typed. */
function whenFigures(formula: string): string {
  return `=IF(${thisRow("Numerator")}="","",IF(${thisRow("Denominator")}="","",${formula}))`;
}

/** One row of the Metrics table for `metric` in a plan for `year`. */
export function planMetricRow(metric: PlanMetric, year: string, bands?: BandBlock): PlanCell[] {
  const about = `${metricStatus(metric, year)}. ${metric.definition}`;
  const per = thisRow("Per");
  if (metric.form === "dsr-65-plus" && bands) {
    const counts = bandRange(bands, 1);
    const populations = bandRange(bands, 2);
    // The standard by name, as BCF.DSR knows it: a reader sees the method without looking up weights.
    const standard = `"${FALLS_STANDARD}"`;
    const guard = (formula: string) => `=IF(SUM(${counts})=0,"",${formula})`;
    const ci = (which: 1 | 2) =>
      guard(`INDEX(BCF.DSR.CI(${counts},${populations},${standard},0.95,${per}),1,${which})`);
    return [
      metric.name,
      `=SUM(${counts})`,
      `=SUM(${populations})`,
      metric.per,
      guard(`BCF.DSR(${counts},${populations},${standard},${per})`),
      ci(1),
      ci(2),
      "",
      `${about} Type admissions and population by band in ${counts.replace(/\$/g, "")} and ${populations.replace(/\$/g, "")}.`,
    ];
  }
  const args = `${thisRow("Numerator")},${thisRow("Denominator")}`;
  if (metric.form === "average") {
    return [
      metric.name,
      "",
      "",
      metric.per,
      whenFigures(`${thisRow("Numerator")}/${thisRow("Denominator")}*${per}`),
      "",
      "",
      "",
      about,
    ];
  }
  const fn = metric.form === "proportion" ? "BCF.PROPORTION" : "BCF.RATE";
  // The CI functions return lower and upper side by side; INDEX takes one, as a table cell cannot spill.
  const ci = (which: 1 | 2) => whenFigures(`INDEX(${fn}.CI(${args},0.95,${per}),1,${which})`);
  return [
    metric.name,
    "",
    "",
    metric.per,
    whenFigures(`${fn}(${args},${per})`),
    ci(1),
    ci(2),
    "",
    about,
  ];
}

/** Number formats of a metric row: counts, then the value's own format for value, limits and goal. */
export function planMetricFormats(metric: PlanMetric): string[] {
  const value =
    metric.form === "proportion" ? PERCENT_FORMAT : metric.form === "average" ? "0.0" : RATE_FORMAT;
  return [
    GENERAL_FORMAT,
    COUNT_FORMAT,
    COUNT_FORMAT,
    COUNT_FORMAT,
    value,
    value,
    value,
    value,
    GENERAL_FORMAT,
  ];
}
