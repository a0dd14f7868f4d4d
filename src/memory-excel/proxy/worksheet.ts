/** Excel.Worksheet, Excel.WorksheetCollection and worksheet protection over the memory workbook. */
import { MAX_COLUMNS, MAX_ROWS, parseSheetRange, sameName, type CellBox } from "../address";
import { invalidArgument, itemNotFound } from "../errors";
import type { SheetModel, SheetVisibility } from "../model/sheet";
import type { SheetPosition } from "../model/workbookModel";
import { sheetId } from "../model/workbookState";
import { ChartCollectionProxy } from "./chart";
import { ClientObject, type ProxyContext } from "./clientObject";
import { RangeProxy } from "./range";
import { TableCollectionProxy } from "./table";

export class WorksheetProxy extends ClientObject<SheetModel> {
  readonly _typeName = "Worksheet";
  protected readonly _scalarProperties = ["name", "id", "position", "visibility"] as const;
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly protection: WorksheetProtectionProxy;

  constructor(
    context: ProxyContext,
    path: string,
    resolver: () => SheetModel | null,
    orNullObject = false
  ) {
    super(context, path, resolver, orNullObject);
    this.tables = new TableCollectionProxy(context, `${path}.tables`, () => context._resolve(this));
    this.charts = new ChartCollectionProxy(context, this);
    this.protection = new WorksheetProtectionProxy(context, this);
    Object.seal(this);
  }

  _checkAlive(sheet: SheetModel): void {
    if (!this.context.model.hasSheet(sheet))
      throw itemNotFound(`the worksheet "${sheet.name}" has been deleted`, "Worksheet");
  }

  protected _child(name: string): ClientObject<unknown> | undefined {
    if (name === "protection") return this.protection;
    if (name === "tables") return this.tables;
    if (name === "charts") return this.charts;
    return undefined;
  }

  protected _read(sheet: SheetModel, property: string): unknown {
    switch (property) {
      case "name":
        return sheet.name;
      case "id":
        return sheetId(sheet);
      case "position":
        return this.context.model.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
      default:
        return undefined;
    }
  }

  get name(): string {
    return this._get("name");
  }
  set name(name: string) {
    this._set("name", name, (sheet, location) =>
      this.context.model.renameSheet(sheet, name, location)
    );
  }

  get id(): string {
    return this._get("id");
  }

  get position(): number {
    return this._get("position");
  }

  get visibility(): SheetVisibility {
    return this._get("visibility");
  }
  set visibility(visibility: SheetVisibility) {
    this._set("visibility", visibility, (sheet, location) =>
      this.context.model.setVisibility(sheet, visibility, location)
    );
  }

