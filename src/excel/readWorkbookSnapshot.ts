/**
 * Reads the workbook into a plain snapshot for the checks, without writing anything. Two syncs find
 * the sheets and their used ranges; then one sync per block of rows. The first block is sized by a
 * guess at what a cell weighs; every later one by what Excel actually returned so far, so each
 * request stays under READ_BUDGET_BYTES (4 MB), below Excel on the web's 5 MB limit, in as few syncs
 * as that allows. A block Excel still refuses as too large is split in half and retried.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../core/workbook";
import { isPayloadTooLarge, toWorkbookActionError, WorkbookActionError } from "./errors";

export interface ReadOptions {
  onProgress?: (done: number, total: number) => void;
  /** At most this many cells (rows × used columns) per request; by default only READ_BUDGET_BYTES limits a block. */
  maxCellsPerBlock?: number;
}

/** What one block of a read may weigh: under Excel on the web's 5 MB, with room for the envelope. */
export const READ_BUDGET_BYTES = 4_000_000;
/** What a cell of the first block is taken to weigh, before any has been measured. */
export const FIRST_BLOCK_BYTES_PER_CELL = 75;
/** Later blocks allow this much more per cell than the heaviest block so far weighed. */
const MEASURED_MARGIN = 1.1;
/** Excel on the web's limit: a refused block of n cells weighed more than this over n. */
const EXCEL_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** What a block of writes (src/excel/submission.ts) may weigh by the estimate below: under half of the 5 MB. */
export const REQUEST_BUDGET_BYTES = 2_000_000;
/**
 * Bytes one cell costs in a response: its value, formula and number format as JSON (a number and a
 * short formula or format run to 40-60 bytes; this allows for long text).
 */
export const BYTES_PER_CELL_ESTIMATE = 100;
export const DEFAULT_MAX_CELLS_PER_BLOCK = Math.floor(
  REQUEST_BUDGET_BYTES / BYTES_PER_CELL_ESTIMATE
);

/** A run of rows of one sheet, relative to its used range. */
export interface Segment {
  sheet: number;
  row: number;
  rows: number;
}

