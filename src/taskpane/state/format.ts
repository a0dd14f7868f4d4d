/** en-GB display helpers for the pane: £ amounts, plain figures, template summaries. */
import type { SchemeTemplate } from "../../core/templates/types";
import { money } from "../../core/wording";

export { byCount, listInWords, plural } from "../../core/wording";

const plain = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 2 });

/** £125,000.00 */
export function formatGbp(amount: number): string {
  return money(amount, true);
}

/** 1,091 or 8.5 */
export function formatNumber(value: number): string {
  return plain.format(value);
}

/** 0.35 → 35% */
export function formatPercent(fraction: number): string {
  return percent.format(fraction);
}

/**
 * A figure shown the way its cell is formatted in the workbook: £ for currency formats, % for percentage
 * formats, a plain number otherwise (a finding's expected/actual carries no unit of its own).
 */
export function formatFigure(value: number, numberFormat?: string): string {
  if (numberFormat && numberFormat.includes("£")) return formatGbp(value);
  if (numberFormat && /%/.test(numberFormat.replace(/"[^"]*"/g, ""))) return formatPercent(value);
  return formatNumber(value);
}

/** The plan's total cost of a template: the sum of its cost lines as stated. */
export function templateTotal(template: SchemeTemplate): number {
  return template.costs.reduce((sum, line) => sum + line.total, 0);
}
