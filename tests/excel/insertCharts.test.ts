import { spcTable, spcAssurance } from "../../src/core/statistics/spc";
import { funnelLimits } from "../../src/core/statistics/funnel";
import { poolSplit } from "../../src/core/statistics/poolSplit";
import { createMemoryWorkbook, type MemoryWorkbookOptions } from "../../src/memory-excel";
import { insertFunnelChart, insertSpcChart } from "../../src/excel/insertCharts";
import { removeInsertion } from "../../src/excel/removeInsertion";
import { WorkbookActionError } from "../../src/excel/errors";
import { MemoryExcelError } from "../../src/memory-excel";

/** The chart formulas' =BCF.* functions, evaluated by src/core as Excel's would be by functions.ts. */
const FUNCTIONS = {
  "BCF.SPC": spcTable,
  "BCF.SPC.ASSURANCE": spcAssurance,
  "BCF.FUNNEL": (...args: unknown[]) => [
    funnelLimits(...(args as Parameters<typeof funnelLimits>)),
  ],
  "BCF.SPLIT": poolSplit,
} as unknown as Record<string, (...args: never[]) => unknown>;

function workbook(options: MemoryWorkbookOptions = {}) {
  return createMemoryWorkbook({ customFunctions: FUNCTIONS, ...options });
}

const FALLS = [
  72, 68, 75, 70, 66, 74, 79, 83, 77, 71, 69, 73, 64, 62, 65, 61, 60, 63, 58, 66, 59, 57, 61, 55,
];
const MONTHS = Array.from({ length: 24 }, (_, i) => {
  const d = new Date(Date.UTC(2023, 3 + i, 1));
  return d.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
});

function fallsSheet(extra: Array<Array<string | number | null>> = []) {
  return {
    name: "Falls",
    rows: [["Month", "Falls admissions"], ...MONTHS.map((m, i) => [m, FALLS[i]]), ...extra],
  };
}

async function select(handle: ReturnType<typeof workbook>, sheet: string, address: string) {
  handle.context.workbook.worksheets.getItem(sheet).getRange(address).select();
  await handle.context.sync();
  handle.stats.reset();
}

