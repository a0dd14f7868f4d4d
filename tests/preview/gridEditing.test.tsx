/** @jest-environment jsdom */
/**
 * Working in the preview's grid as in Excel: typing values and formulas (every =BCF.* function the
 * workbook evaluates), Enter/Tab/arrows/Delete/F2/Escape, pasting a tab-separated block, undo, spilled
 * array results, and a check afterwards that sees the change.
 */
import "../taskpane/setup";
import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { runShim } from "./shim";
import { createMemoryWorkbook, type MemoryWorkbookHandle } from "../../src/memory-excel";
import { bcfCustomFunctions } from "../../src/preview/customFunctions";
import { SAMPLE_PLAN, loadSamplePlan } from "../../src/preview/samplePlan";
import { WorkbookGrid } from "../../src/preview/WorkbookGrid";
import {
  clipboardCell,
  entryFromTyping,
  parseClipboardTable,
  restoringEntry,
} from "../../src/preview/gridEditing";
import { runChecks } from "../../src/core/checks";
import { selectCell } from "../../src/excel";
import { BCF_FUNCTION_IDS } from "../support/bcfFunctionIds";

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
const selected = () => grid().querySelector('td[aria-selected="true"]')?.getAttribute("data-cell");
const formulaBar = () => screen.getByTestId("formula-bar").textContent;
const editor = () => screen.queryByTestId("cell-editor") as HTMLInputElement | null;

/** Selects a cell, types `text` over it as a person would (first key opens the editor), then presses `finish`. */
function typeInto(
  address: string,
  text: string,
  finish: string | { key: string; shiftKey?: boolean } = "Enter"
) {
  fireEvent.click(cell(address));
  typeHere(text, finish);
}

function typeHere(text: string, finish: string | { key: string; shiftKey?: boolean } = "Enter") {
  fireEvent.keyDown(grid(), { key: text[0] });
  const input = editor()!;
  expect(input).toBeTruthy();
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, typeof finish === "string" ? { key: finish } : finish);
}

function paste(text: string) {
  fireEvent.paste(grid(), { clipboardData: { getData: () => text } });
}

