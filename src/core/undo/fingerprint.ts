/**
 * Fingerprints of cell contents: what an insertion wrote, so that an undo can prove a cell is still
 * exactly that before it removes it. A cell's content is its `Range.formulas` entry: the formula where
 * there is one, otherwise the constant typed. A formula's result changing because its inputs changed is
 * not an edit of that cell, so results are left out.
 */

/** Fingerprints of a region's non-empty cells, keyed "row,col" (0-based sheet coordinates). */
export type CellPrints = Record<string, string>;

/** A rectangle of cells, 0-based and inclusive. */
export interface CellBox {
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

export function parseCellKey(key: string): { row: number; col: number } {
  const comma = key.indexOf(",");
  return { row: Number(key.slice(0, comma)), col: Number(key.slice(comma + 1)) };
}

export function inBox(box: CellBox, row: number, col: number): boolean {
  return row >= box.row && row <= box.lastRow && col >= box.col && col <= box.lastCol;
}

export function sameBox(a: CellBox, b: CellBox): boolean {
  return a.row === b.row && a.col === b.col && a.lastRow === b.lastRow && a.lastCol === b.lastCol;
}

/**
 * A formula as Excel may hand it back: case and spaces outside text in quotes do not matter, and a
 * structured reference may or may not name its own table ("=T[@[A]]" and "=[@[A]]").
 */
function normaliseFormula(formula: string): string {
  let out = "";
  let quoted = false;
  for (const ch of formula) {
    if (ch === '"') quoted = !quoted;
    if (quoted || ch === '"') out += ch;
    else if (!/\s/.test(ch)) out += ch.toUpperCase();
  }
  return out.replace(/[A-Z_\\][A-Z0-9_.\\]*(?=\[@)/g, "");
}

/** What a `formulas` entry is, in one comparable string; undefined for an empty cell. */
export function entryContent(entry: unknown): string | undefined {
  if (entry === "" || entry === null || entry === undefined) return undefined;
  if (typeof entry === "number") return `n:${entry}`;
  if (typeof entry === "boolean") return `b:${entry}`;
  const text = String(entry);
  if (text.length > 1 && text.startsWith("=")) return `f:${normaliseFormula(text)}`;
  // A leading apostrophe only keeps text as text; Excel shows (and reads back) the text without it.
  const shown = text.startsWith("'") ? text.slice(1) : text;
  return shown === "" ? undefined : `t:${shown}`;
}

/** FNV-1a, 32 bits, in base 36: short enough to keep one per cell, and collisions are not a risk to data (a mismatch keeps the cell). */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** A cell's fingerprint; undefined for an empty cell. */
export function entryPrint(entry: unknown): string | undefined {
  const content = entryContent(entry);
  return content === undefined ? undefined : hash(content);
}

/** Fingerprints of a grid of `formulas` whose top-left cell is (row, col) on its sheet. */
export function printCells(
  formulas: ReadonlyArray<ReadonlyArray<unknown>>,
  row: number,
  col: number,
  into: CellPrints = {}
): CellPrints {
  formulas.forEach((line, r) =>
    line.forEach((entry, c) => {
      const print = entryPrint(entry);
      if (print !== undefined) into[cellKey(row + r, col + c)] = print;
      else delete into[cellKey(row + r, col + c)];
    })
  );
  return into;
}

/** One fingerprint per cell of each row ("" for an empty cell). */
export function printRows(formulas: ReadonlyArray<ReadonlyArray<unknown>>): string[][] {
  return formulas.map((line) => line.map((entry) => entryPrint(entry) ?? ""));
}

/**
 * Cells that differ between what was recorded and what is there now, within `box` (all cells when
 * absent). With `unwrittenIsSame`, a recorded cell that is empty now counts as unchanged: after a
 * refused write, part of what was queued may never have been written.
 */
export function changedCells(
  recorded: CellPrints,
  now: CellPrints,
  options: { box?: CellBox; unwrittenIsSame?: boolean } = {}
): number {
  const { box, unwrittenIsSame = false } = options;
  const within = (key: string) => {
    if (!box) return true;
    const { row, col } = parseCellKey(key);
    return inBox(box, row, col);
  };
  let changed = 0;
  for (const [key, print] of Object.entries(now)) {
    if (within(key) && recorded[key] !== print) changed++;
  }
  if (!unwrittenIsSame) {
    for (const key of Object.keys(recorded)) if (within(key) && !(key in now)) changed++;
  }
  return changed;
}
