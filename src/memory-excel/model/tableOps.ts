/** Changes to Excel tables: adding one, its totals row, adding rows, calculated columns, deleting. */
import { boxesOverlap, boxRows, type CellBox } from "../address";
import { invalidArgument, invalidOperation, MemoryExcelError } from "../errors";
import { contentFromEntry } from "./entries";
import { isBlankCell } from "./cell";
import type { SheetModel } from "./sheet";
import {
  bodyBox,
  DEFAULT_TABLE_STYLE,
  headerBox,
  tableBox,
  tableNameProblem,
  type TableColumn,
  type TableModel,
} from "./table";
import type { WorkbookState } from "./workbookState";

function conflict(message: string, location: string): MemoryExcelError {
  return new MemoryExcelError("InsertDeleteConflict", message, location);
}

function uniqueColumnNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    let name = raw.trim() === "" ? `Column${i + 1}` : raw;
    if (used.has(name.toUpperCase())) {
      let n = 2;
      while (used.has(`${name}${n}`.toUpperCase())) n++;
      name = `${name}${n}`;
    }
    used.add(name.toUpperCase());
    return name;
  });
}

/** Moves the cells of a block down by `rows`, journaled, leaving the vacated cells empty. */
function moveDown(model: WorkbookState, sheet: SheetModel, block: CellBox, rows: number): void {
  const cells = [...sheet.cellsIn(block)];
  for (const [row, col] of cells) model.putCell(sheet, row, col, undefined);
  for (const [row, col, cell] of cells) model.putCell(sheet, row + rows, col, { ...cell });
}

function blockIsEmpty(sheet: SheetModel, box: CellBox): boolean {
  for (const [, , cell] of sheet.cellsIn(box)) if (!isBlankCell(cell)) return false;
  return true;
}

export function addTable(
  model: WorkbookState,
  sheet: SheetModel,
  box: CellBox,
  hasHeaders: boolean,
  location: string
): TableModel {
  model.assertCanEdit(sheet, location);
  if (model.tablesOn(sheet).some((t) => boxesOverlap(tableBox(t), box))) {
    throw invalidOperation("A table can't overlap another table.", location);
  }
  let bodyRows: number;
  if (hasHeaders) {
    // A header row alone still gets one (empty) data row, as in Excel.
    bodyRows = Math.max(1, boxRows(box) - 1);
  } else {
    // Excel adds a header row above the data and shifts the data down one row.
    moveDown(model, sheet, { ...box, lastRow: Math.max(box.lastRow, sheet.maxRow) }, 1);
    bodyRows = boxRows(box);
  }
  const raw: string[] = [];
  for (let col = box.col; col <= box.lastCol; col++) {
    const cell = hasHeaders ? sheet.cell(box.row, col) : undefined;
    raw.push(cell && !isBlankCell(cell) ? String(cell.value) : "");
  }
  const names = uniqueColumnNames(raw);
  let n = 1;
  while (model.findTable(`Table${n}`)) n++;
  const table: TableModel = {
    id: model.nextId++,
    name: `Table${n}`,
    sheet,
    top: box.row,
    left: box.col,
    columns: names.map((name) => ({ name })),
    bodyRows,
    showTotals: false,
    style: DEFAULT_TABLE_STYLE,
  };
  writeHeaders(model, table);
  model.tables = [...model.tables, table];
  model.changed = true;
  return table;
}

/** Header cells always hold the column names, as text. */
function writeHeaders(model: WorkbookState, table: TableModel): void {
  table.columns.forEach((column, i) => {
    const old = table.sheet.cell(table.top, table.left + i);
    if (old && old.formula === undefined && old.value === column.name) return;
    model.putCell(table.sheet, table.top, table.left + i, {
      value: column.name,
      numberFormat: old?.numberFormat,
      bold: old?.bold,
    });
  });
}

export function renameTable(
  model: WorkbookState,
  table: TableModel,
  name: string,
  location: string
): void {
  model.assertCanEdit(table.sheet, location);
  const problem = tableNameProblem(name);
  if (problem) throw invalidArgument(problem, location);
  const clash = model.findTable(name);
  if (clash && clash !== table) {
    throw new MemoryExcelError(
      "ItemAlreadyExists",
      `A table named "${name}" already exists in this workbook.`,
      location
    );
  }
  const from = table.name;
  table.name = name;
  model.renameInFormulas({ kind: "table", from, to: name });
  model.dirty = true;
  model.changed = true;
}

