/**
 * Undo of the last insertion, in one step: deletes the sheets it added, the table rows it appended and
 * the tables it created on existing sheets, and puts back the blank row it filled. Two syncs: what is
 * still there, then every change at once.
 */
import { toWorkbookActionError, WorkbookActionError } from "./errors";
import type { InsertionRecord } from "./record";

export async function removeInsertion(context: Excel.RequestContext, record: InsertionRecord): Promise<void> {
  try {
    const workbook = context.workbook;
    const sheetsTouched = [
      ...new Set([...record.tableRowsAdded.map((r) => r.sheet), ...record.tablesAdded.map((t) => t.sheet), ...record.rowsFilled.map((r) => r.sheet)]),
    ];
    // Sync 1: which of the added sheets and tables are still there, and whether the sheets we change are protected.
    const added = record.sheetsAdded.map((name) => ({ name, sheet: workbook.worksheets.getItemOrNullObject(name).load("name") }));
    const touched = sheetsTouched.map((name) => {
      const sheet = workbook.worksheets.getItemOrNullObject(name).load("name");
      return { name, sheet };
    });
    await context.sync();
    const protection = touched.map(({ sheet }) => (sheet.isNullObject ? undefined : sheet.protection.load("protected")));
    const tables = record.tablesAdded.map((t) => ({ ...t, table: workbook.tables.getItemOrNullObject(t.table).load("name") }));
    await context.sync();

    touched.forEach(({ name }, i) => {
      if (protection[i]?.protected) {
        throw new WorkbookActionError(`The sheet "${name}" is protected, so the insertion was not removed. Unprotect it (Review > Unprotect Sheet) and try again.`);
      }
    });
    const present = new Set(touched.filter((t) => !t.sheet.isNullObject).map((t) => t.name));

    // Sync 3: the changes. Rows are deleted bottom-up so earlier records' positions stay valid.
    workbook.application.suspendApiCalculationUntilNextSync();
    const rows = [...record.tableRowsAdded].filter((r) => present.has(r.sheet)).sort((a, b) => b.firstRow - a.firstRow);
    for (const r of rows) {
      workbook.worksheets.getItem(r.sheet).getRangeByIndexes(r.firstRow, r.firstColumn, r.rowCount, r.columnCount).delete("Up");
    }
    for (const filled of record.rowsFilled) {
      if (present.has(filled.sheet)) workbook.worksheets.getItem(filled.sheet).getRange(filled.address).formulas = filled.previous;
    }
    for (const t of tables) {
      if (!t.table.isNullObject) t.table.delete();
      if (present.has(t.sheet)) workbook.worksheets.getItem(t.sheet).getRange(t.address).clear("All");
    }
    for (const { sheet } of added) if (!sheet.isNullObject) sheet.delete();
    await context.sync();
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}
