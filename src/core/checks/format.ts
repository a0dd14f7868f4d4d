/** How figures read in finding messages: the add-in's wording (src/core/wording.ts) plus what only checks need. */
import { listInWords, money } from "../wording";

export { money, toPenny } from "../wording";

const plain = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 4 });

export function figure(n: number, isMoney: boolean, forcePennies = false): string {
  return isMoney ? money(n, forcePennies) : plain.format(n);
}

export function percent(fraction: number): string {
  return `${plain.format(Math.round(fraction * 10000) / 100)}%`;
}

/** "B3, B5 and B7"; past six cells, "B3, B5, … and 4 more". */
export function listCells(cells: string[], max = 6): string {
  return listInWords(cells, max);
}

/** A label for messages: quoted and shortened. */
export function quoteLabel(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return `"${t.length > 40 ? `${t.slice(0, 37)}…` : t}"`;
}
