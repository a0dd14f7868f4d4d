/** Excel.Range and its format and data validation, over the memory workbook. */
import { boxColumns, boxRows, formatBox, MAX_COLUMNS, MAX_ROWS, type CellBox } from "../address";
import { invalidArgument, itemNotFound } from "../errors";
import type { ClearKind } from "../model/workbookModel";
import { deleteCells, type DeleteShift } from "../model/deleteCells";
import type { SheetModel, ValidationRule } from "../model/sheet";
import { formatCellValue } from "../numberFormat";
import { ClientObject, type ProxyContext } from "./clientObject";

export interface ResolvedRange {
  sheet: SheetModel;
  box: CellBox;
}

function grid<V>(target: ResolvedRange, read: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = target.box.row; r <= target.box.lastRow; r++) {
    const line: V[] = [];
    for (let c = target.box.col; c <= target.box.lastCol; c++) line.push(read(r, c));
    out.push(line);
  }
  return out;
}

function checkedBox(
  row: number,
  col: number,
  lastRow: number,
  lastCol: number,
  location: string
): CellBox {
  if (
    row < 0 ||
    col < 0 ||
    lastRow >= MAX_ROWS ||
    lastCol >= MAX_COLUMNS ||
    lastRow < row ||
    lastCol < col
  ) {
    throw invalidArgument("The range would go outside the worksheet.", location);
  }
  return { row, col, lastRow, lastCol };
}

export class RangeProxy extends ClientObject<ResolvedRange> {
  readonly _typeName = "Range";
  protected readonly _scalarProperties = [
    "address",
    "addressLocal",
    "values",
    "formulas",
    "numberFormat",
    "text",
    "rowCount",
    "columnCount",
    "cellCount",
    "rowIndex",
    "columnIndex",
  ] as const;
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;

  constructor(
    context: ProxyContext,
    path: string,
    resolver: () => ResolvedRange | null,
    orNullObject = false
  ) {
    super(context, path, resolver, orNullObject);
    this.format = new RangeFormatProxy(context, this);
    this.dataValidation = new DataValidationProxy(context, this);
    Object.seal(this);
  }

  _checkAlive(target: ResolvedRange): void {
    if (!this.context.model.hasSheet(target.sheet)) {
      throw itemNotFound(`the sheet of ${this._path} (it has been deleted)`, "Range");
    }
  }

  protected _child(name: string): ClientObject<unknown> | undefined {
    if (name === "format") return this.format;
    if (name === "dataValidation") return this.dataValidation;
    if (name === "worksheet") return this.worksheet;
    return undefined;
  }

  protected _read(target: ResolvedRange, property: string): unknown {
    const { sheet, box } = target;
    switch (property) {
      case "address":
      case "addressLocal":
        return this.context.model.address(sheet, box);
      case "values":
        return grid(target, (r, c) => sheet.cell(r, c)?.value ?? "");
      case "formulas":
        return grid(target, (r, c) => {
          const cell = sheet.cell(r, c);
          return cell ? (cell.formula ?? cell.value) : "";
        });
      case "numberFormat":
        return grid(target, (r, c) => sheet.cell(r, c)?.numberFormat ?? "General");
      case "text":
        return grid(target, (r, c) => {
          const cell = sheet.cell(r, c);
          return cell ? formatCellValue(cell.value, cell.numberFormat) : "";
        });
      case "rowCount":
        return boxRows(box);
      case "columnCount":
        return boxColumns(box);
      case "cellCount":
        return boxRows(box) * boxColumns(box);
      case "rowIndex":
        return box.row;
      case "columnIndex":
        return box.col;
      default:
        return undefined;
    }
  }