describe("typing into the grid", () => {
  test("936000 into the flagged total: the cell shows £936,000 and a check no longer reports it", async () => {
    const handle = await sample();
    renderGrid(handle);
    const before = runChecks(handle.workbook.snapshot()).filter(
      (f) => f.sheet === "Pooled budget" && f.cell === "D6" && f.severity === "error"
    );
    expect(before).toHaveLength(1);
    typeInto("D6", "936000");
    expect(cell("D6").textContent).toBe("£936,000");
    // Enter finishes the entry and moves down, as in Excel; the cell keeps its £ format.
    expect(selected()).toBe("D7");
    expect(handle.workbook.getCell("Pooled budget", "D6").numberFormat).toBe("£#,##0");
    const after = runChecks(handle.workbook.snapshot()).filter(
      (f) => f.sheet === "Pooled budget" && f.cell === "D6" && f.severity === "error"
    );
    expect(after).toEqual([]);
  });

  test("a =BCF.RATE formula shows its value and the formula in the bar", async () => {
    const handle = await sample();
    renderGrid(handle);
    // 180 admissions in 8,540 people per 100,000: 180 / 8540 × 100000 = 2,107.728…
    typeInto("H2", "=BCF.RATE(180,8540)");
    expect(handle.workbook.getCell("Pooled budget", "H2").value).toBeCloseTo(2107.7283372, 6);
    expect(cell("H2").textContent).toMatch(/^2107\.728/);
    fireEvent.click(cell("H2"));
    expect(formulaBar()).toBe("=BCF.RATE(180,8540)");
  });

  test("every =BCF.* function can be typed and is worked out (none shows #NAME?)", async () => {
    const handle = await sample();
    renderGrid(handle);
    const calls: Record<string, string> = {
      RATE: "=BCF.RATE(180,8540)",
      "RATE.CI": "=BCF.RATE.CI(180,8540)",
      PROPORTION: "=BCF.PROPORTION(140,170)",
      "PROPORTION.CI": "=BCF.PROPORTION.CI(140,170)",
      DSR: "=BCF.DSR(C1:C2,D1:D2,E1:E2)",
      "DSR.CI": "=BCF.DSR.CI(C1:C2,D1:D2,E1:E2)",
      UPLIFT: "=BCF.UPLIFT(600,720)",
      TARGET: "=BCF.TARGET(600,0.2)",
      PERIOD: '=BCF.PERIOD(8,"month","year")',
      SPLIT: "=BCF.SPLIT(100,E1:E2)",
      SPC: "=BCF.SPC(G1:G6)",
      "SPC.ASSURANCE": '=BCF.SPC.ASSURANCE(G1:G6,60,"decrease")',
      FUNNEL: "=BCF.FUNNEL(0.8,500)",
    };
    expect(Object.keys(calls).sort()).toEqual([...BCF_FUNCTION_IDS].sort());
    act(() => {
      handle.workbook.addSheet("Try");
      // Two age bands for the DSR functions: events, population, standard weights.
      handle.workbook.setCells("Try", "C1", [
        [10, 1000, 0.5],
        [20, 2000, 0.5],
      ]);
      // Six months of falls admissions for the SPC functions.
      handle.workbook.setCells("Try", "G1", [[70], [65], [68], [72], [66], [64]]);
    });
    fireEvent.click(screen.getByRole("tab", { name: "Try" }));
    Object.values(calls).forEach((formula, i) => typeInto(`A${1 + i * 3}`, formula));
    Object.keys(calls).forEach((id, i) => {
      const value = handle.workbook.getCell("Try", `A${1 + i * 3}`).value;
      expect([id, typeof value === "string" && value.startsWith("#") ? value : "ok"]).toEqual([
        id,
        "ok",
      ]);
    });
    // Hand-worked: 600 → 720 is +20%; 8 a month is 96 a year; 600 up 20% is 720.
    expect(handle.workbook.getCell("Try", "A19").value).toBeCloseTo(0.2, 12);
    expect(handle.workbook.getCell("Try", "A25").value).toBe(96);
    expect(handle.workbook.getCell("Try", "A22").value).toBeCloseTo(720, 9);
  });

  test("Tab moves right, and Enter after a run of Tabs goes back to the first column, a row down", async () => {
    const handle = await sample();
    renderGrid(handle);
    typeInto("H10", "1", "Tab");
    expect(selected()).toBe("I10");
    typeHere("2", "Tab");
    expect(selected()).toBe("J10");
    typeHere("=H10+I10", "Enter");
    expect(selected()).toBe("H11");
    expect(handle.workbook.getCell("Pooled budget", "J10").value).toBe(3);
    // Shift+Tab goes left.
    typeHere("5", { key: "Tab", shiftKey: true });
    expect(selected()).toBe("G11");
  });

  test("arrows finish a typed value and move; F2 edits what is there; Escape leaves the cell as it was", async () => {
    const handle = await sample();
    renderGrid(handle);
    typeInto("H3", "42", "ArrowRight");
    expect(handle.workbook.getCell("Pooled budget", "H3").value).toBe(42);
    expect(selected()).toBe("I3");
    fireEvent.click(cell("D4"));
    fireEvent.keyDown(grid(), { key: "F2" });
    expect(editor()!.value).toBe("=B4+C4");
    // In edit mode the arrows move the caret, not the selection.
    fireEvent.keyDown(editor()!, { key: "ArrowLeft" });
    expect(editor()).toBeTruthy();
    fireEvent.change(editor()!, { target: { value: "=B4+C4+1" } });
    fireEvent.keyDown(editor()!, { key: "Escape" });
    expect(editor()).toBeNull();
    expect(handle.workbook.getCell("Pooled budget", "D4").formula).toBe("=B4+C4");
    expect(cell("D4").textContent).toBe("£240,000");
  });

  test("Delete empties the cell; Ctrl+Z and the Undo button put back the last edits in turn", async () => {
    const handle = await sample();
    renderGrid(handle);
    fireEvent.click(cell("B4"));
    fireEvent.keyDown(grid(), { key: "Delete" });
    expect(handle.workbook.getCell("Pooled budget", "B4").formula).toBe("");
    // The total recalculates: D4 = B4 + C4 = 0 + 115,000.
    expect(cell("D4").textContent).toBe("£115,000");
    typeInto("C4", "£100,000");
    expect(handle.workbook.getCell("Pooled budget", "C4").value).toBe(100000);
    fireEvent.keyDown(grid(), { key: "z", ctrlKey: true });
    expect(handle.workbook.getCell("Pooled budget", "C4").value).toBe(115000);
    expect(selected()).toBe("C4");
    fireEvent.click(screen.getByRole("button", { name: "Undo edit" }));
    expect(handle.workbook.getCell("Pooled budget", "B4").value).toBe(125000);
    expect(cell("D4").textContent).toBe("£240,000");
    expect((screen.getByRole("button", { name: "Undo edit" }) as HTMLButtonElement).disabled).toBe(
      true
    );
  });

  test("undo puts text that looks like a number back as text", async () => {
    const handle = await sample();
    handle.workbook.setCell("Pooled budget", "H1", "'007");
    renderGrid(handle);
    typeInto("H1", "8");
    expect(handle.workbook.getCell("Pooled budget", "H1").value).toBe(8);
    fireEvent.keyDown(grid(), { key: "z", ctrlKey: true });
    expect(handle.workbook.getCell("Pooled budget", "H1").value).toBe("007");
  });

  test("a formula Excel could not read is refused with a message, and the cell is left as it was", async () => {
    const handle = await sample();
    renderGrid(handle);
    typeInto("H2", "=SUM(B4:B5");
    expect(screen.getByTestId("grid-problem").textContent).toMatch(/problem with this formula/);
    // Still typing: the entry can be corrected.
    expect(editor()!.value).toBe("=SUM(B4:B5");
    fireEvent.change(editor()!, { target: { value: "=SUM(B4:B5)" } });
    fireEvent.keyDown(editor()!, { key: "Enter" });
    expect(screen.queryByTestId("grid-problem")).toBeNull();
    expect(handle.workbook.getCell("Pooled budget", "H2").value).toBe(260000);
  });

  test("a tab-separated block pastes from the selected cell, and undoes in one step", async () => {
    const handle = await sample();
    renderGrid(handle);
    fireEvent.click(cell("H1"));
    // As Excel puts it on the clipboard: CR LF after each row, a quoted cell holding a tab.
    paste('Scheme\tNHS (£)\tTotal\r\n"Crisis\tteam"\t125000\t=I2*2\r\nFalls\t60,000\t\r\n');
    const get = (a: string) => handle.workbook.getCell("Pooled budget", a);
    expect(get("H1").value).toBe("Scheme");
    expect(get("H2").value).toBe("Crisis\tteam");
    expect(get("I2").value).toBe(125000);
    expect(get("J2").value).toBe(250000);
    expect(get("I3").value).toBe(60000);
    expect(get("J3").formula).toBe("");
    expect(screen.getByTestId("name-box").textContent).toBe("H1:J3");
    fireEvent.keyDown(grid(), { key: "z", ctrlKey: true });
    for (const a of ["H1", "H2", "I2", "J2", "I3"]) expect(get(a).formula).toBe("");
  });

  test("a pasted block with a formula Excel would refuse changes nothing", async () => {
    const handle = await sample();
    renderGrid(handle);
    fireEvent.click(cell("B4"));
    paste("1\t2\n=SUM(\t4\n");
    expect(handle.workbook.getCell("Pooled budget", "B4").value).toBe(125000);
    expect(handle.workbook.getCell("Pooled budget", "C4").value).toBe(115000);
    expect(screen.getByTestId("grid-problem")).toBeTruthy();
  });

  test("a check run after an edit through the Excel layer sees the typed figure", async () => {
    const handle = await sample();
    renderGrid(handle);
    typeInto("G3", "696000", "Enter");
    // The pane selecting a cell afterwards still moves the grid.
    await act(() => selectCell(handle.context, "Schemes", "G3"));
    expect(grid().getAttribute("data-sheet")).toBe("Schemes");
    typeHere("696000");
    const errors = runChecks(handle.workbook.snapshot()).filter(
      (f) => f.sheet === "Schemes" && f.cell === "G3" && f.severity === "error"
    );
    expect(errors).toEqual([]);
  });
});