describe("SPC chart", () => {
  it("writes =BCF.SPC beside months and figures and a line chart of data, mean, limits and special causes, in 3 syncs", async () => {
    const handle = workbook({ sheets: [fallsSheet()] });
    await select(handle, "Falls", "A1:B25");
    const result = await insertSpcChart(handle.context, {
      improvement: "decrease",
      target: 60,
      annualTarget: 720,
    });
    expect(handle.stats.syncs).toBe(3);
    const wb = handle.workbook;
    expect(wb.getCell("Falls", "C1").value).toBe("Mean");
    expect(wb.getCell("Falls", "C2").formula).toBe('=INDEX(BCF.SPC($B$2:$B$25,"decrease"),1,1)');
    // The worked figures of the sample series (tests/core/statistics/spc.test.ts): mean 67, limits 54.39–79.61.
    expect(wb.getCell("Falls", "C2").value).toBe(67);
    expect(wb.getCell("Falls", "D2").value as number).toBeCloseTo(54.393913043478264, 9);
    expect(wb.getCell("Falls", "E25").value as number).toBeCloseTo(79.60608695652174, 9);
    expect(wb.getCell("Falls", "F7").value).toBe("special cause concern");
    expect(wb.getCell("Falls", "F25").value).toBe("special cause improvement");
    // Improvement points carry the value, other points #N/A (no marker).
    expect(wb.getCell("Falls", "G25").value).toBe(55);
    expect(wb.getCell("Falls", "G2").value).toBe("#N/A");
    expect(wb.getCell("Falls", "H7").value).toBe(74);
    // Target line and the trajectory: 720 phased over the last 12 months in whole numbers.
    expect(wb.getCell("Falls", "I2").value).toBe(60);
    const trajectory = Array.from(
      { length: 12 },
      (_, i) => wb.getCell("Falls", `K${14 + i}`).value
    );
    expect(trajectory).toEqual(Array(12).fill(60));
    expect(wb.getCell("Falls", "K13").value).toBe("");
    // Variation and assurance in words under the table.
    expect(wb.getCell("Falls", "C27").value).toBe("Variation");
    expect(wb.getCell("Falls", "D27").value).toBe("Latest point: special cause improvement");
    expect(wb.getCell("Falls", "D29").value).toBe("hit and miss");
    expect(result.findings).toEqual([
      "Variation: the latest point is special cause improvement.",
      "Assurance: hit and miss.",
    ]);
    const [chart] = wb.charts("Falls");
    expect(chart.type).toBe("LineMarkers");
    const series = wb.chartSeries("Falls", chart.name);
    expect(series.map((s) => s.name)).toEqual([
      "Falls admissions",
      "Mean",
      "Lower process limit",
      "Upper process limit",
      "Special cause improvement",
      "Special cause concern",
      "Target",
      "Trajectory",
    ]);
    expect(series[0]).toMatchObject({
      values: "Falls!B2:B25",
      xValues: "Falls!A2:A25",
      markerBackgroundColor: "#7B7D7D",
    });
    expect(series[4]).toMatchObject({
      values: "Falls!G2:G25",
      lineStyle: "None",
      markerBackgroundColor: "#289DE0",
    });
    expect(series[5]).toMatchObject({ markerBackgroundColor: "#FAB428" });
    expect(series[2]).toMatchObject({ lineStyle: "Dash", markerStyle: "None" });
    expect(result).toMatchObject({ sheet: "Falls", sheetAdded: false, address: "C1:K30" });
  });

  it("recalculates with the data: a changed figure moves the limits and the chart's cells", async () => {
    const handle = workbook({ sheets: [fallsSheet()] });
    await select(handle, "Falls", "A1:B25");
    await insertSpcChart(handle.context, { improvement: "decrease" });
    handle.workbook.setCell("Falls", "B25", 30);
    expect(handle.workbook.getCell("Falls", "C2").value as number).toBeCloseTo(
      (FALLS.reduce((s, v) => s + v, 0) - 55 + 30) / 24,
      9
    );
    expect(handle.workbook.getCell("Falls", "F25").value).toBe("special cause improvement");
  });

  it("goes on a new sheet when the cells beside the data are not empty, and never overwrites them", async () => {
    const handle = workbook({ sheets: [fallsSheet([[null, null, "note"]])] });
    await select(handle, "Falls", "A1:B25");
    const result = await insertSpcChart(handle.context, { improvement: "increase" });
    expect(handle.stats.syncs).toBe(3);
    expect(handle.workbook.getCell("Falls", "C26").value).toBe("note");
    expect(handle.workbook.getCell("Falls", "C1").value).toBe("");
    expect(result).toMatchObject({ sheet: "SPC chart", sheetAdded: true });
    expect(handle.workbook.getCell("SPC chart", "B2").formula).toBe("=Falls!B2");
    expect(handle.workbook.getCell("SPC chart", "B2").value).toBe(72);
    expect(handle.workbook.getCell("SPC chart", "C2").value).toBe(67);
    expect(handle.workbook.getCell("SPC chart", "F8").value).toBe("special cause improvement");
    expect(handle.workbook.charts("SPC chart")).toHaveLength(1);
    expect(result.message).toMatch(/new sheet, "SPC chart"/);
  });

  it.each([
    ["Falls 2025", "='Falls 2025'!B2"],
    ["Q1", "='Q1'!B2"],
  ])("on a new sheet, refers to a sheet named %s the way Excel needs it", async (name, formula) => {
    const handle = workbook({ sheets: [{ ...fallsSheet([[null, null, "note"]]), name }] });
    await select(handle, name, "A1:B25");
    await insertSpcChart(handle.context, { improvement: "decrease" });
    expect(handle.workbook.getCell("SPC chart", "B2").formula).toBe(formula);
    expect(handle.workbook.getCell("SPC chart", "B2").value).toBe(72);
    expect(handle.workbook.getCell("SPC chart", "A3").formula).toBe(formula.replace("B2", "A3"));
  });

  it("charts a single column without a header on a new sheet, numbering the points", async () => {
    const handle = workbook({ sheets: [{ name: "Sheet1", rows: FALLS.map((v) => [v]) }] });
    await select(handle, "Sheet1", "A1:A24");
    const result = await insertSpcChart(handle.context, { improvement: "neutral" });
    expect(result.sheet).toBe("SPC chart");
    expect(handle.workbook.getCell("SPC chart", "A3").value).toBe(2);
    expect(handle.workbook.getCell("SPC chart", "F25").value).toBe("special cause low");
  });

  it("refuses a selection that is not a series, in plain English, changing nothing", async () => {
    const handle = workbook({ sheets: [fallsSheet([["Apr 2025", "n/a"]])] });
    await select(handle, "Falls", "A1:B26");
    await expect(insertSpcChart(handle.context, { improvement: "decrease" })).rejects.toThrow(
      "B26 is not a number"
    );
    await select(handle, "Falls", "A1:A1");
    await expect(insertSpcChart(handle.context, { improvement: "decrease" })).rejects.toThrow(
      WorkbookActionError
    );
    expect(handle.workbook.charts()).toHaveLength(0);
    expect(handle.workbook.sheetNames()).toEqual(["Falls"]);
  });

  it("undo takes out the chart and the cells it wrote, and nothing else", async () => {
    const handle = workbook({ sheets: [fallsSheet()] });
    await select(handle, "Falls", "A1:B25");
    const { record } = await insertSpcChart(handle.context, {
      improvement: "decrease",
      target: 60,
    });
    const report = await removeInsertion(handle.context, record);
    expect(handle.workbook.charts()).toHaveLength(0);
    expect(handle.workbook.getCell("Falls", "C2").formula ?? "").toBe("");
    expect(handle.workbook.getCell("Falls", "C2").value).toBe("");
    expect(handle.workbook.getCell("Falls", "B25").value).toBe(55);
    expect(report.kept).toEqual([]);
    expect(report.message).toBe(
      "Removed the chart “SPC chart C1:I29” on “Falls” and the cells C1:I29 on “Falls”."
    );
  });

  it("undo after the user edited their own figures still takes the chart out, and the edit stays", async () => {
    const handle = workbook({ sheets: [fallsSheet()] });
    await select(handle, "Falls", "A1:B25");
    const { record } = await insertSpcChart(handle.context, { improvement: "decrease" });
    handle.workbook.setCell("Falls", "B5", 90);
    const report = await removeInsertion(handle.context, record);
    expect(handle.workbook.charts()).toHaveLength(0);
    expect(handle.workbook.getCell("Falls", "C2").value).toBe("");
    expect(handle.workbook.getCell("Falls", "B5").value).toBe(90);
    expect(report.kept).toEqual([]);
  });

  it("undo keeps a cell of the chart's columns the user edited, with the chart that plots it, and says so", async () => {
    const handle = workbook({ sheets: [fallsSheet()] });
    await select(handle, "Falls", "A1:B25");
    const { record } = await insertSpcChart(handle.context, { improvement: "decrease" });
    handle.workbook.setCell("Falls", "C5", 70);
    const report = await removeInsertion(handle.context, record);
    expect(handle.workbook.getCell("Falls", "C5").value).toBe(70);
    expect(handle.workbook.getCell("Falls", "D2").formula).toBe(
      '=INDEX(BCF.SPC($B$2:$B$25,"decrease"),1,2)'
    );
    expect(handle.workbook.charts("Falls")).toHaveLength(1);
    expect(report.removed).toEqual([]);
    expect(report.kept).toEqual([
      "The cells C1:H27 on “Falls” have 1 cell you changed; they were kept.",
      "The chart “SPC chart C1:H27” on “Falls” plots cells that were kept; it was kept.",
    ]);
    expect(report.message).toMatch(/^Nothing was removed\. The cells C1:H27/);
  });

  it("undo keeps a chart whose title the user changed, and the cells it plots", async () => {
    const handle = workbook({ sheets: [fallsSheet()] });
    await select(handle, "Falls", "A1:B25");
    const { record } = await insertSpcChart(handle.context, { improvement: "decrease" });
    const [made] = handle.workbook.charts("Falls");
    handle.context.workbook.worksheets.getItem("Falls").charts.getItem(made.name).title.text =
      "Falls admissions, Leicestershire";
    await handle.context.sync();
    const report = await removeInsertion(handle.context, record);
    expect(handle.workbook.charts("Falls").map((c) => c.title)).toEqual([
      "Falls admissions, Leicestershire",
    ]);
    expect(handle.workbook.getCell("Falls", "C2").value).toBe(67);
    expect(report.kept).toEqual([
      "The chart “SPC chart C1:H27” on “Falls” has been changed since (its title or type); it was kept.",
      "The cells C1:H27 on “Falls” are what the chart that was kept plots; they were kept.",
    ]);
  });

  it("undo after the user deleted the chart clears its cells and says the chart had gone", async () => {
    const handle = workbook({ sheets: [fallsSheet()] });
    await select(handle, "Falls", "A1:B25");
    const { record } = await insertSpcChart(handle.context, { improvement: "decrease" });
    const [made] = handle.workbook.charts("Falls");
    handle.context.workbook.worksheets.getItem("Falls").charts.getItem(made.name).delete();
    await handle.context.sync();
    const report = await removeInsertion(handle.context, record);
    expect(handle.workbook.getCell("Falls", "C2").value).toBe("");
    expect(report.message).toBe(
      "Removed the cells C1:H27 on “Falls”. The chart “SPC chart C1:H27” had already been deleted."
    );
  });

  it("undo deletes the sheet it added, but keeps it once its cells or its chart have been edited", async () => {
    const handle = workbook({ sheets: [fallsSheet([[null, null, "note"]])] });
    await select(handle, "Falls", "A1:B25");
    const first = await insertSpcChart(handle.context, { improvement: "decrease" });
    const removed = await removeInsertion(handle.context, first.record);
    expect(handle.workbook.sheetNames()).toEqual(["Falls"]);
    expect(removed.message).toBe("Removed the sheet “SPC chart”.");

    const second = await insertSpcChart(handle.context, { improvement: "decrease" });
    handle.workbook.setCell("SPC chart", "C2", 70);
    const kept = await removeInsertion(handle.context, second.record);
    expect(handle.workbook.sheetNames()).toEqual(["Falls", "SPC chart"]);
    expect(handle.workbook.getCell("SPC chart", "C2").value).toBe(70);
    expect(kept.kept).toEqual(["The sheet “SPC chart” has 1 cell you changed; it was kept."]);

    handle.workbook.setCell("SPC chart", "C2", '=INDEX(BCF.SPC($B$2:$B$25,"decrease"),1,1)');
    const [chart] = handle.workbook.charts("SPC chart");
    handle.context.workbook.worksheets.getItem("SPC chart").charts.getItem(chart.name).title.text =
      "Falls";
    await handle.context.sync();
    const titled = await removeInsertion(handle.context, second.record);
    expect(handle.workbook.sheetNames()).toEqual(["Falls", "SPC chart"]);
    expect(titled.kept).toEqual([
      "The sheet “SPC chart” holds a chart you changed (its title or type); it was kept.",
    ]);
  });
});

