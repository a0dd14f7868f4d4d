/**
 * Inserting scheme templates: rows into the expenditure table (and the targets table), in at most four
 * context.sync() calls whatever the number of rows: 1) what exists, 2) where it is and what is in the
 * way, 3) only when sheets are new, adding them (addSheets), 4) every write at once, reading back what
 * was written for the undo record. If Excel refuses part of the writes, what went in before the refusal
 * and is certainly this call's is taken out again (undoFailedWrite) before the error is reported.
 */
import {
  EXPENDITURE_COLUMNS,
  EXPENDITURE_TABLE,
  expenditureNeedsListsSheet,
  expenditureRows,
  listsSheetCells,
  PLAN_SHEETS,
  type PlanCell,
  TARGET_COLUMNS,
  TARGETS_TABLE,
  targetRows,
  VALIDATION_LISTS,
  validationSource,
} from "../core/plan";
import { cellInTheWay, insertionMessage, reusesBlankRow } from "../core/plan/insertion";
import { blockAddress } from "../core/plan/skeleton";
import type { SchemeTemplate } from "../core/templates/types";
import { toWorkbookActionError, WorkbookActionError } from "./errors";
import {
  emptyRecord,
  type InsertionRecord,
  printCells,
  printRows,
  type RowFilled,
  type RowsMade,
  type SheetMade,
  type TableMade,
} from "../core/undo";
import { addSheets } from "./addSheets";
import { type InsertionResult, splitSheetAddress, uniqueSheetName } from "./record";
import { refusedWriteError, undoFailedWrite } from "./undoFailedWrite";

interface Destination {
  tableName: string;
  sheetBase: string;
  columns: readonly string[];
  /** Whether the table has a totals row, and what it holds. */
  totals?: PlanCell[];
  /** Column index → validation list, for the columns with a drop-down. */
  validations: Array<{
    column: number;
    listColumn: (typeof VALIDATION_LISTS)[number]["column"];
  }>;
  rowCount: number;
}

/** What the first sync learns about a destination table. */
interface Probe {
  table: Excel.Table;
  tableRange?: Excel.Range;
  header?: Excel.Range;
  body?: Excel.Range;
  /** The table's first column (scheme IDs to continue from). */
  ids?: Excel.Range;
  /** The first data row: blank (but for calculated columns) in the one row a new table keeps. */
  firstRow?: Excel.Range;
  sheet?: Excel.Worksheet;
  area?: Excel.Range;
  /** The tables already on that sheet: after a refused write, any other one there is this call's. */
  tables?: Excel.TableCollection;
  /** The sheet the table is on (its id, for the record). */
  tableSheet?: Excel.Worksheet;
}

/** Where the rows go, once the workbook has been looked at. */
type Placement =
  | {
      mode: "append";
      sheet: string;
      firstRow: number;
      firstColumn: number;
      reuseBlankRow: boolean;
      /** What the reused blank row held, to put back on undo. */
      previous?: PlanCell[];
    }
  | { mode: "create"; sheet: string; sheetExists: boolean };

const EXPENDITURE: Omit<Destination, "rowCount"> = {
  tableName: EXPENDITURE_TABLE,
  sheetBase: PLAN_SHEETS.expenditure,
  columns: EXPENDITURE_COLUMNS,
  validations: VALIDATION_LISTS.map((l) => ({
    column: EXPENDITURE_COLUMNS.indexOf(l.column),
    listColumn: l.column,
  })),
};

const TARGETS: Omit<Destination, "rowCount"> = {
  tableName: TARGETS_TABLE,
  sheetBase: PLAN_SHEETS.targets,
  columns: TARGET_COLUMNS,
  validations: [],
};

function sameNames(a: readonly unknown[], b: readonly string[]): boolean {
  return (
    a.length === b.length &&
    a.every((v, i) => String(v).trim().toLowerCase() === b[i].toLowerCase())
  );
}

