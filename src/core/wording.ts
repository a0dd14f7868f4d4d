/**
 * How figures and lists read in what the add-in says (finding messages, the pane, the CLI, the plan's
 * notes): en-GB grouping, £ with pennies only when there are some, "A, B and C", "1 file" / "2 files".
 */

const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const withPennies = new Intl.NumberFormat("en-GB", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const grouped = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** An amount rounded to the penny, as Excel shows a £ figure. */
export function toPenny(amount: number): number {
  return Math.round(amount * 100) / 100;
}

function hasPennies(n: number): boolean {
  return Math.abs(Math.round(n * 100) - Math.round(n) * 100) > 0;
}

/** "£936,000", "£125,000.50", "-£5"; with `forcePennies`, always two decimals ("£936,000.00"). */
export function money(amount: number, forcePennies = false): string {
  const abs = Math.abs(amount);
  const body = forcePennies || hasPennies(amount) ? withPennies.format(abs) : whole.format(abs);
  return `${amount < 0 ? "-" : ""}£${body}`;
}

/** "1 template", "3 templates", "1,200 rows"; `pluralForm` for words that do not take an s. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${grouped.format(count)} ${count === 1 ? singular : pluralForm}`;
}

/** The word that agrees with `count`: byCount(1, "is", "are") is "is", byCount(3, "it", "them") is "them". */
export function byCount<T extends string>(count: number, one: T, many: T): T {
  return count === 1 ? one : many;
}

/** "Cover", "Cover and Income", "Cover, Income and Summary"; past `max` items, "A, B and 4 more". */
export function listInWords(items: readonly string[], max = Infinity): string {
  if (items.length === 0) return "";
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  if (more > 0) return `${shown.join(", ")} and ${more} more`;
  if (shown.length === 1) return shown[0];
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}
