/**
 * A write sync Excel refuses part-way: real Excel keeps the operations before the refused one
 * (partialBatches), so insertTemplates and buildPlanSkeleton must take out what they added before
 * reporting the error, and the workbook must end exactly as it was.
 */
import { buildPlanSkeleton } from "../../src/excel/buildPlanSkeleton";
import { insertTemplates } from "../../src/excel/insertTemplates";
import { MemoryExcelError, type MemoryWorkbookOptions } from "../../src/memory-excel";
import { admissionAvoidance, everything, icr, memoryWorkbook } from "./support";

const plan = {
  area: "Rutland",
  healthAndWellbeingBoard: "Rutland HWB",
  year: "2024-25",
};

const MERGED =
  "Excel could not put a table there: it would overlap merged cells, a PivotTable or another table. Unmerge or move them, or rename the sheet, and try again.";

const NOT_WRITES = new Set(["load", "resolve", "select", "activate"]);

/**
 * A workbook whose sync number `syncToFail` (1-based, counted from when `arm` is called) refuses its
 * write operation number `refuse` (0-based) with MergedRangeConflict, as Excel refuses a table over merged cells.
 */
function refusingWorkbook(options: MemoryWorkbookOptions = {}) {
  const trap = { syncToFail: 0, refuse: -1, writesSeen: 0, refused: false };
  const h = memoryWorkbook({
    partialBatches: true,
    ...options,
    beforeOperation: ({ action }) => {
      if (h.stats.syncs !== trap.syncToFail || NOT_WRITES.has(action)) return;
      if (trap.writesSeen++ === trap.refuse) {
        trap.refused = true;
        throw new MemoryExcelError("MergedRangeConflict", "The range overlaps merged cells.");
      }
    },
  });
  return {
    h,
    arm(syncToFail: number, refuse: number) {
      Object.assign(trap, {
        syncToFail: h.stats.syncs + syncToFail,
        refuse,
        writesSeen: 0,
        refused: false,
      });
    },
    get refused() {
      return trap.refused;
    },
  };
}

/**
 * A workbook that refuses adding a table on the sheet named `sheet` (found by name or by its id, as
 * the add-in addresses sheets it has just added), as Excel refuses one over merged cells.
 */
function workbookRefusingTableOn(sheet: string, options: MemoryWorkbookOptions = {}) {
  const h: ReturnType<typeof memoryWorkbook> = memoryWorkbook({
    partialBatches: true,
    ...options,
    beforeOperation: ({ action, path }) => {
      if (action !== "add" || !path.endsWith(".tables")) return;
      const id = h.workbook.sheetId(sheet);
      if (path.includes(JSON.stringify(sheet)) || (id && path.includes(JSON.stringify(id))))
        throw new MemoryExcelError("MergedRangeConflict", "The range overlaps merged cells.");
    },
  });
  return h;
}

/** The write operations of each of an action's syncs, counted on a copy of the workbook it succeeds on. */
async function writesPerSync(
  setup: (h: ReturnType<typeof memoryWorkbook>) => Promise<void>,
  action: (context: Excel.RequestContext) => Promise<unknown>
): Promise<{ syncs: number; writes: number[] }> {
  const h = memoryWorkbook();
  await setup(h);
  h.stats.reset();
  await action(h.context);
  return { syncs: h.stats.syncs, writes: h.stats.details.map((d) => d.writes) };
}

/** Clean-up after a refused write: tables on the sheet (only when one was created), the state, the removal. */
const CLEAN_UP_SYNCS = 5;