export function setShowTotals(
  model: WorkbookState,
  table: TableModel,
  show: boolean,
  location: string
): void {
  if (table.showTotals === show) return;
  model.assertCanEdit(table.sheet, location);
  const row = table.top + table.bodyRows + 1;
  const totals: CellBox = {
    row,
    col: table.left,
    lastRow: row,
    lastCol: table.left + table.columns.length - 1,
  };
  if (show) {
    if (
      !blockIsEmpty(table.sheet, totals) ||
      model.tablesOn(table.sheet).some((t) => t !== table && boxesOverlap(tableBox(t), totals))
    ) {
      throw conflict(
        `The totals row of ${table.name} would write over cells that aren't empty.`,
        location
      );
    }
    table.showTotals = true;
    // Excel's default totals row: a label in the first column and a sum under the last.
    model.putCell(table.sheet, row, table.left, { value: "Total" });
    if (table.columns.length > 1) {
      const last = table.columns[table.columns.length - 1].name;
      model.putCell(table.sheet, row, totals.lastCol, {
        value: 0,
        formula: `=SUBTOTAL(109,[${escapeColumn(last)}])`,
      });
    }
  } else {
    for (const [r, c] of [...table.sheet.cellsIn(totals)])
      model.putCell(table.sheet, r, c, undefined);
    table.showTotals = false;
  }
  model.changed = true;
}