/** Queues the loads that say where a destination's rows would go (sync 2). */
function queueProbe(
  context: Excel.RequestContext,
  table: Excel.Table,
  dest: Destination,
  sheetNames: string[]
): Probe {
  if (!table.isNullObject) {
    const tableRange = table.getRange().load("address,rowIndex,columnIndex,rowCount,columnCount");
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load("rowCount");
    const ids = table.columns.getItem(dest.columns[0]).getDataBodyRange().load("values");
    const firstRow = table
      .getDataBodyRange()
      .getCell(0, 0)
      .getResizedRange(0, dest.columns.length - 1)
      .load("formulas");
    const tableSheet = table.worksheet.load("id");
    return { table, tableRange, header, body, ids, firstRow, tableSheet };
  }
  const existing = sheetNames.find((n) => n.toLowerCase() === dest.sheetBase.toLowerCase());
  if (existing === undefined) return { table };
  const sheet = context.workbook.worksheets.getItem(existing);
  // Header, rows and totals row: every cell must be empty before anything is written there.
  const height = 1 + dest.rowCount + (dest.totals ? 1 : 0);
  const area = sheet.getRange(blockAddress(height, dest.columns.length)).load("formulas");
  return { table, sheet, area, tables: sheet.tables.load("items/name,id") };
}

/** Decides where the rows go from what sync 2 loaded; throws (nothing written) if anything is in the way. */
function place(dest: Destination, probe: Probe, sheetNames: string[]): Placement {
  if (probe.tableRange && probe.header && probe.body) {
    if (!sameNames(probe.header.values[0], dest.columns)) {
      throw new WorkbookActionError(
        `The table ${dest.tableName} does not have the columns the add-in writes (${dest.columns.join(", ")}), so nothing was inserted. Rename that table and try again.`
      );
    }
    const { sheet } = splitSheetAddress(probe.tableRange.address);
    return {
      mode: "append",
      sheet,
      firstRow: probe.tableRange.rowIndex + 1 + probe.body.rowCount,
      firstColumn: probe.tableRange.columnIndex,
      reuseBlankRow: false,
    };
  }
  if (probe.area && probe.sheet) {
    const sheet = sheetNames.find((n) => n.toLowerCase() === dest.sheetBase.toLowerCase())!;
    const blocked = cellInTheWay(sheet, dest.tableName, probe.area.formulas);
    if (blocked) throw new WorkbookActionError(blocked);
    return { mode: "create", sheet, sheetExists: true };
  }
  return { mode: "create", sheet: dest.sheetBase, sheetExists: false };
}

/**
 * Inserts `templates` into the workbook: their expenditure rows into BCF_Expenditure (created on a sheet
 * "Expenditure" if absent), their activity targets into BCF_Targets. Never writes over a non-empty cell
 * or into a protected sheet: the workbook is left as it was and the error says why in plain English.
 */