  get worksheet(): ClientObject<SheetModel> {
    return this.context._worksheet(this);
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get text(): string[][] {
    return this._get("text");
  }

  get values(): unknown[][] {
    return this._get("values");
  }
  set values(input: unknown[][]) {
    this._set("values", input, (t, location) =>
      this.context.model.writeRange(t.sheet, t.box, input, "values", location)
    );
  }

  get formulas(): unknown[][] {
    return this._get("formulas");
  }
  set formulas(input: unknown[][]) {
    this._set("formulas", input, (t, location) =>
      this.context.model.writeRange(t.sheet, t.box, input, "formulas", location)
    );
  }

  get numberFormat(): unknown[][] {
    return this._get("numberFormat");
  }
  set numberFormat(input: unknown[][]) {
    this._set("numberFormat", input, (t, location) =>
      this.context.model.writeRange(t.sheet, t.box, input, "numberFormat", location)
    );
  }

  select(): void {
    this._call("select", [], (t, location) => this.context.model.select(t.sheet, t.box, location));
  }

  clear(applyTo: ClearKind = "All"): void {
    this._call("clear", [applyTo], (t, location) =>
      this.context.model.clearRange(t.sheet, t.box, applyTo, location)
    );
  }

  /** Deletes the cells, moving those below up (or those to the right left); table rows shrink their table. */
  delete(shift: DeleteShift): void {
    this._call("delete", [shift], (t, location) =>
      deleteCells(this.context.model, t.sheet, t.box, shift, location)
    );
  }

  private derived(
    name: string,
    args: unknown[],
    make: (t: ResolvedRange, location: string) => CellBox
  ): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this._path}.${name}(${args.map((a) => JSON.stringify(a)).join(",")})`,
      () => {
        const target = this.context._resolve(this);
        return target && { sheet: target.sheet, box: make(target, `Range.${name}`) };
      }
    );
  }

  /** The range a dynamic-array formula spills into: the memory workbook does not spill, so a null object. */
  getSpillingToRangeOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      `${this._path}.getSpillingToRangeOrNullObject()`,
      () => {
        this.context._resolve(this);
        return null;
      },
      true
    );
  }

  /** A cell relative to this range's top-left cell; it may lie outside the range. */
  getCell(row: number, column: number): RangeProxy {
    return this.derived("getCell", [row, column], ({ box }, location) =>
      checkedBox(box.row + row, box.col + column, box.row + row, box.col + column, location)
    );
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return this.derived("getResizedRange", [deltaRows, deltaColumns], ({ box }, location) =>
      checkedBox(box.row, box.col, box.lastRow + deltaRows, box.lastCol + deltaColumns, location)
    );
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derived("getOffsetRange", [rowOffset, columnOffset], ({ box }, location) =>
      checkedBox(
        box.row + rowOffset,
        box.col + columnOffset,
        box.lastRow + rowOffset,
        box.lastCol + columnOffset,
        location
      )
    );
  }

  /** Used by table columns and charts: the resolved range, during a sync. */
  _resolved(): ResolvedRange | null {
    return this.context._resolve(this);
  }

  describe(): string {
    return this._bound ? formatBox(this._bound.box) : this._path;
  }
}

export class RangeFormatProxy extends ClientObject<ResolvedRange> {
  readonly _typeName = "RangeFormat";
  protected readonly _scalarProperties = ["columnWidth"] as const;
  readonly font: RangeFontProxy;

  constructor(context: ProxyContext, range: RangeProxy) {
    super(context, `${range._path}.format`, () => context._resolve(range));
    this.font = new RangeFontProxy(context, range);
    Object.seal(this);
  }

  protected _child(name: string): ClientObject<unknown> | undefined {
    return name === "font" ? this.font : undefined;
  }

  protected _read(target: ResolvedRange, property: string): unknown {
    return property === "columnWidth" ? target.sheet.columnWidth(target.box.col) : undefined;
  }

  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(width: number) {
    this._set("columnWidth", width, (t, location) =>
      this.context.model.setColumnWidth(t.sheet, t.box, width, location)
    );
  }

  autofitColumns(): void {
    this._call("autofitColumns", [], (t, location) =>
      this.context.model.autofitColumns(t.sheet, t.box, location)
    );
  }

  autofitRows(): void {
    this._call("autofitRows", [], (t, location) =>
      this.context.model.assertCanEdit(t.sheet, location)
    );
  }
}

export class RangeFontProxy extends ClientObject<ResolvedRange> {
  readonly _typeName = "RangeFont";
  protected readonly _scalarProperties = ["bold"] as const;

  constructor(context: ProxyContext, range: RangeProxy) {
    super(context, `${range._path}.format.font`, () => context._resolve(range));
    Object.seal(this);
  }

  /** true or false when every cell agrees, null when they differ (as Excel reports). */
  protected _read(target: ResolvedRange): unknown {
    let seen: boolean | undefined;
    for (let r = target.box.row; r <= target.box.lastRow; r++) {
      for (let c = target.box.col; c <= target.box.lastCol; c++) {
        const bold = target.sheet.cell(r, c)?.bold === true;
        if (seen === undefined) seen = bold;
        else if (seen !== bold) return null;
      }
    }
    return seen ?? false;
  }

  get bold(): boolean {
    return this._get("bold");
  }
  set bold(bold: boolean) {
    this._set("bold", bold, (t, location) =>
      this.context.model.setBold(t.sheet, t.box, bold, location)
    );
  }
}

export class DataValidationProxy extends ClientObject<ResolvedRange> {
  readonly _typeName = "DataValidation";
  protected readonly _scalarProperties = ["rule", "type"] as const;

  constructor(context: ProxyContext, range: RangeProxy) {
    super(context, `${range._path}.dataValidation`, () => context._resolve(range));
    Object.seal(this);
  }

  /** The rule of the range's top-left cell. */
  protected _read(target: ResolvedRange, property: string): unknown {
    const rule = this.context.model.validationAt(target.sheet, target.box.row, target.box.col);
    if (property === "type") {
      if (!rule) return "None";
      const kind = Object.keys(rule)[0] ?? "none";
      return kind.charAt(0).toUpperCase() + kind.slice(1);
    }
    return rule ? JSON.parse(JSON.stringify(rule)) : {};
  }

  get rule(): ValidationRule {
    return this._get("rule");
  }
  set rule(rule: ValidationRule) {
    this._set("rule", rule, (t, location) =>
      this.context.model.setValidation(t.sheet, t.box, rule, location)
    );
  }

  get type(): string {
    return this._get("type");
  }

  clear(): void {
    this._call("clear", [], (t, location) =>
      this.context.model.clearValidation(t.sheet, t.box, location)
    );
  }
}