const AREAS = [
  ["Area", "Falls admissions", "Population 65+"],
  ["Rutland", 220, 8540],
  ["Melton", 255, 12400],
  ["Harborough", 540, 21800],
  ["Charnwood", 780, 36400],
  ["North West Leicestershire", 730, 22900],
  ["Oadby and Wigston", 240, 13100],
];

describe("funnel plot", () => {
  it("writes each area's rate and position, =BCF.FUNNEL limits over 40 denominators and a scatter chart, in 3 syncs", async () => {
    const handle = workbook({ sheets: [{ name: "Areas", rows: AREAS }] });
    await select(handle, "Areas", "A1:C7");
    const result = await insertFunnelChart(handle.context, { statistic: "rate" });
    expect(handle.stats.syncs).toBe(3);
    const wb = handle.workbook;
    const totalEvents = 220 + 255 + 540 + 780 + 730 + 240;
    const totalPopulation = 8540 + 12400 + 21800 + 36400 + 22900 + 13100;
    const average = (totalEvents / totalPopulation) * 100000;
    expect(wb.getCell("Areas", "E43").value as number).toBeCloseTo(average, 9);
    expect(wb.getCell("Areas", "D2").value as number).toBeCloseTo((220 / 8540) * 100000, 9);
    // Limits at the first denominator drawn (half the smallest population) and at the last.
    expect(wb.getCell("Areas", "F2").value as number).toBeCloseTo(8540 / 2, 9);
    expect(wb.getCell("Areas", "F41").value as number).toBeCloseTo(36400 * 1.1, 6);
    const [l95, u95] = funnelLimits(average, 8540 / 2, "rate", 0.95);
    expect(wb.getCell("Areas", "G2").value as number).toBeCloseTo(l95, 9);
    expect(wb.getCell("Areas", "H2").value as number).toBeCloseTo(u95, 9);
    // Each area's position against the limits at its own population.
    const positions = Array.from({ length: 6 }, (_, i) => wb.getCell("Areas", `E${i + 2}`).value);
    const expected = AREAS.slice(1).map(([, x, n]) => {
      const v = ((x as number) / (n as number)) * 100000;
      const [a, b] = funnelLimits(average, n, "rate", 0.998);
      const [c, d] = funnelLimits(average, n, "rate", 0.95);
      if (v > b) return "above the upper 99.8% limit";
      if (v < a) return "below the lower 99.8% limit";
      if (v > d) return "above the upper 95% limit";
      if (v < c) return "below the lower 95% limit";
      return "within the 95% limits";
    });
    expect(positions).toEqual(expected);
    expect(positions).toContain("above the upper 99.8% limit");
    expect(positions).toContain("below the lower 99.8% limit");
    expect(result.findings).toEqual(AREAS.slice(1).map(([name], i) => `${name}: ${expected[i]}`));
    const [chart] = wb.charts("Areas");
    expect(chart.type).toBe("XYScatter");
    const series = wb.chartSeries("Areas", chart.name);
    expect(series.map((s) => s.name)).toEqual([
      "Areas",
      "Lower 95% limit",
      "Upper 95% limit",
      "Lower 99.8% limit",
      "Upper 99.8% limit",
      "Average",
    ]);
    expect(series[0]).toMatchObject({ values: "Areas!D2:D7", xValues: "Areas!C2:C7" });
    expect(series[3]).toMatchObject({
      values: "Areas!I2:I41",
      xValues: "Areas!F2:F41",
      chartType: "XYScatterLinesNoMarkers",
    });
  });

  it("proportions as percentages, on a new sheet when the cells beside are taken", async () => {
    const rows = [
      ["Area", "At home after 91 days", "Discharged to reablement"],
      ["A", 82, 100],
      ["B", 150, 200],
      ["C", 400, 450],
      [null, null, null, "taken"],
    ];
    const handle = workbook({ sheets: [{ name: "Reablement", rows }] });
    await select(handle, "Reablement", "A1:C4");
    const result = await insertFunnelChart(handle.context, { statistic: "proportion" });
    expect(result.sheet).toBe("Funnel plot");
    expect(handle.workbook.getCell("Reablement", "D5").value).toBe("taken");
    expect(handle.workbook.getCell("Funnel plot", "D2").value as number).toBeCloseTo(82, 9);
    const average = (632 / 750) * 100;
    expect(handle.workbook.getCell("Funnel plot", "E43").value as number).toBeCloseTo(average, 9);
    expect(result.findings.some((f) => f.startsWith("C: "))).toBe(true);
  });

  it("refuses a numerator above its denominator for a proportion", async () => {
    const handle = workbook({
      sheets: [
        {
          name: "S",
          rows: [
            ["A", "n", "d"],
            ["x", 5, 4],
            ["y", 1, 2],
          ],
        },
      ],
    });
    await select(handle, "S", "A1:C3");
    await expect(insertFunnelChart(handle.context, { statistic: "proportion" })).rejects.toThrow(
      /B2 is more than its denominator/
    );
  });
});

