/**
 * Clean-up after a write sync that Excel refused. Excel does not roll a failed batch back: what was
 * queued before the refused operation stays applied, so a failed insertion could leave new sheets, a
 * lists sheet or half-written table rows behind. This takes out what the record says was queued, in two
 * syncs (what of it is there; the deletions), and only what is certainly the add-in's: sheets whose
 * names were free before the call, tables on a sheet that were not there before (or, lacking that list,
 * the table it named), rows inside the table whose first column still shows the scheme IDs it wrote.
 * Best effort: it never throws, so the caller can report the original error.
 */
import type { InsertionRecord } from "./record";

export async function undoFailedWrite(
  context: Excel.RequestContext,
  record: InsertionRecord,
  /** By sheet, the tables there before the call: a table Excel added but refused to rename has its default name. */
  tablesBefore: Record<string, string[]> = {}
): Promise<void> {
  try {
    const { workbook } = context;
    // Sync 1: which of the queued sheets, tables and rows exist.
    const sheets = record.sheetsAdded.map((name) => workbook.worksheets.getItemOrNullObject(name));
    const tables = record.tablesAdded.map((t) => ({
      t,
      table: workbook.tables.getItemOrNullObject(t.table),
      onSheet: tablesBefore[t.sheet]
        ? workbook.worksheets.getItem(t.sheet).tables.load("items/name")
        : undefined,
    }));
    const rows = record.tableRowsAdded.map((r) => ({
      r,
      body: workbook.tables.getItem(r.table).getDataBodyRange().load("rowIndex,rowCount"),
      ids: workbook.worksheets
        .getItem(r.sheet)
        .getRangeByIndexes(r.firstRow, r.firstColumn, r.rowCount, 1)
        .load("values"),
    }));
    const filled = record.rowsFilled.map((f) => ({
      f,
      cell: workbook.worksheets.getItem(f.sheet).getRange(f.address).getCell(0, 0).load("values"),
    }));
    await context.sync();

    // Sync 2: the deletions. New sheets first: on a sheet Excel now refuses, later steps would fail too.
    for (const sheet of sheets) if (!sheet.isNullObject) sheet.delete();
    const added = rows
      .filter(
        ({ r, body, ids }) =>
          r.firstRow >= body.rowIndex &&
          r.firstRow + r.rowCount <= body.rowIndex + body.rowCount &&
          ids.values.every((row, i) => String(row[0]) === r.firstColumnValues?.[i])
      )
      .map(({ r }) => r)
      .sort((a, b) => b.firstRow - a.firstRow);
    for (const r of added) {
      workbook.worksheets
        .getItem(r.sheet)
        .getRangeByIndexes(r.firstRow, r.firstColumn, r.rowCount, r.columnCount)
        .delete("Up");
    }
    for (const { f, cell } of filled) {
      if (String(cell.values[0][0]) === f.filledWith)
        workbook.worksheets.getItem(f.sheet).getRange(f.address).formulas = f.previous;
    }
    // A table over cells that were empty (checked before writing): its header may be written even if
    // the table itself was refused, so the cells are cleared either way.
    for (const { t, table, onSheet } of tables) {
      const before = new Set(tablesBefore[t.sheet]?.map((n) => n.toLowerCase()));
      if (onSheet) {
        for (const item of onSheet.items) if (!before.has(item.name.toLowerCase())) item.delete();
      } else if (!table.isNullObject) table.delete();
      workbook.worksheets.getItem(t.sheet).getRange(t.address).clear("All");
    }
    await context.sync();
  } catch {
    // The original error is what the user needs to see; a failed clean-up adds nothing they can act on.
  }
}
