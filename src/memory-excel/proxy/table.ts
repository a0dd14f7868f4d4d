/** Excel.Table and its collections, rows and columns over the memory workbook. */
import { parseSheetRange, type CellBox } from "../address";
import { invalidArgument, invalidOperation, itemNotFound } from "../errors";
import type { SheetModel } from "../model/sheet";
import {
  bodyBox,
  columnPosition,
  headerBox,
  tableBox,
  totalsRowIndex,
  type TableModel,
} from "../model/table";
import {
  addTable,
  addTableRows,
  deleteTable,
  renameTable,
  setShowTotals,
  setTableStyle,
} from "../model/tableOps";
import { ClientObject, type ProxyContext } from "./clientObject";
import { RangeProxy, type ResolvedRange } from "./range";

export class TableCollectionProxy extends ClientObject<SheetModel | "workbook"> {
  readonly _typeName = "TableCollection";
  protected readonly _scalarProperties = ["count"] as const;
  private itemProxies: TableProxy[] | undefined = undefined;

  /** scope: the sheet these tables are on, or the whole workbook. */
  constructor(context: ProxyContext, path: string, scope: () => SheetModel | "workbook" | null) {
    super(context, path, scope);
    Object.seal(this);
  }

  private tablesInScope(scope: SheetModel | "workbook"): TableModel[] {
    return scope === "workbook" ? this.context.model.tables : this.context.model.tablesOn(scope);
  }

  protected _read(scope: SheetModel | "workbook", property: string): unknown {
    return property === "count" ? this.tablesInScope(scope).length : undefined;
  }

  get count(): number {
    return this._get("count");
  }

  load(option?: Parameters<ClientObject<unknown>["load"]>[0]): this {
    const names =
      typeof option === "string" ? option.split(",") : Array.isArray(option) ? option : ["items"];
    if (names.every((n) => n.trim() === "count")) return super.load(option);
    this.context._enqueue({ action: "load", path: this._path, properties: names }, () => {
      const scope = this.context._resolve(this);
      if (scope === null) return;
      const tables = [...this.tablesInScope(scope)];
      const items = tables.map((t) => ({
        name: t.name,
        showTotals: t.showTotals,
        style: t.style,
        id: String(t.id),
      }));
      this.context._deliver(this, { items });
      this.context._afterSync(() => {
        this.itemProxies = tables.map((table, i) => {
          const proxy = new TableProxy(
            this.context,
            `workbook.tables.getItem(${JSON.stringify(table.name)})`,
            () => table
          );
          proxy._bound = table;
          for (const [k, v] of Object.entries(items[i])) proxy._loaded.set(k, v);
          return proxy;
        });
      });
    });
    return this;
  }

  get items(): TableProxy[] {
    return this.itemProxies ?? this._get("items");
  }

  private find(scope: SheetModel | "workbook", name: string): TableModel | undefined {
    const table = this.context.model.findTableByKey(name);
    return table && (scope === "workbook" || table.sheet === scope) ? table : undefined;
  }

  getItem(name: string): TableProxy {
    return new TableProxy(this.context, `${this._path}.getItem(${JSON.stringify(name)})`, () => {
      const scope = this.context._resolve(this);
      const table = scope && this.find(scope, name);
      if (!table)
        throw itemNotFound(`there is no table named "${name}"`, "TableCollection.getItem");
      return table;
    });
  }

  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(
      this.context,
      `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`,
      () => {
        const scope = this.context._resolve(this);
        return (scope && this.find(scope, name)) ?? null;
      },
      true
    );
  }

  /**
   * Adds a table over `address` ("A1:M1" on a sheet's collection; "'Sheet'!A1:M1" on the workbook's).
   * With hasHeaders, the first row holds the column names; a header row alone gets one empty data row.
   */
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let added: TableModel | undefined;
    const text = typeof address === "string" ? address : address._path;
    this.context._enqueue({ action: "add", path: this._path, args: [text, hasHeaders] }, () => {
      const location = "TableCollection.add";
      const scope = this.context._resolve(this);
      if (scope === null) throw itemNotFound(`${this._path} is a null object`, location);
      let sheet: SheetModel;
      let box: CellBox | undefined;
      if (typeof address !== "string") {
        const range = address._resolved();
        if (!range) throw itemNotFound("the range for the table is a null object", location);
        ({ sheet, box } = range);
      } else {
        const { sheet: named, box: boxOnSheet } = parseSheetRange(address);
        if (named !== undefined) sheet = this.context.model.requireSheet(named, location);
        else if (scope !== "workbook") sheet = scope;
        else
          throw invalidArgument(
            `The address "${address}" must name its sheet, e.g. 'Expenditure'!A1:M1.`,
            location
          );
        if (scope !== "workbook" && sheet !== scope)
          throw invalidArgument(`${address} is on another sheet.`, location);
        box = boxOnSheet;
      }
      if (!box) throw invalidArgument(`"${text}" isn't a valid range address.`, location);
      added = addTable(this.context.model, sheet, box, hasHeaders, location);
    });
    return new TableProxy(
      this.context,
      `${this._path}.add(${JSON.stringify(text)})`,
      () => added ?? null
    );
  }
}

