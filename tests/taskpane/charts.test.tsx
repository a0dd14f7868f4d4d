/** @jest-environment jsdom */
/**
 * The Charts tab against the in-memory workbook with the real Excel layer: both charts go into the
 * preview's sample plan and into a blank workbook, and "Remove the last chart" takes them out again.
 */
import "./setup";
import { readFileSync } from "fs";
import { join } from "path";
import * as React from "react";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { optionalNumber } from "../../src/taskpane/components/ChartsTab";
import { setWorkbookProvider } from "../../src/excel/host";
import {
  createMemoryWorkbook,
  type MemoryWorkbookHandle,
  type MemoryWorkbookOptions,
} from "../../src/memory-excel";
import {
  loadSamplePlan,
  SAMPLE_AREAS,
  SAMPLE_FALLS,
  SAMPLE_PLAN,
} from "../../src/preview/samplePlan";
import { spcAssurance, spcTable } from "../../src/core/statistics/spc";
import { funnelLimits } from "../../src/core/statistics/funnel";
import { poolSplit } from "../../src/core/statistics/poolSplit";
import { FIXTURE_TEMPLATES, renderInFluent, ruleValue } from "./fixtures";

const FUNCTIONS = {
  "BCF.SPC": spcTable,
  "BCF.SPC.ASSURANCE": spcAssurance,
  "BCF.FUNNEL": (...args: unknown[]) => [
    funnelLimits(...(args as Parameters<typeof funnelLimits>)),
  ],
  "BCF.SPLIT": poolSplit,
} as unknown as Record<string, (...args: never[]) => unknown>;

let handle: MemoryWorkbookHandle;

function open(sheets: MemoryWorkbookOptions["sheets"]) {
  handle = createMemoryWorkbook({ sheets, customFunctions: FUNCTIONS });
  setWorkbookProvider(() => handle.context);
  return handle;
}

afterEach(() => setWorkbookProvider(undefined));

async function select(sheet: string, address: string) {
  handle.context.workbook.worksheets.getItem(sheet).getRange(address).select();
  await handle.context.sync();
}

/** The pane opened on the Charts tab, once the tab's code has loaded. */
async function renderCharts() {
  renderInFluent(<App templates={FIXTURE_TEMPLATES} initialTab="charts" />);
  await screen.findByRole("button", { name: "Insert SPC chart" });
}

