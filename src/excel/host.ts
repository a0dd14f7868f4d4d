/**
 * Where the workbook comes from: Excel.run inside Office, or a context provider registered by the
 * browser preview and the tests (the in-memory workbook, same API subset).
 */
import { toWorkbookActionError } from "./errors";

export type WorkbookProvider = () => Excel.RequestContext | Promise<Excel.RequestContext>;

let provider: WorkbookProvider | undefined;

/** Registers (or with `undefined`, removes) the context provider used instead of Excel.run. */
export function setWorkbookProvider(next: WorkbookProvider | undefined): void {
  provider = next;
}

/** Runs `action` against the workbook; errors come back as WorkbookActionError in plain English. */
export async function withWorkbook<T>(
  action: (context: Excel.RequestContext) => Promise<T>
): Promise<T> {
  try {
    if (provider) return await action(await provider());
    if (typeof Excel === "undefined" || typeof Excel.run !== "function") {
      throw new Error(
        "The add-in is not running inside Excel, and no workbook is open in the preview."
      );
    }
    return await Excel.run(action);
  } catch (e) {
    throw toWorkbookActionError(e);
  }
}