export class TableProxy extends ClientObject<TableModel> {
  readonly _typeName = "Table";
  protected readonly _scalarProperties = [
    "name",
    "id",
    "showTotals",
    "style",
    "showHeaders",
  ] as const;
  readonly rows: TableRowCollectionProxy;
  readonly columns: TableColumnCollectionProxy;

  constructor(
    context: ProxyContext,
    path: string,
    resolver: () => TableModel | null,
    orNullObject = false
  ) {
    super(context, path, resolver, orNullObject);
    this.rows = new TableRowCollectionProxy(context, this);
    this.columns = new TableColumnCollectionProxy(context, this);
    Object.seal(this);
  }

  _checkAlive(table: TableModel): void {
    if (!this.context.model.tables.includes(table))
      throw itemNotFound(`the table "${table.name}" has been deleted`, "Table");
  }

  protected _child(name: string): ClientObject<unknown> | undefined {
    if (name === "worksheet") return this.worksheet;
    if (name === "rows") return this.rows;
    if (name === "columns") return this.columns;
    return undefined;
  }

  protected _read(table: TableModel, property: string): unknown {
    switch (property) {
      case "name":
        return table.name;
      case "id":
        return String(table.id);
      case "showTotals":
        return table.showTotals;
      case "style":
        return table.style;
      case "showHeaders":
        return true;
      default:
        return undefined;
    }
  }

  get worksheet(): ClientObject<SheetModel> {
    return this.context._worksheet(this);
  }

  get name(): string {
    return this._get("name");
  }
  set name(name: string) {
    this._set("name", name, (table, location) =>
      renameTable(this.context.model, table, name, location)
    );
  }

  get id(): string {
    return this._get("id");
  }

  get showHeaders(): boolean {
    return this._get("showHeaders");
  }

  get showTotals(): boolean {
    return this._get("showTotals");
  }
  set showTotals(show: boolean) {
    this._set("showTotals", show, (table, location) =>
      setShowTotals(this.context.model, table, show, location)
    );
  }

  get style(): string {
    return this._get("style");
  }
  set style(style: string) {
    this._set("style", style, (table, location) =>
      setTableStyle(this.context.model, table, style, location)
    );
  }

  _range(name: string, box: (table: TableModel, location: string) => CellBox): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.${name}()`, () => {
      const table = this.context._resolve(this);
      return table && { sheet: table.sheet, box: box(table, `Table.${name}`) };
    });
  }

  getRange(): RangeProxy {
    return this._range("getRange", tableBox);
  }

  getHeaderRowRange(): RangeProxy {
    return this._range("getHeaderRowRange", headerBox);
  }

  getDataBodyRange(): RangeProxy {
    return this._range("getDataBodyRange", bodyBox);
  }

  getTotalRowRange(): RangeProxy {
    return this._range("getTotalRowRange", (table, location) => {
      const row = totalsRowIndex(table);
      if (row === undefined)
        throw invalidOperation(`${table.name} has no totals row (showTotals is false).`, location);
      return { ...headerBox(table), row, lastRow: row };
    });
  }

  /** Deletes the table and its cells, as Office.js's Table.delete() does. */
  delete(): void {
    this._call("delete", [], (table, location) => deleteTable(this.context.model, table, location));
  }
}

interface AddedRows {
  table: TableModel;
  firstRow: number;
  count: number;
}

export class TableRowCollectionProxy extends ClientObject<TableModel> {
  readonly _typeName = "TableRowCollection";
  protected readonly _scalarProperties = ["count"] as const;

  constructor(context: ProxyContext, table: TableProxy) {
    super(context, `${table._path}.rows`, () => context._resolve(table));
    Object.seal(this);
  }

  protected _read(table: TableModel): unknown {
    return table.bodyRows;
  }

  get count(): number {
    return this._get("count");
  }

  /** Adds rows (index null: after the last data row); values is a 2-D array, one row per new row. */
  add(index?: number | null, values?: unknown[][]): TableRowProxy {
    let added: AddedRows | undefined;
    this._call("add", [index ?? null, values ?? null], (table, location) => {
      added = {
        table,
        ...addTableRows(this.context.model, table, index, values, location),
      };
    });
    return new TableRowProxy(this.context, `${this._path}.add()`, () => added ?? null);
  }
}

export class TableRowProxy extends ClientObject<AddedRows> {
  readonly _typeName = "TableRow";
  protected readonly _scalarProperties = ["index", "values"] as const;

  constructor(context: ProxyContext, path: string, resolver: () => AddedRows | null) {
    super(context, path, resolver);
    Object.seal(this);
  }

  protected _read(added: AddedRows, property: string): unknown {
    if (property === "index") return added.firstRow - added.table.top - 1;
    const values: unknown[][] = [];
    for (let k = 0; k < added.count; k++) {
      values.push(
        added.table.columns.map(
          (_, j) => added.table.sheet.cell(added.firstRow + k, added.table.left + j)?.value ?? ""
        )
      );
    }
    return values;
  }

  get index(): number {
    return this._get("index");
  }

  get values(): unknown[][] {
    return this._get("values");
  }

  getRange(): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.getRange()`, () => {
      const added = this.context._resolve(this);
      if (!added) return null;
      const { table, firstRow, count } = added;
      const range: ResolvedRange = {
        sheet: table.sheet,
        box: {
          row: firstRow,
          col: table.left,
          lastRow: firstRow + count - 1,
          lastCol: table.left + table.columns.length - 1,
        },
      };
      return range;
    });
  }
}

