/** @jest-environment jsdom */
/**
 * The preview's grid over the in-memory workbook: cells under their number formats, the formula bar, and
 * a selection that follows what the pane does through the Excel layer (selectCell from a finding).
 */
import "../taskpane/setup";
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { runShim } from "./shim";
import { createMemoryWorkbook, type MemoryWorkbookHandle } from "../../src/memory-excel";
import { bcfCustomFunctions } from "../../src/preview/customFunctions";
import { SAMPLE_PLAN, loadSamplePlan } from "../../src/preview/samplePlan";
import { WorkbookGrid } from "../../src/preview/WorkbookGrid";
import { PREVIEW_BANNER, PreviewLayout } from "../../src/preview/PreviewLayout";
import { selectCell } from "../../src/excel";

runShim(window as unknown as Record<string, unknown>);
require("../../src/functions/functions");

async function sample(): Promise<MemoryWorkbookHandle> {
  const handle = createMemoryWorkbook({
    sheets: SAMPLE_PLAN.map((s) => s.name),
    customFunctions: bcfCustomFunctions(),
  });
  await loadSamplePlan(handle.context);
  return handle;
}

function renderGrid(handle: MemoryWorkbookHandle) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookGrid workbook={handle.workbook} />
    </FluentProvider>
  );
}

const grid = () => screen.getByRole("grid");
const cell = (address: string) => grid().querySelector(`td[data-cell="${address}"]`) as HTMLElement;
const formulaBar = () => screen.getByTestId("formula-bar").textContent;
const nameBox = () => screen.getByTestId("name-box").textContent;
const selected = () => grid().querySelector('td[aria-selected="true"]')?.getAttribute("data-cell");

describe("WorkbookGrid", () => {
  test("shows the active sheet with column letters, row numbers and £ figures", async () => {
    renderGrid(await sample());
    expect(grid().getAttribute("data-sheet")).toBe("Pooled budget");
    expect(within(grid()).getByRole("columnheader", { name: "D" })).toBeTruthy();
    expect(within(grid()).getByRole("rowheader", { name: "6" })).toBeTruthy();
    expect(cell("A4").textContent).toBe("Integrated Crisis Response (ICR)");
    expect(cell("D4").textContent).toBe("£240,000");
    expect(cell("B6").textContent).toBe("£260,000");
    expect(cell("D6").textContent).toBe("£963,000");
    // A1 is selected at first, as in a freshly opened workbook.
    expect(selected()).toBe("A1");
    expect(nameBox()).toBe("A1");
  });

  test("a clicked cell is outlined and its formula shows in the formula bar", async () => {
    renderGrid(await sample());
    fireEvent.click(cell("D4"));
    expect(selected()).toBe("D4");
    expect(nameBox()).toBe("D4");
    expect(formulaBar()).toBe("=B4+C4");
    fireEvent.click(cell("D6"));
    expect(formulaBar()).toBe("963000");
  });

  test("=BCF.* results are shown under their formats, the formula in the bar", async () => {
    renderGrid(await sample());
    fireEvent.click(screen.getByRole("tab", { name: "Intentions" }));
    expect(grid().getAttribute("data-sheet")).toBe("Intentions");
    expect(cell("C8").textContent).toBe("600");
    expect(cell("F8").textContent).toBe("20.0%");
    fireEvent.click(cell("F8"));
    expect(formulaBar()).toBe("=BCF.UPLIFT(C8,E8)");
  });

  test("selectCell through the Excel layer (a finding clicked in the pane) shows that sheet and cell", async () => {
    const handle = await sample();
    renderGrid(handle);
    await act(() => selectCell(handle.context, "Schemes", "G3"));
    expect(grid().getAttribute("data-sheet")).toBe("Schemes");
    expect(selected()).toBe("G3");
    expect(nameBox()).toBe("G3");
    expect(formulaBar()).toBe("669000");
    expect(cell("G3").textContent).toBe("£669,000");
    await act(() => selectCell(handle.context, "Intentions", "C5"));
    expect(grid().getAttribute("data-sheet")).toBe("Intentions");
    expect(selected()).toBe("C5");
  });

  test("the grid redraws when the workbook changes", async () => {
    const handle = await sample();
    renderGrid(handle);
    act(() => handle.workbook.setCell("Pooled budget", "B4", 150000));
    expect(cell("D4").textContent).toBe("£265,000");
    expect(cell("B6").textContent).toBe("£285,000");
    act(() => handle.workbook.addSheet("Expenditure"));
    expect(screen.getByRole("tab", { name: "Expenditure" })).toBeTruthy();
  });

  test("arrow keys move the selection; the grid is one tab stop", async () => {
    renderGrid(await sample());
    const table = grid();
    expect(table.getAttribute("tabindex")).toBe("0");
    fireEvent.keyDown(table, { key: "ArrowDown" });
    fireEvent.keyDown(table, { key: "ArrowDown" });
    fireEvent.keyDown(table, { key: "ArrowRight" });
    expect(selected()).toBe("B3");
    expect(table.getAttribute("aria-activedescendant")).toBe(cell("B3").id);
    expect(formulaBar()).toBe("CCG (£)");
    fireEvent.keyDown(table, { key: "ArrowLeft" });
    fireEvent.keyDown(table, { key: "ArrowLeft" });
    fireEvent.keyDown(table, { key: "ArrowUp" });
    expect(selected()).toBe("A2");
  });
});

describe("PreviewLayout", () => {
  test("says plainly what the preview is, beside the pane and the grid", async () => {
    const handle = await sample();
    render(
      <FluentProvider theme={webLightTheme}>
        <PreviewLayout workbook={handle.workbook} />
      </FluentProvider>
    );
    expect(screen.getByTestId("preview-banner").textContent).toContain(PREVIEW_BANNER);
    expect(PREVIEW_BANNER).toBe(
      "Preview: a sample plan in your browser; nothing is saved or sent anywhere"
    );
    expect(screen.getByRole("heading", { level: 1, name: "BCF Toolkit for Excel" })).toBeTruthy();
    expect(screen.getByRole("grid", { name: "Sheet Pooled budget" })).toBeTruthy();
  });
});

describe("the grid shows what Range.text gives", () => {
  test("for locale currency, a negative figure that rounds to zero and a date", async () => {
    const handle = createMemoryWorkbook({
      sheets: [{ name: "Formats", rows: [[1500, -0.004, 45000, 0.2545]] }],
    });
    const { context } = handle;
    const range = context.workbook.worksheets.getItem("Formats").getRange("A1:D1");
    range.numberFormat = [["[$£-809]#,##0.00", "£#,##0.00", "dd/mm/yyyy", "0.0%"]];
    range.load("text");
    await context.sync();
    expect(range.text).toEqual([["£1,500.00", "-£0.00", "15/03/2023", "25.5%"]]);
    renderGrid(handle);
    expect(["A1", "B1", "C1", "D1"].map((a) => cell(a).textContent)).toEqual(range.text[0]);
  });
});
