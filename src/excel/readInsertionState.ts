/**
 * Reads what the workbook holds now of the things an insertion record names, by Excel's ids, for the
 * removal planner (src/core/undo). Three syncs whatever the record's size: which sheets and tables are
 * still there; their protection, sizes, the recorded table and cell areas and charts; the cells to
 * compare and the charts' titles. A sheet or
 * table larger than MAX_COMPARE_CELLS is not read (the planner keeps it).
 */
import {
  type CellBox,
  type CellPrints,
  type ChartNow,
  type InsertionRecord,
  printCells,
  type SheetNow,
  type TableNow,
  type WorkbookNow,
} from "../core/undo";

/**
 * Cells read to compare one sheet or table: far more than the add-in writes (a plan is a few hundred
 * cells, 500 templates some 26,000), and at some 40 bytes a cell well under Excel on the web's 5 MB.
 */
export const MAX_COMPARE_CELLS = 40_000;

interface Dimensions {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

const boxOf = (r: Dimensions): CellBox => ({
  row: r.rowIndex,
  col: r.columnIndex,
  lastRow: r.rowIndex + r.rowCount - 1,
  lastCol: r.columnIndex + r.columnCount - 1,
});

export async function readInsertionState(
  context: Excel.RequestContext,
  record: InsertionRecord
): Promise<WorkbookNow> {
  const { workbook } = context;
  const sheetIds = [
    ...new Set([
      ...record.sheets.map((s) => s.id),
      ...record.tables.map((t) => t.sheetId),
      ...record.rows.map((r) => r.sheetId),
      ...record.filled.map((f) => f.sheetId),
      ...(record.cells ?? []).map((c) => c.sheetId),
      ...(record.charts ?? []).map((c) => c.sheetId),
    ]),
  ].filter(Boolean);
  const tableIds = [
    ...new Set([
      ...record.tables.map((t) => t.id),
      ...record.rows.map((r) => r.tableId),
      ...record.filled.map((f) => f.tableId),
    ]),
  ].filter(Boolean);
  const madeSheets = new Set(record.sheets.map((s) => s.id));

  // Sync 1: which of them are still there (by id: a renamed sheet is still found, a namesake is not).
  const all = workbook.worksheets.load("items/id,visibility");
  const sheets = sheetIds.map((id) => ({
    id,
    sheet: workbook.worksheets.getItemOrNullObject(id).load("name,id"),
  }));
  const tables = tableIds.map((id) => ({
    id,
    table: workbook.tables.getItemOrNullObject(id).load("name,id"),
  }));
  await context.sync();

  // Sync 2: protection, how much there is to compare, and the recorded table areas.
  const presentSheets = sheets
    .filter((s) => !s.sheet.isNullObject)
    .map((s) => ({
      ...s,
      protection: s.sheet.protection.load("protected"),
      used: madeSheets.has(s.id)
        ? s.sheet.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount")
        : undefined,
      charts: record.charts && madeSheets.has(s.id) ? s.sheet.charts.load("count") : undefined,
    }));
  const present = new Map(presentSheets.map((s) => [s.id, s]));
  const presentTables = tables
    .filter((t) => !t.table.isNullObject)
    .map((t) => ({
      ...t,
      worksheet: t.table.worksheet.load("id"),
      range: t.table.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
      body: t.table.getDataBodyRange().load("rowIndex,rowCount"),
    }));
  const areas = record.tables.map((t) => {
    const sheet = present.get(t.sheetId);
    return sheet
      ? sheet.sheet
          .getRangeByIndexes(
            t.box.row,
            t.box.col,
            t.box.lastRow - t.box.row + 1,
            t.box.lastCol - t.box.col + 1
          )
          .load("formulas")
      : undefined;
  });
  const blockAreas = (record.cells ?? []).map((c) =>
    present
      .get(c.sheetId)
      ?.sheet.getRangeByIndexes(
        c.box.row,
        c.box.col,
        c.box.lastRow - c.box.row + 1,
        c.box.lastCol - c.box.col + 1
      )
      .load("formulas")
  );
  // A chart by the name it was given, on its sheet; the id tells it from one the user named the same.
  const charts = (record.charts ?? []).map((c) =>
    present.get(c.sheetId)?.sheet.charts.getItemOrNullObject(c.name).load("id,name,chartType")
  );
  await context.sync();

  // Sync 3: the cells to compare, where there are not too many.
  const sheetCells = presentSheets.map((s) => {
    if (!s.used || s.used.isNullObject) return { s, range: undefined, empty: !!s.used };
    const fits = s.used.rowCount * s.used.columnCount <= MAX_COMPARE_CELLS;
    return {
      s,
      range: fits
        ? s.sheet
            .getRangeByIndexes(
              s.used.rowIndex,
              s.used.columnIndex,
              s.used.rowCount,
              s.used.columnCount
            )
            .load("formulas")
        : undefined,
      empty: false,
    };
  });
  // A chart's title only once it is known to be there: a null object's parts are not to be loaded.
  const titles = charts.map((chart) =>
    chart && !chart.isNullObject ? chart.title.load("text") : undefined
  );
  const tableCells = presentTables.map((t) =>
    t.range.rowCount * t.range.columnCount <= MAX_COMPARE_CELLS
      ? t.table.getRange().load("formulas")
      : undefined
  );
  await context.sync();

  const sheetsNow: SheetNow[] = sheetCells.map(({ s, range, empty }) => {
    let cells: CellPrints | undefined;
    if (!madeSheets.has(s.id)) cells = {};
    else if (empty) cells = {};
    else if (range) cells = printCells(range.formulas, s.used!.rowIndex, s.used!.columnIndex);
    const sheet: SheetNow = {
      id: s.id,
      name: s.sheet.name,
      protected: s.protection.protected,
      cells,
    };
    if (s.charts) sheet.charts = s.charts.count;
    return sheet;
  });
  const tablesNow: TableNow[] = [];
  presentTables.forEach((t, i) => {
    const formulas = tableCells[i];
    tablesNow.push({
      id: t.id,
      name: t.table.name,
      sheetId: t.worksheet.id,
      box: boxOf(t.range),
      bodyRow: t.body.rowIndex,
      bodyRows: t.body.rowCount,
      cells: formulas && printCells(formulas.formulas, t.range.rowIndex, t.range.columnIndex),
    });
  });
  const tableAreas = record.tables.map((t, i) =>
    areas[i] ? printCells(areas[i]!.formulas, t.box.row, t.box.col) : {}
  );
  const visibleSheetIds = all.items.filter((s) => s.visibility === "Visible").map((s) => s.id);
  const cellAreas = (record.cells ?? []).map((c, i) => {
    const area = blockAreas[i];
    return area ? printCells(area.formulas, c.box.row, c.box.col) : {};
  });
  const chartsNow = (record.charts ?? []).map((c, i): ChartNow | undefined => {
    const chart = charts[i];
    const title = titles[i];
    if (!chart || !title || (c.id && chart.id !== c.id)) return undefined;
    return {
      id: chart.id,
      name: chart.name,
      sheetId: c.sheetId,
      type: chart.chartType,
      title: title.text,
    };
  });
  return {
    sheets: sheetsNow,
    tables: tablesNow,
    tableAreas,
    visibleSheetIds,
    cellAreas,
    charts: chartsNow,
  };
}
