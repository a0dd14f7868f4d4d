/** en-GB display helpers for the pane: £ amounts, plain figures, template summaries. */
import type { SchemeTemplate } from "../../core/templates/types";

const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" });
const plain = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 2 });

/** £125,000.00 */
export function formatGbp(amount: number): string {
  return gbp.format(amount);
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

/** "1 template" / "3 templates" */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

/** "Cover, Income and Summary" */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
