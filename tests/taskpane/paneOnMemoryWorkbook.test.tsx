/** @jest-environment jsdom */
/**
 * The pane against the in-memory workbook with the real Excel layer (src/excel) and the real rules: what a
 * user does in the pane must show up in the workbook, and checking must leave the workbook exactly as it was.
 */
import "./setup";
import * as React from "react";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { setWorkbookProvider } from "../../src/excel/host";
import { createMemoryWorkbook, type MemoryWorkbookHandle } from "../../src/memory-excel";
import { loadSamplePlan, SAMPLE_PLAN, SAMPLE_SLIPS } from "../../src/preview/samplePlan";
import { convertPeriod } from "../../src/core/statistics/period";
import { proportion, proportionConfidenceInterval } from "../../src/core/statistics/proportion";
import { crudeRate } from "../../src/core/statistics/rate";
import { rateConfidenceInterval } from "../../src/core/statistics/rateInterval";
import { uplift } from "../../src/core/statistics/targets";
import { cellReference } from "../../src/taskpane/state/findings";
import { FIXTURE_TEMPLATES, renderInFluent } from "./fixtures";

const BCF_FUNCTIONS = {
  "BCF.RATE": crudeRate,
  "BCF.RATE.CI": rateConfidenceInterval,
  "BCF.PROPORTION": proportion,
  "BCF.PROPORTION.CI": proportionConfidenceInterval,
  "BCF.PERIOD": convertPeriod,
  "BCF.UPLIFT": uplift,
} as Record<string, (...args: never[]) => unknown>;

let handle: MemoryWorkbookHandle;

function openWorkbook(sheets: string[] = ["Sheet1"]) {
  handle = createMemoryWorkbook({ sheets, customFunctions: BCF_FUNCTIONS });
  setWorkbookProvider(() => handle.context);
  return handle;
}

afterEach(() => setWorkbookProvider(undefined));

async function idle(name: string) {
  await waitFor(
    () => expect((screen.getByRole("button", { name }) as HTMLButtonElement).disabled).toBe(false),
    {
      timeout: 10000,
    }
  );
}

