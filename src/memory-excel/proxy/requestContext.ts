/**
 * Excel.RequestContext for the memory workbook: operations queue up and run at sync().
 *
 * By default a sync is all-or-nothing: if any operation fails (a missing sheet, a protected sheet, a
 * request over the size limit), nothing queued in that sync is applied and the promise rejects with
 * the error. Real Excel is believed to keep the operations that ran before the failing one; with
 * `partialBatches` the memory workbook does the same, so code that cleans up after a failed write
 * can be tested. Callers must not rely on either.
 */
import { payloadTooLarge } from "../errors";
import type { SheetModel } from "../model/sheet";
import type { WorkbookModel } from "../model/workbookModel";
import type { ClientObject, ProxyContext } from "./clientObject";
import { WorkbookProxy } from "./workbook";
import { WorksheetProxy } from "./worksheet";

export interface SyncStats {
  /** Number of context.sync() calls, failed ones included. */
  syncs: number;
  /** Size in bytes of each sync: the queued operations with the data they write, plus the data loaded back. */
  requests: number[];
  /** The largest entry of `requests`. */
  maxRequestBytes: number;
  /** Operations that change the workbook (anything but loads, select and activate), over all syncs. */
  writeOperations: number;
  /** Sizes split into what was sent and what came back, per sync, with its operations and writes. */
  details: Array<{
    requestBytes: number;
    responseBytes: number;
    operations: number;
    writes: number;
    ok: boolean;
  }>;
  /** Starts counting again from zero. */
  reset(): void;
}

export function createStats(): SyncStats {
  const stats: SyncStats = {
    syncs: 0,
    requests: [],
    maxRequestBytes: 0,
    writeOperations: 0,
    details: [],
    reset() {
      stats.syncs = 0;
      stats.requests = [];
      stats.maxRequestBytes = 0;
      stats.writeOperations = 0;
      stats.details = [];
    },
  };
  return stats;
}

export interface ContextOptions {
  maxRequestBytes?: number;
  /** A failing sync keeps the operations queued before the failing one (as real Excel). */
  partialBatches?: boolean;
  /** Called before each operation runs in a sync; throwing fails the sync at that operation. */
  beforeOperation?: (operation: { action: string; path: string }) => void;
}

interface QueuedOperation {
  description: Record<string, unknown>;
  run: () => void;
}

interface SyncInProgress {
  bindings: Map<ClientObject<unknown>, unknown>;
  results: Map<ClientObject<unknown>, Record<string, unknown>>;
  after: Array<() => void>;
}

const encoder = new TextEncoder();

/** Operations that only read or move the selection. */
const NOT_WRITES = new Set(["load", "resolve", "select", "activate"]);

function byteLength(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? "").length;
}

export class MemoryRequestContext implements ProxyContext {
  readonly workbook: WorkbookProxy;
  private queue: QueuedOperation[] = [];
  private current: SyncInProgress | undefined;
  private readonly worksheets = new WeakMap<ClientObject<unknown>, WorksheetProxy>();

  constructor(
    readonly model: WorkbookModel,
    readonly stats: SyncStats,
    private readonly limits: ContextOptions,
    private readonly notify: () => void
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  get application(): WorkbookProxy["application"] {
    return this.workbook.application;
  }

  _enqueue(description: Record<string, unknown>, run: () => void): void {
    this.queue.push({ description, run });
  }

  /** What a proxy refers to, worked out once (during a sync) and kept from then on. */
  _resolve<T>(proxy: ClientObject<T>): T | null {
    const sync = this.current;
    if (!sync) throw new Error("The memory workbook resolves objects only during context.sync().");
    let target: T | null;
    if (proxy._bound !== undefined) target = proxy._bound;
    else if (sync.bindings.has(proxy as ClientObject<unknown>))
      target = sync.bindings.get(proxy as ClientObject<unknown>) as T | null;
    else {
      target = proxy._resolveNow();
      sync.bindings.set(proxy as ClientObject<unknown>, target);
    }
    if (target !== null) proxy._checkAlive(target);
    return target;
  }

  _worksheet(owner: ClientObject<{ readonly sheet: SheetModel }>): WorksheetProxy {
    let worksheet = this.worksheets.get(owner);
    if (!worksheet) {
      worksheet = new WorksheetProxy(
        this,
        `${owner._path}.worksheet`,
        () => this._resolve(owner)?.sheet ?? null
      );
      this.worksheets.set(owner, worksheet);
    }
    return worksheet;
  }

  /** Values a load read, handed to the proxy when the sync succeeds. */
  _deliver(proxy: ClientObject<unknown>, values: Record<string, unknown>): void {
    const sync = this.current as SyncInProgress;
    sync.results.set(proxy, { ...sync.results.get(proxy), ...values });
  }

  /** Work to do on the proxies once the sync has succeeded (e.g. building a collection's items). */
  _afterSync(step: () => void): void {
    this.current?.after.push(step);
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    this.stats.syncs++;
    const requestBytes = byteLength(queue.map((q) => q.description));
    const limit = this.limits.maxRequestBytes;
    const writes = queue.filter((q) => !NOT_WRITES.has(String(q.description.action))).length;
    this.stats.writeOperations += writes;
    const record = (responseBytes: number, ok: boolean): void => {
      const total = requestBytes + responseBytes;
      this.stats.requests.push(total);
      this.stats.maxRequestBytes = Math.max(this.stats.maxRequestBytes, total);
      this.stats.details.push({
        requestBytes,
        responseBytes,
        operations: queue.length,
        writes,
        ok,
      });
    };
    if (limit !== undefined && requestBytes > limit) {
      record(0, false);
      throw payloadTooLarge(requestBytes, limit);
    }
    const sync: SyncInProgress = {
      bindings: new Map(),
      results: new Map(),
      after: [],
    };
    this.current = sync;
    this.model.begin();
    let done = 0;
    try {
      for (const operation of queue) {
        this.limits.beforeOperation?.({
          action: String(operation.description.action),
          path: String(operation.description.path),
        });
        operation.run();
        done++;
      }
    } catch (e) {
      this.current = undefined;
      this.model.rollback();
      if (this.limits.partialBatches && done > 0) this.applyOnly(queue.slice(0, done));
      record(0, false);
      throw e;
    }
    this.current = undefined;
    let responseBytes = 0;
    for (const values of sync.results.values()) responseBytes += byteLength(values);
    if (limit !== undefined && requestBytes + responseBytes > limit) {
      this.model.rollback();
      record(responseBytes, false);
      throw payloadTooLarge(requestBytes + responseBytes, limit, "response");
    }
    this.model.commit();
    record(responseBytes, true);
    for (const [proxy, target] of sync.bindings) {
      if (proxy._bound === undefined) proxy._bound = target;
    }
    for (const [proxy, values] of sync.results) {
      for (const [name, value] of Object.entries(values)) proxy._loaded.set(name, value);
    }
    for (const step of sync.after) step();
    if (this.model.changed) {
      this.model.changed = false;
      this.notify();
    }
  }

  /**
   * After a failed sync (rolled back): runs again, from the same state, the operations that had
   * succeeded, and keeps what they changed. Loads deliver nothing and proxies stay unbound, as the
   * sync still rejects.
   */
  private applyOnly(operations: QueuedOperation[]): void {
    this.current = { bindings: new Map(), results: new Map(), after: [] };
    this.model.begin();
    try {
      for (const operation of operations) operation.run();
      this.model.commit();
    } catch {
      this.model.rollback();
    } finally {
      this.current = undefined;
    }
    if (this.model.changed) {
      this.model.changed = false;
      this.notify();
    }
  }
}