describe("spilled results", () => {
  test("=BCF.RATE.CI shows its lower limit in the cell and its upper limit spilled to the right", async () => {
    const handle = await sample();
    renderGrid(handle);
    // Byar's method for 180 events in 8,540 people: 1,811.04 to 2,439.15 per 100,000 (worked by hand).
    typeInto("H5", "=BCF.RATE.CI(180,8540)");
    expect(handle.workbook.getCell("Pooled budget", "H5").value).toBeCloseTo(1811.037, 2);
    expect(cell("I5").getAttribute("data-spilled-from")).toBe("H5");
    expect(Number(cell("I5").textContent)).toBeCloseTo(2439.152, 2);
    // The spilled cell itself stays empty; its formula bar shows the formula it comes from.
    expect(handle.workbook.getCell("Pooled budget", "I5").formula).toBe("");
    fireEvent.click(cell("I5"));
    expect(formulaBar()).toBe("=BCF.RATE.CI(180,8540)");
    // Something typed in the way: #SPILL!, as in Excel; cleared again, the result spills back.
    typeHere("x");
    expect(cell("H5").textContent).toBe("#SPILL!");
    fireEvent.click(cell("I5"));
    fireEvent.keyDown(grid(), { key: "Delete" });
    expect(Number(cell("I5").textContent)).toBeCloseTo(2439.152, 2);
  });

  test("the memory workbook keeps a formula's whole array result and drops it when the formula changes", () => {
    const { workbook } = createMemoryWorkbook({
      customFunctions: { PAIR: () => [[1, 2]] },
    });
    workbook.setCell("Sheet1", "A1", "=PAIR()");
    expect(workbook.spills("Sheet1")).toEqual([{ row: 0, col: 0, values: [[1, 2]] }]);
    expect(workbook.getCell("Sheet1", "A1").value).toBe(1);
    workbook.setCell("Sheet1", "A1", "=INDEX(PAIR(),1,2)");
    expect(workbook.spills("Sheet1")).toEqual([]);
  });
});