describe("the pane on the in-memory workbook", () => {
  test("Check finds the sample plan's three slips, selects a finding's cell, and changes nothing", async () => {
    const { context, workbook } = openWorkbook(SAMPLE_PLAN.map((s) => s.name));
    await loadSamplePlan(context);
    const before = JSON.stringify(workbook.snapshot());
    // Any write during the check would now fail loudly (AccessDenied), not pass unnoticed.
    workbook.setReadOnly(true);
    let changes = 0;
    workbook.onChange(() => changes++);

    renderInFluent(<App templates={FIXTURE_TEMPLATES} initialTab="check" />);
    fireEvent.click(await screen.findByRole("button", { name: "Check workbook" }));
    await screen.findByText("Some figures do not reconcile", undefined, { timeout: 10000 });
    const errors = screen.getByRole("region", { name: /^Errors/ });
    for (const slip of SAMPLE_SLIPS) {
      const finding = within(errors).getByRole("button", {
        name: new RegExp(`^${escape(cellReference(slip.sheet, slip.cell))} `),
      });
      expect(finding.textContent).toContain(
        slip.rule === "periods" ? "96" : `£${slip.expected.toLocaleString("en-GB")}`
      );
    }
    expect(changes).toBe(0);
    // Selecting a cell moves Excel's selection (a change notice, no cell touched).
    fireEvent.click(within(errors).getByRole("button", { name: /^'Pooled budget'!D6 / }));
    await waitFor(() =>
      expect(workbook.selection).toEqual({ sheet: "Pooled budget", address: "D6" })
    );
    const afterSelect = changes;

    fireEvent.click(screen.getByRole("button", { name: "Check workbook" }));
    await idle("Check workbook");
    expect(screen.queryByRole("alert", { name: /could not be checked/ })).toBeNull();
    expect(JSON.stringify(workbook.snapshot())).toBe(before);
    expect(changes).toBe(afterSelect);
  });

  test("insert, undo, new plan and prepare for submission change the workbook as the pane says", async () => {
    const { workbook } = openWorkbook();
    renderInFluent(<App templates={FIXTURE_TEMPLATES} />);

    // Insert the Rutland crisis response template, then take it back.
    fireEvent.click(screen.getByRole("option", { name: /Integrated Crisis Response/ }));
    fireEvent.click(screen.getByRole("button", { name: "Insert into workbook" }));
    await screen.findByText("Inserted into the workbook.", undefined, { timeout: 10000 });
    expect(workbook.sheetNames()).toContain("Expenditure");
    const names = workbook
      .snapshot()
      .sheets.find((s) => s.name === "Expenditure")!
      .values.flat();
    expect(names).toContain("Integrated Crisis Response");
    fireEvent.click(screen.getByRole("button", { name: "Undo last insert" }));
    // The insert added whole sheets: the pane lists them and asks before deleting.
    fireEvent.click(await screen.findByRole("button", { name: "Delete" }, { timeout: 10000 }));
    await screen.findByText(/Removed the sheet “Expenditure”/, undefined, { timeout: 10000 });
    expect(workbook.sheetNames()).not.toContain("Expenditure");

    // Build a new plan.
    fireEvent.click(screen.getByRole("tab", { name: "New plan" }));
    fireEvent.change(await screen.findByRole("textbox", { name: "Area" }), {
      target: { value: "Rutland" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "Health and Wellbeing Board" }), {
      target: { value: "Rutland Health and Wellbeing Board" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "Financial year" }), {
      target: { value: "2025-26" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Build plan workbook" }));
    await screen.findByText("Plan workbook built", undefined, { timeout: 10000 });
    for (const sheet of ["Cover", "Income", "Expenditure", "Targets", "Metrics", "Summary"]) {
      expect(workbook.sheetNames()).toContain(sheet);
    }
    fireEvent.click(screen.getByRole("button", { name: "Details" }));
    const listed = within(screen.getByRole("list", { name: "Sheets added" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(listed.sort()).toEqual(
      workbook
        .sheetNames()
        // The hidden drop-down lists sheet is never offered as a place to look.
        .filter((n) => n !== "Sheet1" && n !== "BCF Lists")
        .sort()
    );

    // Prepare for submission: the =BCF formulas the plan carries become values.
    fireEvent.click(screen.getByRole("tab", { name: "Check" }));
    const bcfCells = () =>
      workbook
        .snapshot()
        .sheets.flatMap((s) => s.formulas.flat())
        .filter((f) => typeof f === "string" && /^=.*\bBCF\./i.test(f));
    const before = bcfCells().length;
    expect(before).toBeGreaterThan(0);
    fireEvent.click(await screen.findByRole("button", { name: "Find =BCF formulas" }));
    await idle("Find =BCF formulas");
    expect(
      within(screen.getByRole("list", { name: "=BCF formulas found" })).getAllByRole("listitem")
    ).toHaveLength(before);
    fireEvent.click(screen.getByRole("button", { name: "Replace formulas with values" }));
    fireEvent.click(screen.getByRole("button", { name: "Confirm" }));
    await screen.findByText(/^Replaced \d+ formulas? with values$/, undefined, { timeout: 10000 });
    expect(bcfCells()).toHaveLength(0);
  });

  test("a plan build can be taken out again, leaving the sheets the workbook had", async () => {
    const { workbook } = openWorkbook(["Sheet1", "Income"]);
    renderInFluent(<App templates={FIXTURE_TEMPLATES} initialTab="new-plan" />);
    fireEvent.change(await screen.findByRole("textbox", { name: "Area" }), {
      target: { value: "Rutland" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "Health and Wellbeing Board" }), {
      target: { value: "Rutland HWB" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Build plan workbook" }));
    await screen.findByText("Plan workbook built", undefined, { timeout: 10000 });
    expect(workbook.sheetNames().length).toBeGreaterThan(2);
    fireEvent.click(screen.getByRole("button", { name: "Remove the new sheets" }));
    fireEvent.click(await screen.findByRole("button", { name: "Delete" }, { timeout: 10000 }));
    await screen.findByText("New sheets removed", undefined, { timeout: 10000 });
    expect(workbook.sheetNames()).toEqual(["Sheet1", "Income"]);
  });
});

describe("no silent duplicates, on the in-memory workbook", () => {
  test("the same template twice is asked about; a plan built after it takes its rows; a second build asks, adding no (2) sheets", async () => {
    const { workbook } = openWorkbook();
    renderInFluent(<App templates={FIXTURE_TEMPLATES} />);
    const insertCrisisResponse = () => {
      fireEvent.click(screen.getByRole("option", { name: /Integrated Crisis Response/ }));
      fireEvent.click(screen.getByRole("button", { name: "Insert into workbook" }));
    };
    insertCrisisResponse();
    await screen.findByText("Inserted into the workbook.", undefined, { timeout: 10000 });
    // The pane takes the person to the new rows.
    expect(workbook.selection).toEqual({ sheet: "Expenditure", address: "A2:M2" });
    await waitFor(() =>
      expect(
        screen.getByRole("option", { name: /Integrated Crisis Response/ }).textContent
      ).toContain("In workbook as S001")
    );
    insertCrisisResponse();
    const question = await screen.findByRole("group", { name: "Already in the workbook" });
    fireEvent.click(within(question).getByRole("button", { name: "Skip it" }));
    await screen.findByText("Nothing inserted");
    expect(
      workbook
        .snapshot()
        .sheets.find((s) => s.name === "Expenditure")!
        .values.flat()
    ).not.toContain("S002");

    // The plan built afterwards uses that Expenditure table.
    fireEvent.click(screen.getByRole("tab", { name: "New plan" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Area" }), {
      target: { value: "Rutland" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "Health and Wellbeing Board" }), {
      target: { value: "Rutland HWB" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Build plan workbook" }));
    await screen.findByText("Plan workbook built", undefined, { timeout: 10000 });
    expect(workbook.sheetNames().filter((n) => / \(\d+\)$/.test(n))).toEqual([]);
    expect(workbook.selection).toEqual({ sheet: "Cover", address: "A1" });

    // Built again: the pane asks; opening the plan adds nothing.
    fireEvent.click(screen.getByRole("button", { name: "Build plan workbook" }));
    const again = await screen.findByRole("group", { name: "This workbook already has a plan" });
    expect(again.textContent).toContain("Nothing is missing from it.");
    const sheets = workbook.sheetNames();
    fireEvent.click(within(again).getByRole("button", { name: "Open the plan" }));
    await waitFor(() =>
      expect(screen.queryByRole("group", { name: "This workbook already has a plan" })).toBeNull()
    );
    expect(workbook.sheetNames()).toEqual(sheets);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