describe("Charts tab", () => {
  test("inserts an SPC chart of the sample plan's falls with a target and trajectory, then removes it", async () => {
    open(SAMPLE_PLAN.map((s) => s.name));
    await loadSamplePlan(handle.context);
    await select("Falls by month", "A1:B25");
    await renderCharts();
    fireEvent.change(screen.getByRole("textbox", { name: /Target each month/ }), {
      target: { value: "60" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: /Annual target/ }), {
      target: { value: "720" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Insert SPC chart" }));
    const title = await screen.findByText("SPC chart added", undefined, { timeout: 10000 });
    const bar = title.closest("[role=status]") as HTMLElement;
    expect(bar.textContent).toContain("beside the data in C1:K30");
    const findings = within(bar).getByRole("list", { name: "What the chart shows" });
    expect(findings.textContent).toContain(
      "Variation: the latest point is special cause improvement."
    );
    expect(findings.textContent).toContain("Assurance: hit and miss.");
    const wb = handle.workbook;
    expect(wb.getCell("Falls by month", "C2").value).toBe(67);
    expect(wb.getCell("Falls by month", "K25").value).toBe(60);
    expect(wb.charts("Falls by month")).toHaveLength(1);
    expect(SAMPLE_FALLS).toHaveLength(24);
    // April 2023 to March 2025.
    expect(
      ["A2", "A10", "A11", "A13", "A14", "A25"].map((a) => wb.getCell("Falls by month", a).value)
    ).toEqual(["Apr 2023", "Dec 2023", "Jan 2024", "Mar 2024", "Apr 2024", "Mar 2025"]);
    // Only the monthly figures take one decimal place; the target under the table stays as typed.
    expect(wb.getCell("Falls by month", "C2").numberFormat).toBe("0.0");
    expect(wb.getCell("Falls by month", "D28").text).toBe("60");

    fireEvent.click(screen.getByRole("button", { name: "Remove the last chart" }));
    await screen.findByText("Chart removed", undefined, { timeout: 10000 });
    expect(wb.charts("Falls by month")).toHaveLength(0);
    expect(wb.getCell("Falls by month", "C2").value).toBe("");
    expect(wb.getCell("Falls by month", "B25").value).toBe(55);
  });

  test("inserts a funnel plot of the sample plan's areas and names each area's position", async () => {
    open(SAMPLE_PLAN.map((s) => s.name));
    await loadSamplePlan(handle.context);
    await select("Area comparison", "A1:C7");
    await renderCharts();
    fireEvent.click(screen.getByRole("button", { name: "Insert funnel plot" }));
    const title = await screen.findByText("Funnel plot added", undefined, { timeout: 10000 });
    const bar = title.closest("[role=status]") as HTMLElement;
    const items = within(within(bar).getByRole("list", { name: "What the chart shows" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toHaveLength(SAMPLE_AREAS.length);
    expect(items).toContain("North West Leicestershire: above the upper 99.8% limit");
    expect(items).toContain("Charnwood: below the lower 99.8% limit");
    expect(handle.workbook.charts("Area comparison")[0].type).toBe("XYScatter");
  });

  test("in a workbook of its own, a series with notes typed beside it goes on a new sheet, untouched", async () => {
    open([
      {
        name: "Sheet1",
        rows: [["Admissions"], ...SAMPLE_FALLS.map((v) => [v, "typed note"])],
      },
    ]);
    await select("Sheet1", "A1:A25");
    await renderCharts();
    fireEvent.click(screen.getByRole("radio", { name: /Higher/ }));
    fireEvent.click(screen.getByRole("button", { name: "Insert SPC chart" }));
    const title = await screen.findByText("SPC chart added", undefined, { timeout: 10000 });
    expect((title.closest("[role=status]") as HTMLElement).textContent).toContain(
      'on a new sheet, "SPC chart"'
    );
    expect(handle.workbook.getCell("Sheet1", "B2").value).toBe("typed note");
    expect(handle.workbook.getCell("SPC chart", "F8").value).toBe("special cause improvement");
  });

  test("says in plain English what is wrong with the selection", async () => {
    open(["Sheet1"]);
    await select("Sheet1", "A1:C3");
    await renderCharts();
    fireEvent.click(screen.getByRole("button", { name: "Insert SPC chart" }));
    const title = await screen.findByText("The SPC chart was not added", undefined, {
      timeout: 10000,
    });
    expect((title.closest("[role=alert]") as HTMLElement).textContent).toContain(
      "Select one column of figures"
    );
    await waitFor(() => expect(handle.workbook.charts()).toHaveLength(0));
  });

  test("undo keeps the chart's cells the user edited and the chart over them, and says so", async () => {
    open(SAMPLE_PLAN.map((s) => s.name));
    await loadSamplePlan(handle.context);
    await select("Falls by month", "A1:B25");
    await renderCharts();
    fireEvent.click(screen.getByRole("button", { name: "Insert SPC chart" }));
    await screen.findByText("SPC chart added", undefined, { timeout: 10000 });
    handle.workbook.setCell("Falls by month", "C5", 70);
    fireEvent.click(screen.getByRole("button", { name: "Remove the last chart" }));
    const title = await screen.findByText("The chart was kept", undefined, { timeout: 10000 });
    expect((title.closest("[role=status]") as HTMLElement).textContent).toContain(
      "Nothing was removed. The cells C1:H27 on “Falls by month” have 1 cell you changed; they were kept."
    );
    expect(handle.workbook.getCell("Falls by month", "C5").value).toBe(70);
    expect(handle.workbook.charts("Falls by month")).toHaveLength(1);
    // What was kept is the user's now: there is nothing left to remove.
    expect(screen.queryByRole("button", { name: "Remove the last chart" })).toBeNull();
  });

  test("undo after the user deleted the sheet says there was nothing left to remove", async () => {
    open([{ name: "Sheet1", rows: [["Admissions"], ...SAMPLE_FALLS.map((v) => [v, "note"])] }]);
    await select("Sheet1", "A1:A25");
    await renderCharts();
    fireEvent.click(screen.getByRole("button", { name: "Insert SPC chart" }));
    await screen.findByText("SPC chart added", undefined, { timeout: 10000 });
    handle.context.workbook.worksheets.getItem("SPC chart").delete();
    await handle.context.sync();
    fireEvent.click(screen.getByRole("button", { name: "Remove the last chart" }));
    const title = await screen.findByText("The chart had already gone", undefined, {
      timeout: 10000,
    });
    expect((title.closest("[role=status]") as HTMLElement).textContent).toContain(
      "Nothing was removed. The sheet “SPC chart” had already been deleted."
    );
  });

  test("an unselected option's label is at full contrast, not greyed as if disabled", async () => {
    open(["Sheet1"]);
    await renderCharts();
    for (const name of [/Higher/, /Neither/, "A percentage"]) {
      const radio = screen.getByRole("radio", { name }) as HTMLInputElement;
      expect(radio.checked).toBe(false);
      for (const tail of [
        ":enabled:not(:checked)~.fui-Radio__label",
        ":enabled:not(:checked):hover~.fui-Radio__label",
      ]) {
        expect(ruleValue(radio, tail, "color").at(-1)).toBe("var(--colorNeutralForeground1)");
      }
    }
  });

  test("reads the optional numbers as a finance officer types them", () => {
    expect(optionalNumber("")).toBeUndefined();
    expect(optionalNumber(" 1,200 ")).toBe(1200);
    expect(optionalNumber("60.5")).toBe(60.5);
    expect(optionalNumber("sixty")).toBeNaN();
  });
});

describe("the README's worked figures for the Charts tab", () => {
  const readme = readFileSync(join(__dirname, "../../README.md"), "utf8");
  const oneDecimal = (v: number) =>
    v.toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  test("are the sample plan's own", () => {
    const rows = spcTable(
      SAMPLE_FALLS.map((v) => [v]),
      "decrease"
    );
    expect(readme).toContain(
      `mean\n  ${oneDecimal(rows[0][0] as number)}, process limits ${(rows[0][1] as number).toFixed(2)} to ${(rows[0][2] as number).toFixed(2)}`
    );
    expect(
      spcAssurance(
        SAMPLE_FALLS.map((v) => [v]),
        60,
        "decrease"
      )
    ).toBe("hit and miss");
    const events = SAMPLE_AREAS.reduce((s, a) => s + a[1], 0);
    const people = SAMPLE_AREAS.reduce((s, a) => s + a[2], 0);
    const average = (events / people) * 100000;
    expect(readme).toContain(
      `${events.toLocaleString("en-GB")} admissions among ${people.toLocaleString("en-GB")} people give an average of ${oneDecimal(average)} per 100,000`
    );
    const nwl = SAMPLE_AREAS.find((a) => a[0] === "North West Leicestershire") as [
      string,
      number,
      number,
    ];
    expect(readme).toContain(
      `(${oneDecimal(funnelLimits(average, nwl[2], "rate", 0.998)[1])} at its 22,900 people)`
    );
    const melton = SAMPLE_AREAS.find((a) => a[0] === "Melton") as [string, number, number];
    expect(readme).toContain(
      `lower 95% limit (${oneDecimal(funnelLimits(average, melton[2], "rate", 0.95)[0])})`
    );
  });
});
