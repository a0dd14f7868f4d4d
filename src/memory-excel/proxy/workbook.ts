/** Excel.Workbook and Excel.Application over the memory workbook. */
import { ClientObject, type ProxyContext } from "./clientObject";
import { RangeProxy } from "./range";
import { TableCollectionProxy } from "./table";
import { WorksheetCollectionProxy } from "./worksheet";

export class ApplicationProxy extends ClientObject<true> {
  readonly _typeName = "Application";
  protected readonly _scalarProperties = ["calculationMode"] as const;

  constructor(context: ProxyContext) {
    super(context, "workbook.application", () => true);
    Object.seal(this);
  }

  protected _read(): unknown {
    return "Automatic";
  }

  get calculationMode(): string {
    return this._get("calculationMode");
  }

  /** Values loaded later in this sync are not recalculated; the workbook recalculates when the sync ends. */
  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], () => {
      this.context.model.calculationSuspended = true;
    });
  }
}

export class WorkbookProxy extends ClientObject<true> {
  readonly _typeName = "Workbook";
  protected readonly _scalarProperties = ["name"] as const;
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly application: ApplicationProxy;

  constructor(context: ProxyContext) {
    super(context, "workbook", () => true);
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context, "workbook.tables", () => "workbook");
    this.application = new ApplicationProxy(context);
    Object.seal(this);
  }

  protected _read(): unknown {
    return "Memory workbook.xlsx";
  }

  get name(): string {
    return this._get("name");
  }

  /** The range last selected (A1 of the active sheet before any selection). */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, "workbook.getSelectedRange()", () => {
      const model = this.context.model;
      return (
        model.selection ?? {
          sheet: model.activeSheet,
          box: { row: 0, col: 0, lastRow: 0, lastCol: 0 },
        }
      );
    });
  }
}