export async function insertTemplates(
  context: Excel.RequestContext,
  templates: SchemeTemplate[]
): Promise<InsertionResult> {
  if (templates.length === 0)
    throw new WorkbookActionError("Choose at least one template to insert.");
  try {
    const workbook = context.workbook;
    const draft = expenditureRows(templates);
    const expDest: Destination = {
      ...EXPENDITURE,
      totals: draft.totals,
      rowCount: draft.formulas.length,
    };
    const targetCount = templates.reduce((n, t) => n + t.targets.length, 0);
    const tgtDest: Destination = { ...TARGETS, rowCount: targetCount };

    // Sync 1: which sheets and tables exist.
    const worksheets = workbook.worksheets.load("items/name,items/id,items/visibility");
    const expTable = workbook.tables.getItemOrNullObject(EXPENDITURE_TABLE).load("name,id");
    const tgtTable = targetCount
      ? workbook.tables.getItemOrNullObject(TARGETS_TABLE).load("name,id")
      : undefined;
    await context.sync();

    // Sync 2: where the tables are, what is in the way, which sheets are protected.
    const sheetNames = worksheets.items.map((s) => s.name);
    // Every sheet's protection: which sheet holds a table is only known once this sync has run.
    const protection = worksheets.items.map((s) => s.protection.load("protected"));
    const expProbe = queueProbe(context, expTable, expDest, sheetNames);
    const tgtProbe = tgtTable ? queueProbe(context, tgtTable, tgtDest, sheetNames) : undefined;
    const needsLists = expenditureNeedsListsSheet();
    const listsName = sheetNames.find((n) => n.toLowerCase() === PLAN_SHEETS.lists.toLowerCase());
    const listsHeading =
      needsLists && listsName
        ? workbook.worksheets.getItem(listsName).getRange("A1").load("values")
        : undefined;
    try {
      await context.sync();
    } catch (e) {
      // Every sheet loaded here was just listed: a missing item is a column of a table the add-in named.
      const missing = (e as { code?: string }).code === "ItemNotFound";
      const table = !expTable.isNullObject
        ? EXPENDITURE_TABLE
        : tgtTable && !tgtTable.isNullObject
          ? TARGETS_TABLE
          : undefined;
      if (missing && table) {
        const columns = table === EXPENDITURE_TABLE ? EXPENDITURE_COLUMNS : TARGET_COLUMNS;
        throw new WorkbookActionError(
          `The table ${table} does not have the columns the add-in writes (${columns.join(", ")}), so nothing was inserted. Rename that table and try again.`,
          e
        );
      }
      throw e;
    }

    const expPlace = place(expDest, expProbe, sheetNames);
    const tgtPlace = tgtProbe ? place(tgtDest, tgtProbe, sheetNames) : undefined;
    const protectedSheets = new Set(
      sheetNames.filter((_, i) => protection[i].protected).map((n) => n.toLowerCase())
    );
    for (const p of [expPlace, tgtPlace]) {
      if (
        p &&
        (p.mode === "append" || p.sheetExists) &&
        protectedSheets.has(p.sheet.toLowerCase())
      ) {
        throw new WorkbookActionError(
          `The sheet "${p.sheet}" is protected, so nothing was inserted. Unprotect it (Review > Unprotect Sheet) and try again.`
        );
      }
    }

    // The scheme IDs continue after those already in the table; a lone blank row (a new table's) is filled first.
    let existingIds: unknown[] = [];
    if (expPlace.mode === "append") existingIds = expProbe.ids!.values.map((r) => r[0]);
    for (const [placement, probe] of [
      [expPlace, expProbe],
      [tgtPlace, tgtProbe],
    ] as const) {
      if (placement?.mode !== "append" || !probe?.body || !probe.firstRow) continue;
      const [cells] = probe.firstRow.formulas;
      placement.reuseBlankRow = reusesBlankRow(probe.body.rowCount, cells);
      if (placement.reuseBlankRow) {
        placement.firstRow -= 1;
        placement.previous = cells as PlanCell[];
      }
    }
    const expenditure = expenditureRows(templates, existingIds);
    const targets = targetRows(templates, expenditure.schemeIds);

    const record = emptyRecord("templates");
    const taken = [...sheetNames];
    let listsSheet: string = PLAN_SHEETS.lists;
    const listsIsOurs =
      listsHeading !== undefined && listsHeading.values[0][0] === listsSheetCells()[0][0];
    if (needsLists && listsIsOurs) listsSheet = listsName!;
    else if (needsLists) {
      listsSheet = uniqueSheetName(PLAN_SHEETS.lists, [
        ...taken,
        expPlace.sheet,
        tgtPlace?.sheet ?? "",
      ]);
    }
    const sources = new Map(
      expDest.validations.map((v) => [v.column, validationSource(v.listColumn, listsSheet)])
    );

    // Sync 3 (only when sheets are new): the new sheets, added so that a refusal can never be confused
    // with someone else's sheet. The lists sheet first: a validation may only refer to a sheet that exists.
    const newSheets = [
      ...(needsLists && !listsIsOurs ? [listsSheet] : []),
      ...[expPlace, tgtPlace && targets.formulas.length ? tgtPlace : undefined]
        .filter((p): p is Placement => p?.mode === "create" && !p.sheetExists)
        .map((p) => p.sheet),
    ];
    const added = await addSheets(context, newSheets);
    const sheetIds = new Map<string, string>(
      worksheets.items.map((sheet) => [sheet.name.toLowerCase(), sheet.id])
    );
    for (const sheet of added) sheetIds.set(sheet.name.toLowerCase(), sheet.id);
    const idOf = (name: string) => sheetIds.get(name.toLowerCase())!;

    // Sync 4: every write, calculation held until the sync so Excel recalculates once.
    workbook.application.suspendApiCalculationUntilNextSync();
    const readBack: Array<() => void> = [];
    if (needsLists && !listsIsOurs) {
      const cells = listsSheetCells();
      const sheet = workbook.worksheets.getItem(idOf(listsSheet));
      sheet.getRange(blockAddress(cells.length, cells[0].length)).values = cells;
      sheet.visibility = "Hidden";
      const made: SheetMade = {
        id: idOf(listsSheet),
        name: listsSheet,
        cells: printCells(cells, 0, 0),
        helper: true,
      };
      record.sheets.push(made);
      readBack.push(readSheetBack(sheet, made));
    }
    const tableIds = {
      [EXPENDITURE_TABLE]: expTable.isNullObject ? "" : expTable.id,
      [TARGETS_TABLE]: tgtTable && !tgtTable.isNullObject ? tgtTable.id : "",
    };
    const write = (
      dest: Destination,
      placement: Placement,
      probe: Probe,
      rows: { formulas: PlanCell[][]; numberFormats: string[][] },
      validationSources: Map<number, string>
    ) =>
      readBack.push(
        ...writeRows(context, {
          dest,
          placement,
          formulas: rows.formulas,
          numberFormats: rows.numberFormats,
          validationSources,
          record,
          sheetId: idOf(placement.sheet),
          tableId: tableIds[dest.tableName as keyof typeof tableIds] ?? "",
          tableSheetId: probe.tableSheet?.id,
          newSheet: newSheets.includes(placement.sheet),
        })
      );
    write(expDest, expPlace, expProbe, expenditure, sources);
    if (tgtPlace && tgtProbe && targets.formulas.length) {
      write(tgtDest, tgtPlace, tgtProbe, targets, new Map());
    }
    const hidden = worksheets.items.filter((s) => s.visibility !== "Visible").map((s) => s.name);
    selectInsertedRows(
      context,
      expPlace,
      expenditure.formulas.length,
      expDest.columns.length,
      hidden
    );
    try {
      await context.sync();
    } catch (e) {
      // Excel keeps what ran before the refused operation: take out what this call wrote.
      const tablesBefore: Record<string, string[]> = {};
      for (const [placement, probe] of [
        [expPlace, expProbe],
        [tgtPlace, tgtProbe],
      ] as const) {
        if (placement && probe?.tables)
          tablesBefore[idOf(placement.sheet)] = probe.tables.items.map((t) => t.id);
      }
      throw refusedWriteError(e, await undoFailedWrite(context, record, tablesBefore));
    }
    for (const apply of readBack) apply();

    const rows = expenditure.formulas.length;
    const message = insertionMessage({
      templates: templates.map((t) => t.name),
      rows,
      sheet: expPlace.sheet,
      schemeIds: expenditure.schemeIds,
      targets: tgtPlace && { count: targets.formulas.length, sheet: tgtPlace.sheet },
      splitNotes: expenditure.notes.length,
    });
    return {
      record,
      message,
      rowsAdded: rows + targets.formulas.length,
      sheetsAdded: record.sheets.map((sheet) => sheet.name),
      notes: expenditure.notes,
    };
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}

/**
 * Takes the person to the rows just added: selects them (which activates their sheet), queued with the
 * writes so it costs no sync. A sheet the person has hidden is left hidden and unselected.
 */
function selectInsertedRows(
  context: Excel.RequestContext,
  placement: Placement,
  rowCount: number,
  width: number,
  hiddenSheets: string[]
): void {
  if (rowCount === 0 || hiddenSheets.includes(placement.sheet)) return;
  const sheet = context.workbook.worksheets.getItem(placement.sheet);
  const [row, column] =
    placement.mode === "append" ? [placement.firstRow, placement.firstColumn] : [1, 0];
  sheet.getRangeByIndexes(row, column, rowCount, width).select();
}

/** Queues the writes of one destination (no sync): a new table, or rows appended to the existing one. */
function writeRows(context: Excel.RequestContext, options: RowsToWrite): Array<() => void> {
  const { dest, placement, formulas, numberFormats, validationSources, record } = options;
  const readBack: Array<() => void> = [];
  const width = dest.columns.length;
  let sheet: Excel.Worksheet;
  let firstRow: number;
  let firstColumn = 0;
  if (placement.mode === "create") {
    sheet = context.workbook.worksheets.getItem(options.sheetId);
    // The table first, so that the rows' structured references ([@[NHS (£)]]) resolve when written.
    sheet.getRange(blockAddress(1, width)).values = [[...dest.columns]];
    const table = sheet.tables.add(blockAddress(1 + formulas.length, width), true);
    table.name = dest.tableName;
    sheet.getRange(blockAddress(formulas.length, width, 1)).formulas = formulas;
    if (dest.totals) {
      table.showTotals = true;
      const totals = table.getTotalRowRange();
      totals.formulas = [dest.totals];
      totals.numberFormat = [numberFormats[0]];
      totals.format.font.bold = true;
    }
    sheet.getRange(blockAddress(1, width)).format.font.bold = true;
    firstRow = 1;
    const height = 1 + formulas.length + (dest.totals ? 1 : 0);
    const cells = printCells([[...dest.columns], ...formulas], 0, 0);
    if (dest.totals) printCells([dest.totals], height - 1, 0, cells);
    if (options.newSheet) {
      const made: SheetMade = { id: options.sheetId, name: placement.sheet, cells };
      record.sheets.push(made);
      readBack.push(readSheetBack(sheet, made));
    } else {
      const made: TableMade = {
        id: "",
        name: dest.tableName,
        sheetId: options.sheetId,
        sheet: placement.sheet,
        box: { row: 0, col: 0, lastRow: height - 1, lastCol: width - 1 },
        cells,
      };
      record.tables.push(made);
      table.load("id");
      const range = sheet.getRangeByIndexes(0, 0, height, width).load("formulas");
      readBack.push(() => {
        made.id = table.id;
        made.cells = printCells(range.formulas, 0, 0);
      });
    }
  } else {
    const sheetId = options.tableSheetId ?? options.sheetId;
    sheet = context.workbook.worksheets.getItem(sheetId);
    const table = context.workbook.tables.getItem(dest.tableName);
    firstRow = placement.firstRow;
    firstColumn = placement.firstColumn;
    let rest = formulas;
    const where = {
      tableId: options.tableId,
      table: dest.tableName,
      sheetId,
      sheet: placement.sheet,
      column: firstColumn,
    };
    if (placement.reuseBlankRow) {
      const range = sheet.getRangeByIndexes(firstRow, firstColumn, 1, width);
      range.formulas = [formulas[0]];
      const filled: RowFilled = {
        ...where,
        row: firstRow,
        previous: placement.previous ?? formulas[0].map(() => ""),
        written: printRows([formulas[0]])[0],
      };
      record.filled.push(filled);
      const written = sheet.getRangeByIndexes(firstRow, firstColumn, 1, width).load("formulas");
      readBack.push(() => {
        filled.written = printRows(written.formulas)[0];
      });
      rest = formulas.slice(1);
    }
    if (rest.length) {
      table.rows.add(undefined, rest);
      const made: RowsMade = {
        ...where,
        row: firstRow + (placement.reuseBlankRow ? 1 : 0),
        rows: printRows(rest),
      };
      record.rows.push(made);
      const range = sheet
        .getRangeByIndexes(made.row, firstColumn, rest.length, width)
        .load("formulas");
      readBack.push(() => {
        made.rows = printRows(range.formulas);
      });
    }
  }
  sheet.getRangeByIndexes(firstRow, firstColumn, formulas.length, width).numberFormat =
    numberFormats;
  for (const [column, source] of validationSources) {
    const cells = sheet.getRangeByIndexes(firstRow, firstColumn + column, formulas.length, 1);
    // Excel carries a table column's rule into new rows, and an empty cell of an existing sheet may have one:
    // Excel on the web refuses a rule over cells partly under another (InvalidArgument), so clear first.
    cells.dataValidation.clear();
    cells.dataValidation.rule = { list: { inCellDropDown: true, source } };
  }
  if (placement.mode === "create")
    sheet.getRangeByIndexes(0, 0, 1 + formulas.length, width).format.autofitColumns();
  return readBack;
}

/** One destination's rows, where they go, and the record they are entered in. */
interface RowsToWrite {
  dest: Destination;
  placement: Placement;
  formulas: PlanCell[][];
  numberFormats: string[][];
  /** Column index → the drop-down's list source, for the columns that have one. */
  validationSources: Map<number, string>;
  record: InsertionRecord;
  /** The sheet written (by id): the new one, or the existing one a table is created on. */
  sheetId: string;
  /** The existing table rows are appended to, and the sheet it is on. */
  tableId: string;
  tableSheetId?: string;
  /** Whether the sheet was added by this call (then the whole sheet is in the record). */
  newSheet: boolean;
}

/**
 * Queues a read of a new sheet's cells once written (same sync): the fingerprints undo compares with are
 * what Excel reports, not what was sent. Returns what fills them in after the sync.
 */
function readSheetBack(sheet: Excel.Worksheet, made: SheetMade): () => void {
  const used = sheet.getUsedRangeOrNullObject(true).load("formulas,rowIndex,columnIndex");
  return () => {
    made.cells = used.isNullObject
      ? {}
      : printCells(used.formulas, used.rowIndex, used.columnIndex);
  };
}
