/** Excel.Chart over the memory workbook: stored (type, source, title, axis titles, position), not drawn. */
import { invalidArgument, itemNotFound } from "../errors";
import type { SheetModel } from "../model/sheet";
import type { ChartModel } from "../model/table";
import { ClientObject } from "./clientObject";
import { RangeProxy } from "./range";
import type { MemoryRequestContext } from "./requestContext";
import type { WorksheetProxy } from "./worksheet";

export class ChartCollectionProxy extends ClientObject<SheetModel> {
  readonly _typeName = "ChartCollection";
  protected readonly _scalarProperties = ["count"] as const;

  constructor(context: MemoryRequestContext, sheet: WorksheetProxy) {
    super(context, `${sheet._path}.charts`, () => context._resolve(sheet));
    Object.seal(this);
  }

  protected _read(sheet: SheetModel): unknown {
    return this.context.model.charts.filter((c) => c.sheet === sheet).length;
  }

  get count(): number {
    return this._get("count");
  }

  /** charts.add("ColumnClustered", range, "Auto"): the chart sits on this sheet and plots that range. */
  add(type: string, sourceData: RangeProxy, seriesBy = "Auto"): ChartProxy {
    let added: ChartModel | undefined;
    this._call("add", [type, sourceData._path, seriesBy], (sheet, location) => {
      this.context.model.assertCanEdit(sheet, location);
      if (typeof type !== "string" || type === "")
        throw invalidArgument("A chart needs a chart type.", location);
      const source = sourceData._resolved();
      if (!source) throw itemNotFound("the chart's source range is a null object", location);
      const model = this.context.model;
      const onSheet = model.charts.filter((c) => c.sheet === sheet);
      let n = 1;
      while (onSheet.some((c) => c.name === `Chart ${n}`)) n++;
      added = {
        id: model.nextId++,
        name: `Chart ${n}`,
        sheet,
        type,
        source: model.address(source.sheet, source.box),
        seriesBy,
        title: "",
        valueAxisTitle: "",
        categoryAxisTitle: "",
      };
      model.charts = [...model.charts, added];
      model.changed = true;
    });
    return new ChartProxy(
      this.context,
      `${this._path}.add(${JSON.stringify(type)})`,
      () => added ?? null
    );
  }

  getItem(name: string): ChartProxy {
    return new ChartProxy(this.context, `${this._path}.getItem(${JSON.stringify(name)})`, () => {
      const sheet = this.context._resolve(this);
      const chart =
        sheet && this.context.model.charts.find((c) => c.sheet === sheet && c.name === name);
      if (!chart)
        throw itemNotFound(`there is no chart named "${name}"`, "ChartCollection.getItem");
      return chart;
    });
  }

  getItemOrNullObject(name: string): ChartProxy {
    return new ChartProxy(
      this.context,
      `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`,
      () => {
        const sheet = this.context._resolve(this);
        return (
          (sheet && this.context.model.charts.find((c) => c.sheet === sheet && c.name === name)) ??
          null
        );
      },
      true
    );
  }
}

/** Changes a chart inside the current sync (charts are copied when a sync begins, so this rolls back). */
function editChart(
  context: MemoryRequestContext,
  chart: ChartModel,
  location: string,
  change: () => void
): void {
  context.model.assertCanEdit(chart.sheet, location);
  change();
  context.model.changed = true;
}

export class ChartProxy extends ClientObject<ChartModel> {
  readonly _typeName = "Chart";
  protected readonly _scalarProperties = ["name", "chartType", "id"] as const;
  readonly title: ChartTitleProxy;
  readonly axes: ChartAxesProxy;

  constructor(
    context: MemoryRequestContext,
    path: string,
    resolver: () => ChartModel | null,
    orNullObject = false
  ) {
    super(context, path, resolver, orNullObject);
    this.title = new ChartTitleProxy(context, this, "title");
    this.axes = new ChartAxesProxy(context, this);
    Object.seal(this);
  }

