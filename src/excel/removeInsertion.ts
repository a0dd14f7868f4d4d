/**
 * Undo of the last insertion, in one step: deletes the sheets it added, the table rows it appended and
 * the tables it created on existing sheets, and puts back the blank row it filled. Three syncs: what is
 * still there; whether it is protected and the added rows are where they were put; every change at once.
 * Rows that have moved or changed since are never deleted: the undo is refused instead.
 */
import { toWorkbookActionError, WorkbookActionError } from "./errors";
import type { InsertionRecord } from "./record";

export async function removeInsertion(
  context: Excel.RequestContext,
  record: InsertionRecord
): Promise<void> {
  try {
    const workbook = context.workbook;
    const sheetsTouched = [
      ...new Set([
        ...record.tableRowsAdded.map((r) => r.sheet),
        ...record.tablesAdded.map((t) => t.sheet),
        ...record.rowsFilled.map((r) => r.sheet),
      ]),
    ];
    // Sync 1: which of the added sheets and tables are still there, and whether the sheets we change are protected.
    const added = record.sheetsAdded.map((name) => ({
      name,
      sheet: workbook.worksheets.getItemOrNullObject(name).load("name"),
    }));
    const touched = sheetsTouched.map((name) => {
      const sheet = workbook.worksheets.getItemOrNullObject(name).load("name");
      return { name, sheet };
    });
    await context.sync();
    const protection = touched.map(({ sheet }) =>
      sheet.isNullObject ? undefined : sheet.protection.load("protected")
    );
    const tables = record.tablesAdded.map((t) => ({
      ...t,
      table: workbook.tables.getItemOrNullObject(t.table).load("name"),
    }));
    const present = new Set(touched.filter((t) => !t.sheet.isNullObject).map((t) => t.name));
    // The first column of the rows to delete or restore: they must still be the rows the insertion wrote.
    const rowsNow = record.tableRowsAdded
      .filter((r) => present.has(r.sheet) && r.firstColumnValues)
      .map((r) => ({
        r,
        ids: workbook.worksheets
          .getItem(r.sheet)
          .getRangeByIndexes(r.firstRow, r.firstColumn, r.rowCount, 1)
          .load("values"),
      }));
    const filledNow = record.rowsFilled
      .filter((f) => present.has(f.sheet) && f.filledWith !== undefined)
      .map((f) => ({
        f,
        cell: workbook.worksheets.getItem(f.sheet).getRange(f.address).getCell(0, 0).load("values"),
      }));
    await context.sync();

    touched.forEach(({ name }, i) => {
      if (protection[i]?.protected) {
        throw new WorkbookActionError(
          `The sheet "${name}" is protected, so the insertion was not removed. Unprotect it (Review > Unprotect Sheet) and try again.`
        );
      }
    });
    const moved = (sheet: string) =>
      new WorkbookActionError(
        `The rows the add-in inserted on "${sheet}" have been moved or changed since, so nothing was removed. Delete them by hand if you still want them gone.`
      );
    for (const { r, ids } of rowsNow) {
      if (ids.values.some((row, i) => String(row[0]) !== r.firstColumnValues![i]))
        throw moved(r.sheet);
    }
    for (const { f, cell } of filledNow) {
      if (String(cell.values[0][0]) !== f.filledWith) throw moved(f.sheet);
    }

    // Sync 3: the changes. Rows are deleted bottom-up so earlier records' positions stay valid.
    workbook.application.suspendApiCalculationUntilNextSync();
    const rows = [...record.tableRowsAdded]
      .filter((r) => present.has(r.sheet))
      .sort((a, b) => b.firstRow - a.firstRow);
    for (const r of rows) {
      workbook.worksheets
        .getItem(r.sheet)
        .getRangeByIndexes(r.firstRow, r.firstColumn, r.rowCount, r.columnCount)
        .delete("Up");
    }
    for (const filled of record.rowsFilled) {
      if (present.has(filled.sheet))
        workbook.worksheets.getItem(filled.sheet).getRange(filled.address).formulas =
          filled.previous;
    }
    for (const t of tables) {
      if (!t.table.isNullObject) t.table.delete();
      if (present.has(t.sheet))
        workbook.worksheets.getItem(t.sheet).getRange(t.address).clear("All");
    }
    for (const { sheet } of added) if (!sheet.isNullObject) sheet.delete();
    await context.sync();
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}
