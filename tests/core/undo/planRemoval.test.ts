import fc from "fast-check";
import {
  cellKey,
  changedCells,
  entryContent,
  type InsertionRecord,
  planRemoval,
  printCells,
  type WorkbookNow,
} from "../../../src/core/undo";

describe("entryContent", () => {
  it("compares cells as Excel hands them back", () => {
    // A leading apostrophe only keeps text as text; Excel reads back "S001".
    expect(entryContent("'S001")).toBe(entryContent("S001"));
    // Case and spaces outside quotes do not matter in a formula; inside quotes they do.
    expect(entryContent("=sum( A1:A3 )")).toBe(entryContent("=SUM(A1:A3)"));
    expect(entryContent('=IF(A1="Yes",1,0)')).not.toBe(entryContent('=IF(A1="yes",1,0)'));
    // A structured reference may or may not name its own table.
    expect(entryContent("=BCF_Expenditure[@[NHS (£)]]")).toBe(entryContent("=[@[NHS (£)]]"));
    // Text "00123" is not the number 123, nor "TRUE" the boolean.
    expect(entryContent("00123")).not.toBe(entryContent(123));
    expect(entryContent("TRUE")).not.toBe(entryContent(true));
    expect(entryContent("")).toBeUndefined();
  });
});

/** A record of one added sheet with `cells`, and the workbook holding it with `now` instead. */
function oneSheet(
  cells: Record<string, string | number>,
  now: Record<string, string | number>,
  extra: Partial<WorkbookNow> = {}
): { record: InsertionRecord; now: WorkbookNow } {
  const grid = (c: Record<string, string | number>) => {
    const prints = {};
    for (const [key, value] of Object.entries(c)) {
      const [row, col] = key.split(",").map(Number);
      printCells([[value]], row, col, prints);
    }
    return prints;
  };
  return {
    record: {
      kind: "skeleton",
      sheets: [{ id: "{s1}", name: "Income", cells: grid(cells) }],
      tables: [],
      rows: [],
      filled: [],
    },
    now: {
      sheets: [{ id: "{s1}", name: "Income", protected: false, cells: grid(now) }],
      tables: [],
      tableAreas: [],
      visibleSheetIds: ["{s0}", "{s1}"],
      ...extra,
    },
  };
}

describe("planRemoval", () => {
  it("counts each changed, emptied and new cell of an added sheet (worked: 3)", () => {
    const { record, now } = oneSheet(
      { "0,0": "Income", "1,1": 5000, "2,1": "=B2*2" },
      // B2 retyped, B3's formula deleted, a note typed at D9: three cells changed.
      { "0,0": "Income", "1,1": 5200, "8,3": "note" }
    );
    const plan = planRemoval(record, now);
    expect(plan.deleteSheets).toEqual([]);
    expect(plan.kept).toEqual(["The sheet “Income” has 3 cells you changed; it was kept."]);
  });

  it("after a refused write, cells never written are not changes", () => {
    const { record, now } = oneSheet({ "0,0": "Income", "1,1": 5000 }, { "0,0": "Income" });
    expect(planRemoval(record, now, { mode: "failed-write" }).deleteSheets).toEqual([
      { id: "{s1}", name: "Income" },
    ]);
    expect(planRemoval(record, now).deleteSheets).toEqual([]);
  });

  const cells = fc.dictionary(
    fc.tuple(fc.nat(20), fc.nat(10)).map(([r, c]) => cellKey(r, c)),
    fc.oneof(
      fc.integer(),
      fc
        .string({ minLength: 1, maxLength: 4 })
        .filter((s) => s.trim() !== "" && !s.startsWith("'") && !s.startsWith("="))
    )
  );

  it("deletes an added sheet exactly when every cell is as written, and nothing it was not given", () => {
    fc.assert(
      fc.property(cells, cells, fc.boolean(), (written, edits, edit) => {
        const nowCells = edit ? { ...written, ...edits } : { ...written };
        const { record, now } = oneSheet(written, nowCells);
        const plan = planRemoval(record, now);
        const unchanged = changedCells(record.sheets[0].cells, now.sheets[0].cells!) === 0;
        expect(plan.deleteSheets.map((s) => s.id)).toEqual(unchanged ? ["{s1}"] : []);
        expect(plan.kept.length).toBe(unchanged ? 0 : 1);
      })
    );
  });

  it("never deletes a sheet that is not found by its recorded id, whatever its name", () => {
    fc.assert(
      fc.property(cells, (written) => {
        const { record, now } = oneSheet(written, written);
        now.sheets[0] = { ...now.sheets[0], id: "{someone else's}" };
        const plan = planRemoval(record, now);
        expect(plan.deleteSheets).toEqual([]);
        expect(plan.gone).toEqual(["The sheet “Income” had already been deleted."]);
      })
    );
  });
});