export function escapeColumn(name: string): string {
  return name.replace(/['[\]#]/g, "'$&");
}

export function setTableStyle(
  model: WorkbookState,
  table: TableModel,
  style: string,
  location: string
): void {
  model.assertCanEdit(table.sheet, location);
  table.style = style;
  model.changed = true;
}

/**
 * TableRowCollection.add: rows go in at `index` (null: at the end); cells below the table in its
 * columns must be empty, since the memory workbook won't push other content down (Excel refuses when
 * that would disturb another table). Calculated columns, number formats and validation lists of the
 * table's columns carry on into the new rows, as in Excel.
 */
export function addTableRows(
  model: WorkbookState,
  table: TableModel,
  index: number | null | undefined,
  values: unknown,
  location: string
): { firstRow: number; count: number } {
  model.assertCanEdit(table.sheet, location);
  const width = table.columns.length;
  let rows: unknown[][];
  if (values === undefined || values === null) rows = [new Array(width).fill(null)];
  else if (
    Array.isArray(values) &&
    values.length > 0 &&
    values.every((r) => Array.isArray(r) && r.length === width)
  ) {
    rows = values as unknown[][];
  } else {
    throw invalidArgument(
      `Each row added to ${table.name} must have ${width} values (one per column), in a 2-D array.`,
      location
    );
  }
  const at = index === null || index === undefined ? table.bodyRows : index;
  if (!Number.isInteger(at) || at < 0 || at > table.bodyRows) {
    throw invalidArgument(
      `Row position ${String(index)} is outside ${table.name} (0 to ${table.bodyRows}).`,
      location
    );
  }
  const count = rows.length;
  const whole = tableBox(table);
  const below: CellBox = {
    row: whole.lastRow + 1,
    col: whole.col,
    lastRow: whole.lastRow + count,
    lastCol: whole.lastCol,
  };
  if (
    !blockIsEmpty(table.sheet, below) ||
    model.tablesOn(table.sheet).some((t) => t !== table && boxesOverlap(tableBox(t), below))
  ) {
    throw conflict(
      `Adding ${count} row${count === 1 ? "" : "s"} to ${table.name} would push cells below the table that aren't empty.`,
      location
    );
  }
  const firstRow = table.top + 1 + at;
  moveDown(
    model,
    table.sheet,
    {
      row: firstRow,
      col: whole.col,
      lastRow: whole.lastRow,
      lastCol: whole.lastCol,
    },
    count
  );
  const body = bodyBox(table);
  // The body row whose formats the new rows take: the one above, or the first when adding at the top.
  const modelRow = at > 0 ? firstRow - 1 : firstRow + count;
  for (let k = 0; k < count; k++) {
    const row = firstRow + k;
    table.columns.forEach((column, j) => {
      const col = table.left + j;
      const entry = rows[k][j];
      const format = model.hasSheet(table.sheet)
        ? table.sheet.cell(modelRow, col)?.numberFormat
        : undefined;
      if ((entry === null || entry === undefined || entry === "") && column.calculatedFormula) {
        model.putCell(table.sheet, row, col, {
          value: 0,
          formula: model.formulas.shift(column.calculatedFormula, row - body.row, 0),
          numberFormat: format,
        });
        return;
      }
      if (entry === null || entry === undefined) {
        if (format)
          model.putCell(table.sheet, row, col, {
            value: "",
            numberFormat: format,
          });
        return;
      }
      const content = contentFromEntry(entry, format, location);
      model.checkFormula(content.formula, location);
      model.putCell(table.sheet, row, col, {
        ...content,
        numberFormat: format,
      });
    });
  }
  // Validation rules covering the column down to the insertion point grow with it; rules below move down.
  table.sheet.validations = table.sheet.validations.map((v) => {
    if (v.box.col < whole.col || v.box.lastCol > whole.lastCol) return v;
    if (v.box.row >= firstRow)
      return {
        ...v,
        box: {
          ...v.box,
          row: v.box.row + count,
          lastRow: v.box.lastRow + count,
        },
      };
    if (v.box.lastRow >= firstRow - 1 && v.box.row > table.top)
      return { ...v, box: { ...v.box, lastRow: v.box.lastRow + count } };
    return v;
  });
  table.bodyRows += count;
  model.changed = true;
  return { firstRow, count };
}

export function deleteTable(model: WorkbookState, table: TableModel, location: string): void {
  model.assertCanEdit(table.sheet, location);
  const box = tableBox(table);
  for (const [row, col] of [...table.sheet.cellsIn(box)])
    model.putCell(table.sheet, row, col, undefined);
  table.sheet.validations = table.sheet.validations.filter((v) => !boxesOverlap(v.box, box));
  model.tables = model.tables.filter((t) => t !== table);
  model.changed = true;
}

/** A column is calculated when every data cell holds the same formula (relative references moving with the row). */
function calculatedFormulaOf(
  model: WorkbookState,
  table: TableModel,
  j: number
): string | undefined {
  const col = table.left + j;
  const body = bodyBox(table);
  const first = table.sheet.cell(body.row, col)?.formula;
  if (!first) return undefined;
  for (let row = body.row + 1; row <= body.lastRow; row++) {
    const formula = table.sheet.cell(row, col)?.formula;
    if (!formula) return undefined;
    if (formula !== first && model.formulas.shift(formula, body.row - row, 0) !== first)
      return undefined;
  }
  return first;
}

/**
 * After cells are written: header cells rename their columns; a formula written into one data cell
 * of an otherwise empty column fills the column (Excel's calculated column), and columns whose data
 * cells all share a formula are remembered as calculated so new rows get it too.
 */
export function afterCellsWritten(
  model: WorkbookState,
  sheet: SheetModel,
  box: CellBox,
  location: string
): void {
  for (const table of model.tablesOn(sheet)) {
    if (!boxesOverlap(tableBox(table), box)) continue;
    if (boxesOverlap(headerBox(table), box)) {
      const raw = table.columns.map((c, i) => {
        const cell = sheet.cell(table.top, table.left + i);
        return cell && !isBlankCell(cell) ? String(cell.value) : "";
      });
      const names = uniqueColumnNames(raw);
      table.columns = table.columns.map((c, i) => ({ ...c, name: names[i] }));
      writeHeaders(model, table);
      model.dirty = true;
    }
    const body = bodyBox(table);
    if (!boxesOverlap(body, box)) continue;
    const columns: TableColumn[] = table.columns.map((column, j) => {
      const col = table.left + j;
      if (col < box.col || col > box.lastCol) return column;
      const writtenRows = Math.min(box.lastRow, body.lastRow) - Math.max(box.row, body.row) + 1;
      if (writtenRows === 1 && table.bodyRows > 1) {
        const row = Math.max(box.row, body.row);
        const formula = sheet.cell(row, col)?.formula;
        const othersEmpty =
          formula !== undefined &&
          blockIsEmpty(sheet, {
            row: body.row,
            col,
            lastRow: row - 1,
            lastCol: col,
          }) &&
          blockIsEmpty(sheet, {
            row: row + 1,
            col,
            lastRow: body.lastRow,
            lastCol: col,
          });
        if (formula && othersEmpty) {
          for (let r = body.row; r <= body.lastRow; r++) {
            if (r === row) continue;
            const old = sheet.cell(r, col);
            model.putCell(sheet, r, col, {
              value: 0,
              formula: model.formulas.shift(formula, r - row, 0),
              numberFormat: old?.numberFormat,
              bold: old?.bold,
            });
          }
        }
      }
      return { ...column, calculatedFormula: calculatedFormulaOf(model, table, j) };
    });
    table.columns = columns;
  }
  void location;
}