describe("cells typed in the pane instead of a selection", () => {
  it("charts 'Sheet'!A1:B25 whatever is selected, and A1:C7 on the active sheet", async () => {
    const handle = workbook({ sheets: [fallsSheet(), { name: "Areas", rows: AREAS }] });
    await select(handle, "Areas", "A1");
    const spc = await insertSpcChart(handle.context, { improvement: "decrease" }, "'Falls'!A1:B25");
    expect(handle.stats.syncs).toBe(3);
    expect(spc).toMatchObject({ sheet: "Falls", address: "C1:H27" });
    handle.stats.reset();
    const funnel = await insertFunnelChart(handle.context, { statistic: "rate" }, " A1:C7 ");
    expect(handle.stats.syncs).toBe(3);
    expect(funnel.sheet).toBe("Areas");
  });

  it("refuses what is not a range, in plain English", async () => {
    const handle = workbook({ sheets: [fallsSheet()] });
    await expect(
      insertSpcChart(handle.context, { improvement: "decrease" }, "the falls")
    ).rejects.toThrow(/is not a range of cells/);
    await expect(
      insertSpcChart(handle.context, { improvement: "decrease" }, "'Nowhere'!A1:B3")
    ).rejects.toThrow(WorkbookActionError);
  });
});

describe("when Excel refuses part of the final write", () => {
  /** Refuses the nth operation named `action` in the sync that writes the chart. */
  function refuse(action: string, nth = 1): MemoryWorkbookOptions["beforeOperation"] {
    let seen = 0;
    return (op) => {
      if (op.action === action && ++seen === nth)
        throw new MemoryExcelError("InvalidOperation", "Excel refused the operation.");
    };
  }

  it.each([
    ["the first series' categories", "setXAxisValues", 1],
    ["the last series' values", "setValues", 7],
  ])(
    "beside the data (%s): the cells and the chart are taken out again",
    async (_, action, nth) => {
      const handle = workbook({
        sheets: [fallsSheet()],
        partialBatches: true,
        beforeOperation: refuse(action, nth),
      });
      await select(handle, "Falls", "A1:B25");
      const before = JSON.stringify(handle.workbook.snapshot());
      await expect(
        insertSpcChart(handle.context, { improvement: "decrease", target: 60, annualTarget: 720 })
      ).rejects.toThrow(WorkbookActionError);
      expect(handle.workbook.charts()).toHaveLength(0);
      expect(JSON.stringify(handle.workbook.snapshot())).toBe(before);
    }
  );

  it("on a new sheet: the sheet is deleted again", async () => {
    const handle = workbook({
      sheets: [fallsSheet([[null, null, "note"]])],
      partialBatches: true,
      beforeOperation: refuse("setValues", 3),
    });
    await select(handle, "Falls", "A1:B25");
    await expect(insertSpcChart(handle.context, { improvement: "decrease" })).rejects.toThrow(
      WorkbookActionError
    );
    expect(handle.workbook.sheetNames()).toEqual(["Falls"]);
    expect(handle.workbook.charts()).toHaveLength(0);
  });
});
