/**
 * The expenditure rows a set of scheme templates becomes: one row per template per funding source,
 * NHS (£) and Council (£) typed, the rest formulas a person can read.
 */
import type { CostLine, SchemeTemplate } from "../templates/types";
import type { Commissioner, FundingSource } from "../vocabulary";
import { money, toPenny } from "../wording";
import {
  asText,
  EXPENDITURE_COLUMNS,
  GBP_FORMAT,
  GENERAL_FORMAT,
  PERCENT_FORMAT,
  type PlanCell,
  thisRow,
} from "./layout";

export interface ExpenditureLayout {
  columns: readonly string[];
  /** One entry per row, in EXPENDITURE_COLUMNS order; formulas begin with "=". */
  formulas: PlanCell[][];
  numberFormats: string[][];
  /** The scheme ID given to each template, in the order of `templates`. */
  schemeIds: string[];
  /** Where a figure was placed by inference rather than stated by the plan, said in plain English. */
  notes: string[];
  /** The totals row of the table. */
  totals: PlanCell[];
}

const SCHEME_ID = /^S(\d+)$/i;

/** The next scheme IDs after the highest "S<number>" among `existingIds`: S001, S002, … */
export function nextSchemeIds(existingIds: Iterable<unknown>, count: number): string[] {
  let highest = 0;
  for (const id of existingIds) {
    const m = typeof id === "string" ? SCHEME_ID.exec(id.trim()) : null;
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) ids.push(`S${String(highest + i).padStart(3, "0")}`);
  return ids;
}

const NHS_COMMISSIONERS: readonly Commissioner[] = ["CCG/ICB", "NHS England"];
const NHS_FUNDED: readonly FundingSource[] = [
  "NHS minimum contribution",
  "Additional NHS contribution",
  "Discharge fund",
];

/** £ of one cost line on each side, and a note where the plan did not say which side pays. */
export function splitCostLine(
  line: CostLine,
  template: Pick<SchemeTemplate, "name" | "commissioner" | "percentNhs">
): { nhs: number; council: number; note?: string } {
  const { nhs, council, total } = line;
  const what = `${template.name}, "${line.description}"`;
  if (nhs !== undefined && council !== undefined) {
    const sum = toPenny(nhs + council);
    const note =
      toPenny(total) !== sum
        ? `${what}: the plan gives a total of ${money(total)} but NHS + council of ${money(sum)}; the table shows the two parts.`
        : undefined;
    return { nhs, council, note };
  }
  if (nhs !== undefined) {
    return {
      nhs,
      council: toPenny(total - nhs),
      note: `${what}: council share taken as the total less the NHS share.`,
    };
  }
  if (council !== undefined) {
    return {
      nhs: toPenny(total - council),
      council,
      note: `${what}: NHS share taken as the total less the council share.`,
    };
  }
  // Only a total: the commissioner says which side pays; failing that, the funding source does.
  if (template.commissioner && NHS_COMMISSIONERS.includes(template.commissioner)) {
    return {
      nhs: total,
      council: 0,
      note: `${what}: the whole ${money(total)} is shown as NHS, as the ${template.commissioner} commissions it.`,
    };
  }
  if (template.commissioner === "Local Authority") {
    return {
      nhs: 0,
      council: total,
      note: `${what}: the whole ${money(total)} is shown as council, as the Local Authority commissions it.`,
    };
  }
  if (template.commissioner === "Joint" && template.percentNhs !== undefined) {
    const nhsShare = toPenny((total * template.percentNhs) / 100);
    return {
      nhs: nhsShare,
      council: toPenny(total - nhsShare),
      note: `${what}: ${money(total)} split ${template.percentNhs}% NHS / ${toPenny(100 - template.percentNhs)}% council, as the joint commission states.`,
    };
  }
  const nhsSide = NHS_FUNDED.includes(line.fundingSource);
  return {
    nhs: nhsSide ? total : 0,
    council: nhsSide ? 0 : total,
    note: `${what}: the plan does not say who pays; the whole ${money(total)} is shown as ${nhsSide ? "NHS" : "council"} from its funding source (${line.fundingSource}). Check it.`,
  };
}

/** The formulas of the computed columns, identical on every row so Excel keeps them as calculated columns. */
export const EXPENDITURE_FORMULAS = {
  percentNhs: `=IF(${thisRow("Total (£)")}=0,0,${thisRow("NHS (£)")}/${thisRow("Total (£)")})`,
  percentLa: `=IF(${thisRow("Total (£)")}=0,0,${thisRow("Council (£)")}/${thisRow("Total (£)")})`,
  total: `=${thisRow("NHS (£)")}+${thisRow("Council (£)")}`,
} as const;

/** Number format of each expenditure column. */
export const EXPENDITURE_FORMATS: readonly string[] = EXPENDITURE_COLUMNS.map((c) =>
  c.startsWith("%") ? PERCENT_FORMAT : c.endsWith("(£)") ? GBP_FORMAT : GENERAL_FORMAT
);

/** The totals row: "Total" under Scheme ID, SUBTOTAL(109, …) under the £ columns. */
export const EXPENDITURE_TOTALS: readonly PlanCell[] = EXPENDITURE_COLUMNS.map((c, i) =>
  i === 0 ? "Total" : c.endsWith("(£)") ? `=SUBTOTAL(109,[${c}])` : ""
);

/**
 * The rows `templates` add to the expenditure table. `existingIds` are the scheme IDs already in the
 * table, so new IDs continue after them. A template's cost lines with the same funding source are one
 * row (amounts summed); a line with a different funding source is its own row.
 */
export function expenditureRows(
  templates: readonly SchemeTemplate[],
  existingIds: Iterable<unknown> = []
): ExpenditureLayout {
  const schemeIds = nextSchemeIds(existingIds, templates.length);
  const formulas: PlanCell[][] = [];
  const notes: string[] = [];
  templates.forEach((template, t) => {
    const bySource = new Map<FundingSource, { nhs: number; council: number }>();
    for (const line of template.costs) {
      const split = splitCostLine(line, template);
      if (split.note) notes.push(`${schemeIds[t]} ${split.note}`);
      const sums = bySource.get(line.fundingSource) ?? { nhs: 0, council: 0 };
      sums.nhs = toPenny(sums.nhs + split.nhs);
      sums.council = toPenny(sums.council + split.council);
      bySource.set(line.fundingSource, sums);
    }
    // A template without cost lines still gets its row, amounts left for the officer to type.
    const lines: Array<[FundingSource | "", { nhs: PlanCell; council: PlanCell }]> = bySource.size
      ? [...bySource.entries()]
      : [["", { nhs: "", council: "" }]];
    for (const [source, amounts] of lines) {
      formulas.push([
        schemeIds[t],
        asText(template.name),
        asText(template.schemeType),
        asText(template.subType),
        asText(template.areaOfSpend),
        asText(template.commissioner),
        asText(template.provider ?? template.providerName),
        source,
        EXPENDITURE_FORMULAS.percentNhs,
        EXPENDITURE_FORMULAS.percentLa,
        amounts.nhs,
        amounts.council,
        EXPENDITURE_FORMULAS.total,
      ]);
    }
  });
  return {
    columns: EXPENDITURE_COLUMNS,
    formulas,
    numberFormats: formulas.map(() => [...EXPENDITURE_FORMATS]),
    schemeIds,
    notes,
    totals: [...EXPENDITURE_TOTALS],
  };
}