describe("insertTemplates when Excel refuses part of the final write", () => {
  it("deletes the expenditure rows it appended when the targets table can't grow, with the plain message", async () => {
    const h = memoryWorkbook({ partialBatches: true });
    await insertTemplates(h.context, [admissionAvoidance()]);
    // A note right below BCF_Targets: Excel refuses to add rows there (InsertDeleteConflict), after
    // the expenditure rows earlier in the same batch have gone in.
    const targets = h.workbook.tables().find((t) => t.name === "BCF_Targets")!;
    const below = Number(/\d+$/.exec(targets.address)![0]) + 1;
    h.workbook.setCell("Targets", `A${below}`, "Checked by performance team");
    const before = everything(h);
    h.stats.reset();
    await expect(insertTemplates(h.context, [admissionAvoidance()])).rejects.toThrow(
      /Cells below the table are not empty.*nothing was changed/
    );
    expect(everything(h)).toEqual(before);
    expect(h.stats.syncs).toBeLessThanOrEqual(3 + CLEAN_UP_SYNCS);
  });

  it("deletes the Expenditure and lists sheets it added when the targets table is refused", async () => {
    const h = workbookRefusingTableOn("Targets");
    const before = everything(h);
    await expect(insertTemplates(h.context, [admissionAvoidance()])).rejects.toThrow(MERGED);
    expect(everything(h)).toEqual(before);
    expect(h.workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  // Each scenario: the workbook before, and whether the final sync writes to existing tables.
  const scenarios: Array<[string, (h: ReturnType<typeof memoryWorkbook>) => Promise<void>]> = [
    ["a new workbook", async () => {}],
    [
      "an empty Expenditure sheet of the user's, with a note outside the table's area",
      async (h) => {
        const sheet = h.context.workbook.worksheets.add("Expenditure");
        sheet.getRange("P3").values = [["Notes kept here"]];
        await h.context.sync();
      },
    ],
    [
      "a new plan, whose tables' one blank row is filled first",
      async (h) => {
        await buildPlanSkeleton(h.context, plan);
      },
    ],
    [
      "a plan with rows already in both tables",
      async (h) => {
        await insertTemplates(h.context, [admissionAvoidance()]);
      },
    ],
  ];

  it.each(scenarios)(
    "leaves %s exactly as it was whichever write Excel refuses",
    async (_name, setup) => {
      const templates = [icr(), admissionAvoidance()];
      const { syncs, writes } = await writesPerSync(setup, (c) => insertTemplates(c, templates));
      expect(syncs).toBeLessThanOrEqual(4);
      expect(writes.at(-1)).toBeGreaterThan(10);
      // Every write of every sync in turn: each is a point where Excel could stop.
      for (const [sync, count] of writes.entries()) {
        for (let refuse = 0; refuse < count; refuse++) {
          const r = refusingWorkbook();
          await setup(r.h);
          const before = everything(r.h);
          r.h.stats.reset();
          r.arm(sync + 1, refuse);
          await expect(insertTemplates(r.h.context, templates)).rejects.toThrow(MERGED);
          expect(r.refused).toBe(true);
          expect(everything(r.h)).toEqual(before);
          expect(r.h.stats.syncs).toBeLessThanOrEqual(syncs + CLEAN_UP_SYNCS);
        }
      }
    }
  );
});

describe("buildPlanSkeleton when Excel refuses part of the final write", () => {
  it("deletes every sheet it added when the last table is refused, with the plain message, in at most 9 syncs", async () => {
    const h = workbookRefusingTableOn("Metrics", {
      sheets: [{ name: "Income", rows: [["Our own income", 5]] }],
    });
    const before = everything(h);
    await expect(buildPlanSkeleton(h.context, plan)).rejects.toThrow(MERGED);
    expect(everything(h)).toEqual(before);
    expect(h.workbook.sheetNames()).toEqual(["Income"]);
    expect(h.stats.syncs).toBeLessThanOrEqual(4 + CLEAN_UP_SYNCS);
  });

  it("leaves the user's sheets and the templates inserted before exactly as they were whichever write Excel refuses", async () => {
    const setup = async (h: ReturnType<typeof memoryWorkbook>) => {
      // A person's own Income sheet, and templates inserted before the plan: their Expenditure and Targets
      // tables and the BCF Lists sheet are checked (second sync) and become the plan's, not deleted on failure.
      h.workbook.addSheet("Income");
      h.workbook.setCell("Income", "A1", "Our own income");
      h.workbook.setCell("Income", "B3", 12345);
      await insertTemplates(h.context, [icr(), admissionAvoidance()]);
    };
    const { syncs, writes } = await writesPerSync(setup, (c) => buildPlanSkeleton(c, plan));
    expect(syncs).toBe(4);
    expect(writes.at(-1)).toBeGreaterThan(10);
    for (const [sync, count] of writes.entries()) {
      for (let refuse = 0; refuse < count; refuse++) {
        const r = refusingWorkbook();
        await setup(r.h);
        const before = everything(r.h);
        r.h.stats.reset();
        r.arm(sync + 1, refuse);
        await expect(buildPlanSkeleton(r.h.context, plan)).rejects.toThrow(MERGED);
        expect(r.refused).toBe(true);
        expect(everything(r.h)).toEqual(before);
        expect(r.h.stats.syncs).toBeLessThanOrEqual(syncs + CLEAN_UP_SYNCS);
      }
    }
  });
});