interface UsedArea {
  name: string;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** Rows per block for a sheet `columns` wide: whole rows, at least one. */
export function rowsPerBlock(columns: number, maxCellsPerBlock: number): number {
  return Math.max(1, Math.floor(maxCellsPerBlock / Math.max(1, columns)));
}

/**
 * Cuts each sheet's used rows (from `firstRow`, 0 by default) into segments of at most
 * `maxCellsPerBlock` cells and packs consecutive segments (small sheets) into blocks of at most that
 * many cells.
 */
export function planBlocks(
  areas: ReadonlyArray<{ rowCount: number; columnCount: number; firstRow?: number }>,
  maxCellsPerBlock: number
): Segment[][] {
  const blocks: Segment[][] = [];
  let current: Segment[] = [];
  let cells = 0;
  areas.forEach((area, sheet) => {
    const step = rowsPerBlock(area.columnCount, maxCellsPerBlock);
    const first = area.firstRow ?? 0;
    for (let row = first; row < first + area.rowCount; row += step) {
      const rows = Math.min(step, first + area.rowCount - row);
      const size = rows * area.columnCount;
      if (current.length && cells + size > maxCellsPerBlock) {
        blocks.push(current);
        current = [];
        cells = 0;
      }
      current.push({ sheet, row, rows });
      cells += size;
    }
  });
  if (current.length) blocks.push(current);
  return blocks;
}

/** Halves a block Excel refused: its segments, or the rows of its one segment. */
export function splitBlock(block: Segment[]): Segment[][] | undefined {
  if (block.length > 1) {
    const half = Math.ceil(block.length / 2);
    return [block.slice(0, half), block.slice(half)];
  }
  const [only] = block;
  if (only.rows <= 1) return undefined;
  const top = Math.ceil(only.rows / 2);
  return [[{ ...only, rows: top }], [{ ...only, row: only.row + top, rows: only.rows - top }]];
}

export async function readWorkbookSnapshot(
  context: Excel.RequestContext,
  options: ReadOptions = {}
): Promise<WorkbookSnapshot> {
  try {
    const cap = Math.max(1, options.maxCellsPerBlock ?? Infinity);
    // Sync 1: the sheets.
    const worksheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    // Sync 2: each sheet's used range (cells with values or formulas, not formatting alone).
    const used = worksheets.items.map((sheet) =>
      sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount")
    );
    await context.sync();

    const areas: UsedArea[] = worksheets.items.map((sheet, i) => {
      const range = used[i];
      return range.isNullObject
        ? {
            name: sheet.name,
            rowIndex: 0,
            columnIndex: 0,
            rowCount: 0,
            columnCount: 0,
          }
        : {
            name: sheet.name,
            rowIndex: range.rowIndex,
            columnIndex: range.columnIndex,
            rowCount: range.rowCount,
            columnCount: range.columnCount,
          };
    });
    const sheets: SheetSnapshot[] = areas.map((area) => ({
      name: area.name,
      rowOffset: area.rowIndex,
      colOffset: area.columnIndex,
      values: new Array<CellValue[]>(area.rowCount),
      formulas: new Array<CellValue[]>(area.rowCount),
      numberFormats: new Array<string[]>(area.rowCount),
    }));

    const total = areas.reduce((n, a) => n + a.rowCount, 0);
    let done = 0;
    options.onProgress?.(0, total);
    // Rows not yet handed to a block, per sheet; halves of a refused block wait in `retry`.
    const nextRow = areas.map(() => 0);
    const retry: Segment[][] = [];
    let bytesPerCell = FIRST_BLOCK_BYTES_PER_CELL;
    let heaviestMeasured = 0;
    const handOut = (): Segment[] | undefined => {
      const maxCells = Math.max(1, Math.min(cap, Math.floor(READ_BUDGET_BYTES / bytesPerCell)));
      const remaining = areas.map((area, i) => ({
        rowCount: area.rowCount - nextRow[i],
        columnCount: area.columnCount,
        firstRow: nextRow[i],
      }));
      const [block] = planBlocks(remaining, maxCells);
      for (const segment of block ?? []) nextRow[segment.sheet] = segment.row + segment.rows;
      return block;
    };
    // The one sync inside a loop: one per block, and the number of blocks is bounded by the used cells.
    for (let block = retry.shift() ?? handOut(); block; block = retry.shift() ?? handOut()) {
      const ranges = block.map((segment) => {
        const area = areas[segment.sheet];
        return context.workbook.worksheets
          .getItem(area.name)
          .getRangeByIndexes(
            area.rowIndex + segment.row,
            area.columnIndex,
            segment.rows,
            area.columnCount
          )
          .load("values,formulas,numberFormat");
      });
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block, bounded by the cells
        await context.sync();
      } catch (e) {
        if (isPayloadTooLarge(e)) {
          bytesPerCell = Math.max(bytesPerCell, EXCEL_PAYLOAD_LIMIT_BYTES / cellsOf(block, areas));
        }
        const halves = isPayloadTooLarge(e) ? splitBlock(block) : undefined;
        if (!halves) {
          if (isPayloadTooLarge(e)) {
            throw new WorkbookActionError(
              "A single row of the workbook is too large for Excel to send to the add-in, so it could not be checked.",
              e
            );
          }
          throw e;
        }
        retry.unshift(...halves);
        continue;
      }
      heaviestMeasured = Math.max(
        heaviestMeasured,
        ranges.reduce(
          (bytes, range) =>
            bytes +
            jsonBytes(range.values) +
            jsonBytes(range.formulas) +
            jsonBytes(range.numberFormat),
          0
        ) / cellsOf(block, areas)
      );
      bytesPerCell = heaviestMeasured * MEASURED_MARGIN;
      block.forEach((segment, i) => {
        const sheet = sheets[segment.sheet];
        const range = ranges[i];
        for (let r = 0; r < segment.rows; r++) {
          sheet.values[segment.row + r] = range.values[r] as CellValue[];
          sheet.formulas[segment.row + r] = range.formulas[r] as CellValue[];
          sheet.numberFormats[segment.row + r] = (range.numberFormat[r] as unknown[]).map((f) =>
            String(f ?? "General")
          );
        }
        done += segment.rows;
      });
      options.onProgress?.(done, total);
    }
    return { sheets };
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}

function cellsOf(block: Segment[], areas: ReadonlyArray<{ columnCount: number }>): number {
  return Math.max(
    1,
    block.reduce((n, segment) => n + segment.rows * areas[segment.sheet].columnCount, 0)
  );
}

/** Bytes of `value` as JSON in UTF-8, the form Excel sends it in. */
function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x800 && (code < 0xd800 || code > 0xdfff)) bytes += 2;
    else if (code >= 0x80 && code < 0x800) bytes += 1;
    // A surrogate pair is two UTF-16 units for four UTF-8 bytes: one more each.
    else if (code >= 0xd800 && code <= 0xdfff) bytes += 1;
  }
  return bytes;
}
