/**
 * Adding new sheets so that a refusal can never take someone else's sheet for ours. Each sheet is
 * added under a name no one else could have chosen (a random token), then renamed to its real name, all
 * in one sync with the renames last. If Excel refuses any step (a co-author made "Expenditure" a moment
 * ago, say), the sheets still under a temporary name are certainly ours, and so are the ones renamed
 * before the first of those; nothing else is. They are taken out again (through the removal planner)
 * and the error is reported.
 */
import { toWorkbookActionError } from "./errors";
import { refusedWriteError, undoFailedWrite } from "./undoFailedWrite";

export interface AddedSheet {
  name: string;
  id: string;
}

/** Excel's limit on a sheet name's length. */
const MAX_SHEET_NAME = 31;

export async function addSheets(
  context: Excel.RequestContext,
  names: string[],
  /** The random part of the temporary names (tests fix it). */
  token = Math.random().toString(36).slice(2, 10)
): Promise<AddedSheet[]> {
  if (names.length === 0) return [];
  const { worksheets } = context.workbook;
  const temporary = names.map((_, i) => `BCF adding ${i + 1} ${token}`.slice(0, MAX_SHEET_NAME));
  const sheets = temporary.map((name) => worksheets.add(name));
  sheets.forEach((sheet, i) => {
    sheet.name = names[i];
  });
  for (const sheet of sheets) sheet.load("id,name");
  try {
    await context.sync();
    return sheets.map((sheet, i) => ({ name: names[i], id: sheet.id }));
  } catch (e) {
    let ours: AddedSheet[] = [];
    try {
      const all = worksheets.load("items/name,id");
      await context.sync();
      const idOf = new Map(all.items.map((s) => [s.name.toLowerCase(), s.id]));
      const firstUnrenamed = temporary.findIndex((t) => idOf.has(t.toLowerCase()));
      if (firstUnrenamed >= 0) {
        // The renames run in order after every add: those before the first unrenamed sheet happened.
        ours = names
          .slice(0, firstUnrenamed)
          .map((name) => ({ name, id: idOf.get(name.toLowerCase())! }));
        ours.push(
          ...temporary
            .filter((t) => idOf.has(t.toLowerCase()))
            .map((t) => ({ name: t, id: idOf.get(t.toLowerCase())! }))
        );
      }
    } catch {
      throw toWorkbookActionError(e);
    }
    const cleanUp = await undoFailedWrite(context, {
      kind: "skeleton",
      sheets: ours.map((s) => ({ ...s, cells: {} })),
      tables: [],
      rows: [],
      filled: [],
    });
    throw refusedWriteError(e, cleanUp);
  }
}
