/**
 * Range.delete("Up" | "Left"): removes cells and closes the gap. Whole data rows of a table shrink
 * the table, and tables below move up with their cells; deleting part of a table's row, its header or
 * totals row, or moving only part of a table is refused, as Excel refuses it.
 */
import { boxColumns, boxesOverlap, boxRows, MAX_COLUMNS, MAX_ROWS, type CellBox } from "../address";
import { invalidArgument, invalidOperation, MemoryExcelError } from "../errors";
import type { SheetModel, ValidationEntry } from "./sheet";
import { bodyBox, tableBox } from "./table";
import type { WorkbookState } from "./workbookState";

export type DeleteShift = "Up" | "Left";

function tableConflict(name: string, location: string): MemoryExcelError {
  return new MemoryExcelError(
    "InsertDeleteConflict",
    `This would move or cut through part of the table ${name}, which Excel doesn't allow.`,
    location
  );
}

export function deleteCells(
  model: WorkbookState,
  sheet: SheetModel,
  box: CellBox,
  shift: DeleteShift,
  location: string
): void {
  model.assertCanEdit(sheet, location);
  if (shift !== "Up" && shift !== "Left")
    throw invalidArgument(
      `Cells can be deleted with shift "Up" or "Left", not "${String(shift)}".`,
      location
    );
  if (shift === "Left") return deleteLeft(model, sheet, box, location);
  const count = boxRows(box);
  const affected: CellBox = {
    row: box.row,
    col: box.col,
    lastRow: MAX_ROWS - 1,
    lastCol: box.lastCol,
  };
  const shrink: Array<{ table: (typeof model.tables)[number]; rows: number }> = [];
  const moveUp: Array<(typeof model.tables)[number]> = [];
  const remove: Array<(typeof model.tables)[number]> = [];
  for (const table of model.tablesOn(sheet)) {
    const whole = tableBox(table);
    if (!boxesOverlap(whole, affected)) continue;
    const fullWidth = box.col <= whole.col && box.lastCol >= whole.lastCol;
    if (!fullWidth) throw tableConflict(table.name, location);
    if (whole.row > box.lastRow) {
      moveUp.push(table);
      continue;
    }
    if (box.row <= whole.row && box.lastRow >= whole.lastRow) {
      remove.push(table);
      continue;
    }
    const body = bodyBox(table);
    if (box.row < body.row || box.lastRow > body.lastRow) {
      throw invalidOperation(
        `Only data rows of the table ${table.name} can be deleted, not its header or totals row.`,
        location
      );
    }
    if (count >= table.bodyRows)
      throw invalidOperation(
        `A table keeps at least one data row: ${table.name} would have none.`,
        location
      );
    shrink.push({ table, rows: count });
  }
  const cells = [...sheet.cellsIn(affected)];
  for (const [row, col] of cells) model.putCell(sheet, row, col, undefined);
  for (const [row, col, cell] of cells) {
    if (row > box.lastRow) model.putCell(sheet, row - count, col, { ...cell });
  }
  for (const { table, rows } of shrink) table.bodyRows -= rows;
  for (const table of moveUp) table.top -= count;
  if (remove.length > 0) model.tables = model.tables.filter((t) => !remove.includes(t));
  sheet.validations = sheet.validations.flatMap((v): ValidationEntry[] => {
    if (v.box.col < box.col || v.box.lastCol > box.lastCol || v.box.lastRow < box.row) return [v];
    const first =
      v.box.row < box.row ? v.box.row : v.box.row > box.lastRow ? v.box.row - count : box.row;
    const last = v.box.lastRow > box.lastRow ? v.box.lastRow - count : box.row - 1;
    return last >= first ? [{ ...v, box: { ...v.box, row: first, lastRow: last } }] : [];
  });
  model.changed = true;
}

function deleteLeft(model: WorkbookState, sheet: SheetModel, box: CellBox, location: string): void {
  const count = boxColumns(box);
  const affected: CellBox = {
    row: box.row,
    col: box.col,
    lastRow: box.lastRow,
    lastCol: MAX_COLUMNS - 1,
  };
  const table = model.tablesOn(sheet).find((t) => boxesOverlap(tableBox(t), affected));
  if (table) throw tableConflict(table.name, location);
  const cells = [...sheet.cellsIn(affected)];
  for (const [row, col] of cells) model.putCell(sheet, row, col, undefined);
  for (const [row, col, cell] of cells) {
    if (col > box.lastCol) model.putCell(sheet, row, col - count, { ...cell });
  }
  sheet.validations = sheet.validations.filter((v) => !boxesOverlap(v.box, box));
  model.changed = true;
}