  private range(
    path: string,
    box: (sheet: SheetModel, location: string) => CellBox | null,
    orNull = false
  ): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this._path}.${path}`,
      () => {
        const sheet = this.context._resolve(this);
        if (!sheet) return null;
        const found = box(sheet, "Worksheet.getRange");
        return found && { sheet, box: found };
      },
      orNull
    );
  }

  /** getRange("B2:D9"), getRange("'Sheet name'!B2") on that same sheet, or the whole sheet with no address. */
  getRange(address?: string): RangeProxy {
    return this.range(`getRange(${JSON.stringify(address ?? "")})`, (sheet, location) => {
      if (address === undefined || address === "")
        return {
          row: 0,
          col: 0,
          lastRow: MAX_ROWS - 1,
          lastCol: MAX_COLUMNS - 1,
        };
      const { sheet: named, box } = parseSheetRange(address);
      if (named !== undefined && !sameName(named, sheet.name)) {
        throw invalidArgument(
          `The address ${address} is on another sheet than "${sheet.name}".`,
          location
        );
      }
      if (!box) throw invalidArgument(`"${address}" isn't a valid range address.`, location);
      return box;
    });
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): RangeProxy {
    return this.range(
      `getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      (sheet, location) => {
        const box = {
          row: startRow,
          col: startColumn,
          lastRow: startRow + rowCount - 1,
          lastCol: startColumn + columnCount - 1,
        };
        if (!(
          rowCount >= 1 &&
          columnCount >= 1 &&
          startRow >= 0 &&
          startColumn >= 0 &&
          box.lastRow < MAX_ROWS &&
          box.lastCol < MAX_COLUMNS
        )) {
          throw invalidArgument("The row and column numbers are outside the worksheet.", location);
        }
        return box;
      }
    );
  }

  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** The smallest range holding every cell with a value or formula (or, unless valuesOnly, any format); null object when none. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return this.range(
      `getUsedRangeOrNullObject(${valuesOnly})`,
      (sheet) => sheet.usedBox(valuesOnly) ?? null,
      true
    );
  }

  /** As getUsedRangeOrNullObject, but an empty sheet gives A1, as in Excel. */
  getUsedRange(valuesOnly = false): RangeProxy {
    return this.range(
      `getUsedRange(${valuesOnly})`,
      (sheet) => sheet.usedBox(valuesOnly) ?? { row: 0, col: 0, lastRow: 0, lastCol: 0 }
    );
  }

  activate(): void {
    this._call("activate", [], (sheet, location) => this.context.model.activate(sheet, location));
  }

  delete(): void {
    this._call("delete", [], (sheet, location) => this.context.model.deleteSheet(sheet, location));
  }

  /** Copies the sheet: after it by default, or "Before"/"After" relativeTo, "Beginning", "End". */
  copy(positionType: SheetPosition = "None", relativeTo?: WorksheetProxy): WorksheetProxy {
    let copied: SheetModel | undefined;
    this._call("copy", [positionType, relativeTo?._path ?? null], (sheet, location) => {
      const other = relativeTo ? this.context._resolve(relativeTo) : undefined;
      copied = this.context.model.copySheet(sheet, positionType, other ?? undefined, location);
    });
    return new WorksheetProxy(this.context, `${this._path}.copy()`, () => copied ?? null);
  }
}

export class WorksheetProtectionProxy extends ClientObject<SheetModel> {
  readonly _typeName = "WorksheetProtection";
  protected readonly _scalarProperties = ["protected"] as const;

  constructor(context: ProxyContext, sheet: WorksheetProxy) {
    super(context, `${sheet._path}.protection`, () => context._resolve(sheet));
    Object.seal(this);
  }

  protected _read(sheet: SheetModel): unknown {
    return sheet.protected;
  }

  get protected(): boolean {
    return this._get("protected");
  }

  protect(): void {
    this._call("protect", [], (sheet, location) => {
      this.context.model.assertCanChangeStructure(location);
      sheet.protected = true;
    });
  }

  unprotect(): void {
    this._call("unprotect", [], (sheet, location) => {
      this.context.model.assertCanChangeStructure(location);
      sheet.protected = false;
    });
  }
}

export class WorksheetCollectionProxy extends ClientObject<SheetModel[]> {
  readonly _typeName = "WorksheetCollection";
  protected readonly _scalarProperties = ["items", "count"] as const;
  private itemProxies: WorksheetProxy[] | undefined = undefined;

  constructor(context: ProxyContext) {
    super(context, "workbook.worksheets", () => context.model.sheets);
    Object.seal(this);
  }

  /** load("items/name"), load("name") (properties of the items) or load("items"). */
  load(option?: Parameters<ClientObject<SheetModel[]>["load"]>[0]): this {
    const names =
      typeof option === "string" ? option.split(",") : Array.isArray(option) ? option : ["items"];
    const itemProperties = new Set<string>();
    for (const raw of names) {
      const name = raw.trim().replace(/^items\/?/, "");
      if (name === "")
        ["name", "id", "position", "visibility"].forEach((p) => itemProperties.add(p));
      else itemProperties.add(name);
    }
    const properties = [...itemProperties];
    this.context._enqueue({ action: "load", path: this._path, properties }, () => {
      const sheets = [...this.context.model.sheets];
      const rows = sheets.map((sheet) => {
        const proxy = this.itemProxy(sheet);
        const values: Record<string, unknown> = {};
        for (const p of properties)
          values[p] = (proxy as unknown as { _read(s: SheetModel, p: string): unknown })._read(
            sheet,
            p
          );
        return { proxy, values, sheet };
      });
      this.context._deliver(this, { items: rows.map((r) => r.values) });
      this.context._afterSync(() => {
        this.itemProxies = rows.map((r) => {
          r.proxy._bound = r.sheet;
          for (const [k, v] of Object.entries(r.values)) r.proxy._loaded.set(k, v);
          return r.proxy;
        });
      });
    });
    return this;
  }

  private itemProxy(sheet: SheetModel): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      `workbook.worksheets.getItem(${JSON.stringify(sheet.name)})`,
      () => sheet
    );
  }

  protected _read(): unknown {
    return undefined;
  }

  get items(): WorksheetProxy[] {
    if (!this.itemProxies) return this._get("items");
    return this.itemProxies;
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.context, `${this._path}.getItem(${JSON.stringify(key)})`, () =>
      this.context.model.requireSheet(key, "WorksheetCollection.getItem")
    );
  }

  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`,
      () => this.context.model.findSheetByKey(key) ?? null,
      true
    );
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      `${this._path}.getActiveWorksheet()`,
      () => this.context.model.activeSheet
    );
  }

  /** Adds a sheet at the end, named as given or Sheet2, Sheet3 … */
  add(name?: string): WorksheetProxy {
    let added: SheetModel | undefined;
    this.context._enqueue({ action: "add", path: this._path, args: [name ?? null] }, () => {
      added = this.context.model.addSheet(name, "WorksheetCollection.add");
    });
    return new WorksheetProxy(
      this.context,
      `${this._path}.add(${JSON.stringify(name ?? "")})`,
      () => added ?? null
    );
  }
}
