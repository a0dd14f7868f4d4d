/**
 * The base of every proxy, as in Office.js: calls and property writes are queued on the request
 * context and happen at context.sync(); a property can be read only once it has been loaded and
 * synced (or set by this code), otherwise reading it throws PropertyNotLoaded.
 */
import { itemNotFound, propertyNotLoaded } from "../errors";
import type { SheetModel } from "../model/sheet";
import type { WorkbookModel } from "../model/workbookModel";

/**
 * The request context as the proxies see it; MemoryRequestContext is the one implementation. Declared
 * here, below every proxy, so that no proxy imports the context (which imports the workbook's proxies).
 */
export interface ProxyContext {
  readonly model: WorkbookModel;
  /** Queues an operation for the next sync, with its description (which counts towards the request size). */
  _enqueue(description: Record<string, unknown>, run: () => void): void;
  /** What a proxy refers to, worked out once (during a sync) and kept from then on. */
  _resolve<T>(proxy: ClientObject<T>): T | null;
  /** Values a load read, handed to the proxy when the sync succeeds. */
  _deliver(proxy: ClientObject<unknown>, values: Record<string, unknown>): void;
  /** Work to do on the proxies once the sync has succeeded (e.g. building a collection's items). */
  _afterSync(step: () => void): void;
  /**
   * Range.worksheet and Table.worksheet: the Worksheet proxy of the sheet `owner`'s target is on, the
   * same one each time it is asked for. The context makes it because the worksheet's module sits above
   * theirs (a worksheet makes ranges and tables).
   */
  _worksheet(owner: ClientObject<{ readonly sheet: SheetModel }>): ClientObject<SheetModel>;
}

export type LoadOption =
  string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined;

export abstract class ClientObject<T> {
  /** What the proxy refers to, fixed by the first sync that needed it (null: a null object). */
  _bound: T | null | undefined = undefined;
  _loaded = new Map<string, unknown>();

  protected constructor(
    readonly context: ProxyContext,
    /** Readable description, e.g. worksheets.getItem("Income").getRange("A1"): part of the request size. */
    readonly _path: string,
    private readonly _resolver: () => T | null,
    orNullObject = false
  ) {
    // The *OrNullObject methods report existence at the next sync even if nothing else uses the object.
    if (orNullObject)
      context._enqueue({ action: "resolve", path: _path }, () => void context._resolve(this));
  }

  /** Office.js's type name, used in error messages. */
  abstract readonly _typeName: string;

  /** Properties load() with no argument loads. */
  protected abstract readonly _scalarProperties: readonly string[];

  /** Reads one property from the target for a load. */
  protected abstract _read(target: T, property: string): unknown;

  /** Child objects reachable by load("child/property"). */
  protected _child(name: string): ClientObject<unknown> | undefined {
    void name;
    return undefined;
  }

  /** Called during a sync; subclasses check that what they refer to still exists. */
  _resolveNow(): T | null {
    return this._resolver();
  }

  _checkAlive(target: T): void {
    void target;
  }

  get isNullObject(): boolean {
    if (this._bound === undefined) throw propertyNotLoaded("isNullObject", this._typeName);
    return this._bound === null;
  }

  load(option?: LoadOption): this {
    let names: string[];
    if (option === undefined) names = [...this._scalarProperties];
    else if (typeof option === "string") names = option.split(",");
    else if (Array.isArray(option)) names = option;
    else {
      const select = option.select ?? [];
      names = typeof select === "string" ? select.split(",") : [...select];
      if (names.length === 0) names = [...this._scalarProperties];
    }
    const own: string[] = [];
    for (const raw of names) {
      const name = raw.trim();
      if (!name) continue;
      const slash = name.indexOf("/");
      if (slash > 0) {
        const child = this._child(name.slice(0, slash));
        if (!child)
          throw new TypeError(`${this._typeName} has no "${name.slice(0, slash)}" to load.`);
        child.load(name.slice(slash + 1));
      } else if (this._child(name)) {
        this._child(name)?.load();
      } else {
        if (!this._scalarProperties.includes(name)) {
          throw new TypeError(`The memory workbook can't load "${name}" on ${this._typeName}.`);
        }
        own.push(name);
      }
    }
    if (own.length > 0) {
      this.context._enqueue({ action: "load", path: this._path, properties: own }, () => {
        const target = this.context._resolve(this);
        if (target === null) return;
        this.context.model.calculate();
        const values: Record<string, unknown> = {};
        for (const name of own) values[name] = this._read(target, name);
        this.context._deliver(this, values);
      });
    }
    return this;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._loaded);
  }

  /** A loaded (or locally set) property; a null object's properties read as null. */
  protected _get<V>(name: string): V {
    if (this._bound === null) return null as V;
    if (!this._loaded.has(name)) throw propertyNotLoaded(name, this._typeName);
    return this._loaded.get(name) as V;
  }

  /** Queues a property write; like Office.js, the proxy remembers the value it was given. */
  protected _set(name: string, value: unknown, apply: (target: T, location: string) => void): void {
    this._loaded.set(name, value);
    this._call(`set ${name}`, [value], apply);
  }

  /** Queues a method call on the target; a null object makes the sync fail with ItemNotFound. */
  protected _call(
    name: string,
    args: unknown[],
    apply: (target: T, location: string) => void
  ): void {
    const location = `${this._typeName}.${name.replace(/^set /, "")}`;
    this.context._enqueue({ action: name, path: this._path, args }, () => {
      const target = this.context._resolve(this);
      if (target === null) throw itemNotFound(`${this._path} is a null object`, location);
      apply(target, location);
    });
  }
}