describe("grid editing helpers", () => {
  test("typing reads £ amounts and grouped numbers as numbers, other text as typed", () => {
    expect(entryFromTyping("£936,000")).toBe(936000);
    expect(entryFromTyping("-£1,250.50")).toBe(-1250.5);
    expect(entryFromTyping("1,234")).toBe(1234);
    expect(entryFromTyping("936000")).toBe("936000");
    expect(entryFromTyping("12,34")).toBe("12,34");
    expect(entryFromTyping("")).toBeNull();
    expect(entryFromTyping("=A1")).toBe("=A1");
  });

  test("clipboard blocks: CR LF or LF rows, tabs, quoted cells, no extra row for the final line break", () => {
    expect(parseClipboardTable("a\tb\r\nc\td\r\n")).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(parseClipboardTable("1\t\t3")).toEqual([["1", "", "3"]]);
    expect(parseClipboardTable('"say ""hi"""\t"two\nlines"\n')).toEqual([
      ['say "hi"', "two\nlines"],
    ]);
    expect(parseClipboardTable('5" pipe\tx')).toEqual([['5" pipe', "x"]]);
    expect(parseClipboardTable("")).toEqual([]);
  });

  test("a copied cell is quoted only when it must be, and reads back the same", () => {
    for (const text of ["plain", "tab\there", 'quote "q"', "line\nbreak"]) {
      const copied = clipboardCell(text);
      expect(parseClipboardTable(`${copied}\r\n`)).toEqual([[text]]);
    }
    expect(clipboardCell("plain")).toBe("plain");
  });

  test("the entry that restores a cell keeps text as text", () => {
    expect(restoringEntry("", "General")).toBeNull();
    expect(restoringEntry(12, "General")).toBe(12);
    expect(restoringEntry("=A1", "General")).toBe("=A1");
    expect(restoringEntry("007", "General")).toBe("'007");
    expect(restoringEntry("2024-25", "@")).toBe("2024-25");
  });
});