interface ResolvedColumn {
  table: TableModel;
  name: string;
}

export class TableColumnCollectionProxy extends ClientObject<TableModel> {
  readonly _typeName = "TableColumnCollection";
  protected readonly _scalarProperties = ["count"] as const;

  constructor(context: ProxyContext, table: TableProxy) {
    super(context, `${table._path}.columns`, () => context._resolve(table));
    Object.seal(this);
  }

  protected _read(table: TableModel): unknown {
    return table.columns.length;
  }

  get count(): number {
    return this._get("count");
  }

  getItem(name: string): TableColumnProxy {
    return new TableColumnProxy(
      this.context,
      `${this._path}.getItem(${JSON.stringify(name)})`,
      () => {
        const table = this.context._resolve(this);
        if (!table) return null;
        if (columnPosition(table, name) < 0) {
          throw itemNotFound(
            `the table "${table.name}" has no column named "${name}"`,
            "TableColumnCollection.getItem"
          );
        }
        return { table, name };
      }
    );
  }

  getItemOrNullObject(name: string): TableColumnProxy {
    return new TableColumnProxy(
      this.context,
      `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`,
      () => {
        const table = this.context._resolve(this);
        return table && columnPosition(table, name) >= 0 ? { table, name } : null;
      },
      true
    );
  }
}

export class TableColumnProxy extends ClientObject<ResolvedColumn> {
  readonly _typeName = "TableColumn";
  protected readonly _scalarProperties = ["name", "index"] as const;

  constructor(
    context: ProxyContext,
    path: string,
    resolver: () => ResolvedColumn | null,
    orNullObject = false
  ) {
    super(context, path, resolver, orNullObject);
    Object.seal(this);
  }

  protected _read(column: ResolvedColumn, property: string): unknown {
    const index = columnPosition(column.table, column.name);
    return property === "index" ? index : column.table.columns[index]?.name;
  }

  get name(): string {
    return this._get("name");
  }

  get index(): number {
    return this._get("index");
  }

  private columnRange(
    name: string,
    rows: (table: TableModel, location: string) => { row: number; lastRow: number }
  ): RangeProxy {
    return new RangeProxy(this.context, `${this._path}.${name}()`, () => {
      const column = this.context._resolve(this);
      if (!column) return null;
      const location = `TableColumn.${name}`;
      const index = columnPosition(column.table, column.name);
      if (index < 0)
        throw itemNotFound(
          `the column "${column.name}" is no longer in ${column.table.name}`,
          location
        );
      const col = column.table.left + index;
      return {
        sheet: column.table.sheet,
        box: { ...rows(column.table, location), col, lastCol: col },
      };
    });
  }

  getDataBodyRange(): RangeProxy {
    return this.columnRange("getDataBodyRange", bodyBox);
  }

  getHeaderRowRange(): RangeProxy {
    return this.columnRange("getHeaderRowRange", headerBox);
  }

  getRange(): RangeProxy {
    return this.columnRange("getRange", tableBox);
  }

  getTotalRowRange(): RangeProxy {
    return this.columnRange("getTotalRowRange", (table, location) => {
      const row = totalsRowIndex(table);
      if (row === undefined)
        throw invalidOperation(`${table.name} has no totals row (showTotals is false).`, location);
      return { row, lastRow: row };
    });
  }
}
