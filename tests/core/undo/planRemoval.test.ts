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

describe("planRemoval of a chart insert", () => {
  const box = { row: 0, col: 2, lastRow: 2, lastCol: 3 };
  const written = printCells(
    [
      ["Mean", "Lower process limit"],
      ["=INDEX(BCF.SPC($B$2:$B$3),1,1)", "=INDEX(BCF.SPC($B$2:$B$3),1,2)"],
      ["=INDEX(BCF.SPC($B$2:$B$3),2,1)", "=INDEX(BCF.SPC($B$2:$B$3),2,2)"],
    ],
    0,
    2
  );
  const made = { type: "LineMarkers", title: "Falls: statistical process control" };

  /** A chart and its cells beside the data on "Falls", and the workbook holding them as written. */
  function beside(): { record: InsertionRecord; now: WorkbookNow } {
    return {
      record: {
        kind: "spc",
        sheets: [],
        tables: [],
        rows: [],
        filled: [],
        cells: [{ sheetId: "{falls}", sheet: "Falls", box, cells: { ...written } }],
        charts: [
          {
            id: "{c1}",
            name: "SPC chart C1:D3",
            sheetId: "{falls}",
            sheet: "Falls",
            ...made,
            plots: 0,
          },
        ],
      },
      now: {
        sheets: [{ id: "{falls}", name: "Falls", protected: false, cells: {} }],
        tables: [],
        tableAreas: [],
        visibleSheetIds: ["{falls}"],
        cellAreas: [{ ...written }],
        charts: [{ id: "{c1}", name: "SPC chart C1:D3", sheetId: "{falls}", ...made }],
      },
    };
  }

  it("removes the chart and its cells when both are as written", () => {
    const { record, now } = beside();
    const plan = planRemoval(record, now);
    expect(plan.deleteCharts).toEqual([{ sheetId: "{falls}", name: "SPC chart C1:D3" }]);
    expect(plan.clearBoxes).toEqual([{ sheetId: "{falls}", box }]);
    expect(plan.deleteSheets).toEqual([]);
    expect(plan.kept).toEqual([]);
  });

  it("keeps both when a cell was changed, and both when the chart's title was", () => {
    const edited = beside();
    edited.now.cellAreas![0][cellKey(1, 2)] = printCells([[70]], 0, 0)[cellKey(0, 0)];
    const cellPlan = planRemoval(edited.record, edited.now);
    expect(cellPlan.deleteCharts).toEqual([]);
    expect(cellPlan.clearBoxes).toEqual([]);
    expect(cellPlan.kept).toEqual([
      "The cells C1:D3 on “Falls” have 1 cell you changed; they were kept.",
      "The chart “SPC chart C1:D3” on “Falls” plots cells that were kept; it was kept.",
    ]);

    const titled = beside();
    titled.now.charts![0]!.title = "Falls";
    const titlePlan = planRemoval(titled.record, titled.now);
    expect(titlePlan.deleteCharts).toEqual([]);
    expect(titlePlan.clearBoxes).toEqual([]);
    expect(titlePlan.kept).toHaveLength(2);
  });

  it("clears the cells of a chart the user deleted, and says the chart had gone", () => {
    const { record, now } = beside();
    now.charts = [undefined];
    const plan = planRemoval(record, now);
    expect(plan.deleteCharts).toEqual([]);
    expect(plan.clearBoxes).toEqual([{ sheetId: "{falls}", box }]);
    expect(plan.gone).toEqual(["The chart “SPC chart C1:D3” had already been deleted."]);
  });

  it("changes nothing on a protected sheet", () => {
    const { record, now } = beside();
    now.sheets[0].protected = true;
    const plan = planRemoval(record, now);
    expect(plan.deleteCharts).toEqual([]);
    expect(plan.clearBoxes).toEqual([]);
    expect(plan.kept).toEqual([
      "The cells C1:D3 on “Falls” are on a protected sheet; they were kept.",
      "The chart “SPC chart C1:D3” on “Falls” is on a protected sheet; it was kept.",
    ]);
  });

  it("after a refused write, takes out what was written so far, untitled chart and all", () => {
    const { record, now } = beside();
    record.charts![0].id = "";
    now.cellAreas = [{ [cellKey(0, 2)]: written[cellKey(0, 2)] }];
    now.charts![0]!.title = "";
    const plan = planRemoval(record, now, { mode: "failed-write" });
    expect(plan.deleteCharts).toHaveLength(1);
    expect(plan.clearBoxes).toHaveLength(1);
    expect(plan.kept).toEqual([]);
  });

  /** The same insert on a sheet of its own. */
  function ownSheet(): { record: InsertionRecord; now: WorkbookNow } {
    const chart = {
      id: "{c1}",
      name: "SPC chart A1:B3",
      sheetId: "{spc}",
      sheet: "SPC chart",
      ...made,
    };
    return {
      record: {
        kind: "spc",
        sheets: [{ id: "{spc}", name: "SPC chart", cells: { ...written } }],
        tables: [],
        rows: [],
        filled: [],
        charts: [chart],
      },
      now: {
        sheets: [
          { id: "{falls}", name: "Falls", protected: false, cells: {} },
          { id: "{spc}", name: "SPC chart", protected: false, cells: { ...written }, charts: 1 },
        ],
        tables: [],
        tableAreas: [],
        visibleSheetIds: ["{falls}", "{spc}"],
        cellAreas: [],
        charts: [{ ...chart }],
      },
    };
  }

  it("deletes a sheet of its own whole, and never its chart alone", () => {
    const { record, now } = ownSheet();
    expect(planRemoval(record, now)).toMatchObject({
      deleteSheets: [{ id: "{spc}", name: "SPC chart" }],
      deleteCharts: [],
    });
    now.sheets[1].cells![cellKey(5, 0)] = printCells([["note"]], 0, 0)[cellKey(0, 0)];
    const kept = planRemoval(record, now);
    expect(kept.deleteSheets).toEqual([]);
    expect(kept.deleteCharts).toEqual([]);
    expect(kept.kept).toEqual(["The sheet “SPC chart” has 1 cell you changed; it was kept."]);
  });

  it("keeps a sheet of its own whose chart changed, or that holds a chart the add-in did not make", () => {
    const titled = ownSheet();
    titled.now.charts![0]!.type = "ColumnClustered";
    expect(planRemoval(titled.record, titled.now).kept).toEqual([
      "The sheet “SPC chart” holds a chart you changed (its title or type); it was kept.",
    ]);
    const another = ownSheet();
    another.now.sheets[1].charts = 2;
    expect(planRemoval(another.record, another.now).kept).toEqual([
      "The sheet “SPC chart” holds a chart the add-in did not make; it was kept.",
    ]);
  });
});
