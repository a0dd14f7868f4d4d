/**
 * Excel.Chart over the memory workbook: stored (type, source, title, axis titles, position, series with
 * their ranges and formats), not drawn.
 */
import { formatBox, type CellBox } from "../address";
import { invalidArgument, itemNotFound } from "../errors";
import type { SheetModel } from "../model/sheet";
import type { ChartModel, ChartSeriesModel } from "../model/table";
import type { WorkbookModel } from "../model/workbookModel";
import { ClientObject, type ProxyContext } from "./clientObject";
import { RangeProxy } from "./range";

export class ChartCollectionProxy extends ClientObject<SheetModel> {
  readonly _typeName = "ChartCollection";
  protected readonly _scalarProperties = ["count"] as const;

  constructor(context: ProxyContext, sheet: ClientObject<SheetModel>) {
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
        series: seriesOfSource(model, source.sheet, source.box, seriesBy),
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

/**
 * The series Excel makes from a source range: one per column (per row with "Rows", or "Auto" on a range
 * wider than tall), named by a first row (column) of text when there is one, else Series1, Series2, …
 */
function seriesOfSource(
  model: WorkbookModel,
  sheet: SheetModel,
  box: CellBox,
  seriesBy: string
): ChartSeriesModel[] {
  const rows = box.lastRow - box.row + 1;
  const cols = box.lastCol - box.col + 1;
  const byRows = seriesBy === "Rows" || (seriesBy === "Auto" && cols > rows);
  const count = byRows ? rows : cols;
  const length = byRows ? cols : rows;
  const at = (i: number, j: number) =>
    byRows ? sheet.cells.get(box.row + i, box.col + j) : sheet.cells.get(box.row + j, box.col + i);
  const named =
    length > 1 &&
    Array.from({ length: count }, (_, i) => at(i, 0)?.value).every(
      (v) => typeof v === "string" && v !== ""
    );
  const first = named ? 1 : 0;
  return Array.from({ length: count }, (_, i) => {
    const values: CellBox = byRows
      ? { row: box.row + i, lastRow: box.row + i, col: box.col + first, lastCol: box.lastCol }
      : { row: box.row + first, lastRow: box.lastRow, col: box.col + i, lastCol: box.col + i };
    return {
      name: named ? String(at(i, 0)?.value) : `Series${i + 1}`,
      values: model.address(sheet, values),
    };
  });
}

/** Changes a chart inside the current sync (charts are copied when a sync begins, so this rolls back). */
function editChart(
  context: ProxyContext,
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
  readonly series: ChartSeriesCollectionProxy;

  constructor(
    context: ProxyContext,
    path: string,
    resolver: () => ChartModel | null,
    orNullObject = false
  ) {
    super(context, path, resolver, orNullObject);
    this.title = new ChartTitleProxy(context, this, "title");
    this.axes = new ChartAxesProxy(context, this);
    this.series = new ChartSeriesCollectionProxy(context, this);
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
    context: ProxyContext,
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
    context: ProxyContext,
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

  constructor(context: ProxyContext, chart: ChartProxy) {
    super(context, `${chart._path}.axes`, () => context._resolve(chart));
    this.valueAxis = new ChartAxisProxy(context, chart, "valueAxisTitle");
    this.categoryAxis = new ChartAxisProxy(context, chart, "categoryAxisTitle");
    Object.seal(this);
  }

  protected _read(): unknown {
    return undefined;
  }
}

/** The address of a range proxy as the chart stores it, or an error for the sync. */
function rangeAddress(context: ProxyContext, range: RangeProxy, location: string): string {
  const resolved = range._resolved();
  if (!resolved) throw itemNotFound("the series' source range is a null object", location);
  if (resolved.box.row !== resolved.box.lastRow && resolved.box.col !== resolved.box.lastCol)
    throw invalidArgument(
      `A series takes one row or one column, not ${formatBox(resolved.box)}.`,
      location
    );
  return context.model.address(resolved.sheet, resolved.box);
}

export class ChartSeriesCollectionProxy extends ClientObject<ChartModel> {
  readonly _typeName = "ChartSeriesCollection";
  protected readonly _scalarProperties = ["count"] as const;

  constructor(
    context: ProxyContext,
    private readonly chart: ChartProxy
  ) {
    super(context, `${chart._path}.series`, () => context._resolve(chart));
    Object.seal(this);
  }

  protected _read(chart: ChartModel): unknown {
    return (chart.series ?? []).length;
  }

  get count(): number {
    return this._get("count");
  }

  /** series.add(name, index?): a new, empty series (give it values with setValues). */
  add(name?: string, index?: number): ChartSeriesProxy {
    let added: ChartSeriesModel | undefined;
    this._call("add", [name ?? null, index ?? null], (chart, location) =>
      editChart(this.context, chart, location, () => {
        const list = [...(chart.series ?? [])];
        added = { name: name ?? `Series${list.length + 1}`, values: "" };
        list.splice(index ?? list.length, 0, added);
        chart.series = list;
      })
    );
    return new ChartSeriesProxy(
      this.context,
      this.chart,
      `${this._path}.add(${JSON.stringify(name ?? null)})`,
      () => added ?? null
    );
  }

  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(
      this.context,
      this.chart,
      `${this._path}.getItemAt(${index})`,
      (chart) => {
        // Once found, the proxy follows that series through its edits (ChartSeriesProxy._latest).
        const found = (chart.series ?? [])[index];
        if (!found)
          throw itemNotFound(`the chart has no series ${index}`, "ChartSeriesCollection.getItemAt");
        return found;
      }
    );
  }
}

type SeriesField = Exclude<keyof ChartSeriesModel, "values" | "xValues">;

/** One series; every edit replaces the series object (see ChartSeriesModel). */
export class ChartSeriesProxy extends ClientObject<ChartModel> {
  readonly _typeName = "ChartSeries";
  protected readonly _scalarProperties = [
    "name",
    "chartType",
    "markerStyle",
    "markerBackgroundColor",
    "markerForegroundColor",
    "markerSize",
  ] as const;
  readonly format: ChartSeriesFormatProxy;

  constructor(
    context: ProxyContext,
    chart: ChartProxy,
    path: string,
    private readonly find: (chart: ChartModel) => ChartSeriesModel | null | undefined
  ) {
    super(context, path, () => context._resolve(chart));
    this.format = new ChartSeriesFormatProxy(context, this);
    Object.seal(this);
  }

  /** The series this proxy refers to: found on first use, then followed through its edits. */
  private _current: ChartSeriesModel | undefined = undefined;

  /** The series itself within its chart, or an error for the sync. */
  _seriesOf(chart: ChartModel, location: string): ChartSeriesModel {
    const found = this._latest(chart);
    if (!found) throw itemNotFound("the series is not on the chart", location);
    return found;
  }

  _latest(chart: ChartModel): ChartSeriesModel | undefined {
    const list = chart.series ?? [];
    if (this._current && list.includes(this._current)) return this._current;
    this._current = this.find(chart) ?? undefined;
    return this._current && list.includes(this._current) ? this._current : undefined;
  }

  /** Replaces the series with `change` applied, inside the current sync. */
  _edit(location: string, change: Partial<ChartSeriesModel>, name: string, value: unknown): void {
    this._call(name, [value], (chart, where) => {
      const current = this._seriesOf(chart, where);
      editChart(this.context, chart, location, () => {
        const next = { ...current, ...change };
        chart.series = (chart.series ?? []).map((s) => (s === current ? next : s));
        this._current = next;
      });
    });
  }

  protected _read(chart: ChartModel, property: string): unknown {
    const series = this._latest(chart);
    return series ? (series[property as SeriesField] ?? null) : null;
  }

  private _setField<K extends SeriesField>(field: K, value: ChartSeriesModel[K]): void {
    this._loaded.set(field, value);
    this._edit(
      `ChartSeries.${field}`,
      { [field]: value } as Partial<ChartSeriesModel>,
      `set ${field}`,
      value
    );
  }

  get name(): string {
    return this._get("name");
  }
  set name(value: string) {
    this._setField("name", value);
  }
  get chartType(): string {
    return this._get("chartType");
  }
  set chartType(value: string) {
    this._setField("chartType", value);
  }
  get markerStyle(): string {
    return this._get("markerStyle");
  }
  set markerStyle(value: string) {
    this._setField("markerStyle", value);
  }
  get markerBackgroundColor(): string {
    return this._get("markerBackgroundColor");
  }
  set markerBackgroundColor(value: string) {
    this._setField("markerBackgroundColor", value);
  }
  get markerForegroundColor(): string {
    return this._get("markerForegroundColor");
  }
  set markerForegroundColor(value: string) {
    this._setField("markerForegroundColor", value);
  }
  get markerSize(): number {
    return this._get("markerSize");
  }
  set markerSize(value: number) {
    this._setField("markerSize", value);
  }

  /** The series' values: one row or one column. */
  setValues(sourceData: RangeProxy): void {
    this._call("setValues", [sourceData._path], (chart, location) => {
      const address = rangeAddress(this.context, sourceData, location);
      const current = this._seriesOf(chart, location);
      editChart(this.context, chart, location, () => {
        const next = { ...current, values: address };
        chart.series = (chart.series ?? []).map((s) => (s === current ? next : s));
        this._current = next;
      });
    });
  }

  /** The series' categories (x values on a scatter chart): one row or one column. */
  setXAxisValues(sourceData: RangeProxy): void {
    this._call("setXAxisValues", [sourceData._path], (chart, location) => {
      const address = rangeAddress(this.context, sourceData, location);
      const current = this._seriesOf(chart, location);
      editChart(this.context, chart, location, () => {
        const next = { ...current, xValues: address };
        chart.series = (chart.series ?? []).map((s) => (s === current ? next : s));
        this._current = next;
      });
    });
  }
}

export class ChartSeriesFormatProxy extends ClientObject<ChartModel> {
  readonly _typeName = "ChartSeriesFormat";
  protected readonly _scalarProperties = [] as const;
  readonly line: ChartLineFormatProxy;

  constructor(context: ProxyContext, series: ChartSeriesProxy) {
    super(context, `${series._path}.format`, () => context._resolve(series));
    this.line = new ChartLineFormatProxy(context, series);
    Object.seal(this);
  }

  protected _read(): unknown {
    return undefined;
  }
}

export class ChartLineFormatProxy extends ClientObject<ChartModel> {
  readonly _typeName = "ChartLineFormat";
  protected readonly _scalarProperties = ["color", "lineStyle"] as const;

  constructor(
    context: ProxyContext,
    private readonly series: ChartSeriesProxy
  ) {
    super(context, `${series._path}.format.line`, () => context._resolve(series));
    Object.seal(this);
  }

  protected _read(chart: ChartModel, property: string): unknown {
    const s = this.series._latest(chart);
    if (!s) return null;
    return property === "color" ? (s.lineColor ?? null) : (s.lineStyle ?? null);
  }

  get color(): string {
    return this._get("color");
  }
  set color(value: string) {
    this._loaded.set("color", value);
    this.series._edit(
      "ChartLineFormat.color",
      { lineColor: value },
      "set format.line.color",
      value
    );
  }
  get lineStyle(): string {
    return this._get("lineStyle");
  }
  set lineStyle(value: string) {
    this._loaded.set("lineStyle", value);
    this.series._edit(
      "ChartLineFormat.lineStyle",
      { lineStyle: value },
      "set format.line.lineStyle",
      value
    );
  }
}