  _checkAlive(chart: ChartModel): void {
    if (!this.context.model.charts.includes(chart))
      throw itemNotFound(`the chart "${chart.name}" has been deleted`, "Chart");
  }

  protected _child(name: string): ClientObject<unknown> | undefined {
    if (name === "title") return this.title;
    return undefined;
  }

  protected _read(chart: ChartModel, property: string): unknown {
    if (property === "name") return chart.name;
    if (property === "chartType") return chart.type;
    return String(chart.id);
  }

  get name(): string {
    return this._get("name");
  }
  set name(name: string) {
    this._set("name", name, (chart, location) =>
      editChart(this.context, chart, location, () => (chart.name = name))
    );
  }

  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(type: string) {
    this._set("chartType", type, (chart, location) =>
      editChart(this.context, chart, location, () => (chart.type = type))
    );
  }

  get id(): string {
    return this._get("id");
  }

  /** Places the chart over cells, given as ranges or addresses ("H2", "P20"). */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    const describe = (cell: RangeProxy | string | undefined): string | undefined => {
      if (cell === undefined || typeof cell === "string") return cell;
      const range = cell._resolved();
      return range
        ? this.context.model.address(range.sheet, range.box).replace(/^.*!/, "")
        : undefined;
    };
    const args = [
      typeof startCell === "string" ? startCell : startCell._path,
      typeof endCell === "string" ? endCell : (endCell?._path ?? null),
    ];
    this._call("setPosition", args, (chart, location) =>
      editChart(this.context, chart, location, () => {
        chart.position = {
          start: describe(startCell) as string,
          end: describe(endCell),
        };
      })
    );
  }

  delete(): void {
    this._call("delete", [], (chart, location) =>
      editChart(this.context, chart, location, () => {
        this.context.model.charts = this.context.model.charts.filter((c) => c !== chart);
      })
    );
  }
}

type TitleField = "title" | "valueAxisTitle" | "categoryAxisTitle";

export class ChartTitleProxy extends ClientObject<ChartModel> {
  readonly _typeName = "ChartTitle";
  protected readonly _scalarProperties = ["text"] as const;

  constructor(
    context: MemoryRequestContext,
    chart: ChartProxy,
    private readonly field: TitleField
  ) {
    super(context, `${chart._path}.${field}`, () => context._resolve(chart));
    Object.seal(this);
  }

  protected _read(chart: ChartModel): unknown {
    return chart[this.field];
  }

  get text(): string {
    return this._get("text");
  }
  set text(text: string) {
    this._set("text", text, (chart, location) =>
      editChart(this.context, chart, location, () => (chart[this.field] = text))
    );
  }
}

export class ChartAxisProxy extends ClientObject<ChartModel> {
  readonly _typeName = "ChartAxis";
  protected readonly _scalarProperties = [] as const;
  readonly title: ChartTitleProxy;

  constructor(
    context: MemoryRequestContext,
    chart: ChartProxy,
    field: "valueAxisTitle" | "categoryAxisTitle"
  ) {
    super(context, `${chart._path}.axes.${field}`, () => context._resolve(chart));
    this.title = new ChartTitleProxy(context, chart, field);
    Object.seal(this);
  }

  protected _read(): unknown {
    return undefined;
  }
}

export class ChartAxesProxy extends ClientObject<ChartModel> {
  readonly _typeName = "ChartAxes";
  protected readonly _scalarProperties = [] as const;
  readonly valueAxis: ChartAxisProxy;
  readonly categoryAxis: ChartAxisProxy;

  constructor(context: MemoryRequestContext, chart: ChartProxy) {
    super(context, `${chart._path}.axes`, () => context._resolve(chart));
    this.valueAxis = new ChartAxisProxy(context, chart, "valueAxisTitle");
    this.categoryAxis = new ChartAxisProxy(context, chart, "categoryAxisTitle");
    Object.seal(this);
  }

  protected _read(): unknown {
    return undefined;
  }
}
