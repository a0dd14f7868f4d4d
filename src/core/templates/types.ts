import type {
  AreaOfSpend,
  BcfMetric,
  Commissioner,
  FundingSource,
  Provider,
  SchemeType,
} from "../vocabulary";
import type { Period } from "../periods";

/** One cost line of a scheme, as the plan states it. */
export interface CostLine {
  description: string;
  fundingSource: FundingSource;
  /** £ paid by the NHS (CCG/ICB) side, where the plan gives the split. */
  nhs?: number;
  /** £ paid by the council side, where the plan gives the split. */
  council?: number;
  /** £ for the line; equals nhs + council where both are stated (unless the plan itself is inconsistent). */
  total: number;
  /** Financial year the figure is for, e.g. "2016-17". */
  year?: string;
}

export type { Period };

/** A baseline and target for one activity measure, with the figures exactly as the plan states them. */
export interface ActivityTarget {
  measure: string;
  baselinePerMonth?: number;
  baselinePerYear?: number;
  targetPerMonth?: number;
  targetPerYear?: number;
  /** Weekly figures, where the plan states the activity per week (e.g. "21 discharges a week"). */
  baselinePerWeek?: number;
  targetPerWeek?: number;
  /** Other stated periods, kept as text where the plan words them differently. */
  note?: string;
  /**
   * Every figure exactly as the plan words it, with the period the plan attaches to it, even where the
   * plan contradicts itself (seed 004: "an additional 15 discharges a month … 180 discharges per month").
   * The per-period fields above hold one figure per period; this list keeps the rest for the checks.
   */
  statedFigures?: StatedFigure[];
}

/** One activity figure as a plan states it. */
export interface StatedFigure {
  kind: "baseline" | "target";
  value: number;
  per: Period;
  /** The plan's own words, e.g. "104 patients a year". */
  wording: string;
}

export interface SchemeSource {
  area: string;
  plan: string;
  year: string;
  /** Seed file the template was drawn from, e.g. "001". */
  seed?: string;
}

export interface SchemeTemplate {
  /** Stable id, e.g. "rutland-2016-icr". */
  id: string;
  name: string;
  source: SchemeSource;
  description: string;
  schemeType: SchemeType;
  subType?: string;
  areaOfSpend: AreaOfSpend;
  commissioner?: Commissioner;
  /** % of a Joint commission paid by the NHS (0-100); % LA is 100 minus this. */
  percentNhs?: number;
  provider?: Provider;
  /** Provider as the plan names it (e.g. "WHC", "Rutland County Council"). */
  providerName?: string;
  outcomes: string[];
  metrics: BcfMetric[];
  risks: string[];
  costs: CostLine[];
  targets: ActivityTarget[];
}

/** A pack of templates, the shape of an organisation's own JSON file. */
export interface TemplatePack {
  name: string;
  version?: string;
  templates: SchemeTemplate[];
}
