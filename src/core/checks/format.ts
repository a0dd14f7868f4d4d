/** How figures read in finding messages: en-GB grouping, £ for money, pennies only when there are some. */

const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const pennies = new Intl.NumberFormat("en-GB", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const plain = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 4 });

function hasPennies(n: number): boolean {
  return Math.abs(Math.round(n * 100) - Math.round(n) * 100) > 0;
}

export function money(n: number, forcePennies = false): string {
  const abs = Math.abs(n);
  const body = forcePennies || hasPennies(n) ? pennies.format(abs) : whole.format(abs);
  return `${n < 0 ? "-" : ""}£${body}`;
}

export function figure(n: number, isMoney: boolean, forcePennies = false): string {
  return isMoney ? money(n, forcePennies) : plain.format(n);
}

export function percent(fraction: number): string {
  return `${plain.format(Math.round(fraction * 10000) / 100)}%`;
}

/** Figures in findings are rounded to the penny so they read as Excel shows them. */
export function toPenny(n: number): number {
  return Math.round(n * 100) / 100;
}

/** "B3, B5 and B7" */
export function listCells(cells: string[], max = 6): string {
  if (cells.length === 0) return "";
  const shown = cells.slice(0, max);
  const more = cells.length - shown.length;
  if (more > 0) return `${shown.join(", ")} and ${more} more`;
  if (shown.length === 1) return shown[0];
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

/** A label for messages: quoted and shortened. */
export function quoteLabel(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return `"${t.length > 40 ? `${t.slice(0, 37)}…` : t}"`;
}
