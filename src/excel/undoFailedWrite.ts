/**
 * Clean-up after a write sync that Excel refused. Excel does not roll a failed batch back: what was
 * queued before the refused operation stays applied. The record here is what the write meant to do
 * (sheets by the ids they were given when added, tables and rows by where they were to go, with the
 * fingerprints of what was to be written); the removal planner, in its failed-write mode, takes out
 * only what holds exactly that. Best effort: it never throws, so the caller can report the original
 * error, and it says what it could not take out.
 */
import { type InsertionRecord, planRemoval } from "../core/undo";
import { friendlyExcelError, toWorkbookActionError, WorkbookActionError } from "./errors";
import { carryOut } from "./removeInsertion";
import { readInsertionState } from "./readInsertionState";

export interface CleanUp {
  /** Everything the refused write had put in is gone again. */
  complete: boolean;
  /** Plain sentences: what was kept and why. */
  kept: string[];
}

export async function undoFailedWrite(
  context: Excel.RequestContext,
  intended: InsertionRecord,
  /** By sheet id, the ids of the tables there before the write: a new one there is this write's. */
  tablesBefore: Record<string, string[]> = {}
): Promise<CleanUp> {
  try {
    const record: InsertionRecord = { ...intended, tables: intended.tables.map((t) => ({ ...t })) };
    const unknown = record.tables.filter((t) => !t.id);
    if (unknown.length) {
      // A table Excel added but whose name (or a later step) was refused: find it by its id being new.
      const onSheets = new Map(
        [...new Set(unknown.map((t) => t.sheetId))].map((id) => [
          id,
          context.workbook.worksheets.getItem(id).tables.load("items/id"),
        ])
      );
      await context.sync();
      for (const t of unknown) {
        const before = new Set(tablesBefore[t.sheetId] ?? []);
        const added = onSheets.get(t.sheetId)!.items.filter((item) => !before.has(item.id));
        if (added.length === 1) t.id = added[0].id;
      }
    }
    const plan = planRemoval(record, await readInsertionState(context, record), {
      mode: "failed-write",
    });
    await carryOut(context, plan);
    return { complete: plan.kept.length === 0, kept: plan.kept };
  } catch {
    return {
      complete: false,
      kept: ["The add-in could not check what the refused write had left; look over the workbook."],
    };
  }
}

/**
 * The error to report after a refused write and its clean-up: Excel's reason in plain English, and,
 * unless everything was taken out again, what is left (never "nothing was changed" then).
 */
export function refusedWriteError(e: unknown, cleanUp: CleanUp): WorkbookActionError {
  if (cleanUp.complete) return toWorkbookActionError(e);
  const reason = friendlyExcelError(e)
    .replace(/,? and nothing was changed/i, "")
    .replace(/,? so nothing was changed/i, "");
  return new WorkbookActionError(
    `${reason} The add-in took out what it had written, except: ${cleanUp.kept.join(" ")}`,
    e
  );
}
