/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { act, fireEvent, screen, within, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { setWorkbookProvider } from "../../src/excel/host";
import * as excel from "../../src/excel";
import type { InsertionRecord, InsertionResult } from "../../src/excel";
import type { RemovalPlan } from "../../src/core/undo";
import {
  CRISIS_RESPONSE,
  DFG_ADAPTATIONS,
  FALLS,
  FIXTURE_TEMPLATES,
  renderInFluent,
} from "./fixtures";

// The Office.js operations are replaced; withWorkbook (src/excel/host) is real and hands them this context.
jest.mock("../../src/excel", () => ({
  insertTemplates: jest.fn(),
  removeInsertion: jest.fn(),
  previewRemoval: jest.fn(),
  buildPlanSkeleton: jest.fn(),
  readWorkbookSnapshot: jest.fn(),
  selectCell: jest.fn(),
  listBcfFormulas: jest.fn(),
  replaceBcfFormulasWithValues: jest.fn(),
  readSchemesInPlan: jest.fn(),
  readPlanPresence: jest.fn(),
}));
const mocked = excel as jest.Mocked<typeof excel>;
const fakeContext = { fake: "context" } as unknown as Excel.RequestContext;

const RECORD: InsertionRecord = { kind: "templates", sheets: [], tables: [], rows: [], filled: [] };

function insertionResult(message: string, sheetsAdded: string[] = []): InsertionResult {
  const sheets = sheetsAdded.map((name, i) => ({ id: `{sheet-${i}}`, name, cells: {} }));
  return { record: { ...RECORD, sheets }, message, rowsAdded: 2, sheetsAdded, notes: [] };
}

/** What previewRemoval reports: by default, rows of BCF_Expenditure to remove and nothing kept. */
function removalPlan(overrides: Partial<RemovalPlan> = {}): RemovalPlan {
  return {
    deleteSheets: [],
    deleteTables: [],
    clearCells: [],
    deleteCharts: [],
    clearBoxes: [],
    deleteRows: [{ sheetId: "{expenditure}", row: 5, column: 0, rowCount: 2, columnCount: 13 }],
    restoreRows: [],
    removed: ["2 rows of BCF_Expenditure on “Expenditure”"],
    kept: [],
    gone: [],
    ...overrides,
  };
}

function report(message: string, kept: string[] = []) {
  return { removed: [], kept, gone: [], message };
}

beforeEach(() => {
  jest.resetAllMocks();
  mocked.readSchemesInPlan.mockResolvedValue([]);
  setWorkbookProvider(() => fakeContext);
});
afterEach(() => setWorkbookProvider(undefined));

function renderPane() {
  return renderInFluent(<App templates={FIXTURE_TEMPLATES} />);
}

/** The template options (the filter drop-downs' own options are left out). */
function templateOptions(): HTMLElement[] {
  const list = screen.queryByRole("listbox", { name: "Scheme templates" });
  return list ? within(list).queryAllByRole("option") : [];
}

function optionNames(): string[] {
  return templateOptions().map((o) => within(o).getAllByText(/./)[0].textContent ?? "");
}

function option(name: string): HTMLElement {
  return within(screen.getByRole("listbox", { name: "Scheme templates" })).getByRole("option", {
    name: new RegExp(name),
  });
}

describe("Templates tab", () => {
  test("shows the app name, the four tabs and every template with its source, type and total in £", () => {
    renderPane();
    expect(screen.getByRole("heading", { level: 1, name: "BCF Toolkit for Excel" })).toBeTruthy();
    const tabs = screen.getAllByRole("tab");
    expect(tabs).toEqual(
      ["Templates", "New plan", "Check", "Charts"].map((name) => screen.getByRole("tab", { name }))
    );
    expect(screen.getByRole("tab", { name: "Templates" }).getAttribute("aria-selected")).toBe(
      "true"
    );
    expect(optionNames()).toEqual([
      "Integrated Crisis Response",
      "Falls Prevention Service",
      "Home Adaptations",
    ]);
    const crisis = option("Integrated Crisis Response");
    // 125,000 + 115,000 as the plan states the two posts.
    expect(crisis.textContent).toContain("£240,000.00");
    expect(crisis.textContent).toContain("Rutland");
    expect(crisis.textContent).toContain("Urgent Community Response");
    expect(option("Home Adaptations").textContent).toContain("£340,000.00");
  });

  test("the search box narrows the list and says how many are shown", () => {
    renderPane();
    const search = screen.getByRole("searchbox", { name: "Search templates" });
    fireEvent.change(search, { target: { value: "falls" } });
    expect(optionNames()).toEqual(["Falls Prevention Service"]);
    expect(screen.getByText("Showing 1 of 3 templates")).toBeTruthy();
    fireEvent.change(search, { target: { value: "no such scheme anywhere" } });
    expect(templateOptions()).toHaveLength(0);
    expect(screen.getByText(/No templates match your search/)).toBeTruthy();
    fireEvent.change(search, { target: { value: "" } });
    expect(optionNames()).toHaveLength(3);
  });

  test("filters by scheme type, BCF metric and source, offering only values the templates have", () => {
    renderPane();
    const schemeType = screen.getByRole("combobox", { name: "Scheme type" }) as HTMLSelectElement;
    const offered = Array.from(schemeType.options).map((o) => o.value);
    expect(offered).toEqual([
      "",
      "DFG Related Schemes",
      "Urgent Community Response",
      "Prevention / Early Intervention",
    ]);
    fireEvent.change(schemeType, { target: { value: "DFG Related Schemes" } });
    expect(optionNames()).toEqual(["Home Adaptations"]);
    fireEvent.change(schemeType, { target: { value: "" } });

    const metric = screen.getByRole("combobox", { name: "BCF metric" });
    fireEvent.change(metric, { target: { value: "Non-elective admissions" } });
    expect(optionNames()).toEqual(["Integrated Crisis Response", "Falls Prevention Service"]);

    const source = screen.getByRole("combobox", { name: "Source" }) as HTMLSelectElement;
    const testshire = Array.from(source.options).find((o) => o.value.startsWith("Testshire"));
    expect(testshire).toBeDefined();
    fireEvent.change(source, { target: { value: testshire!.value } });
    // Both filters at once: Testshire templates that affect non-elective admissions.
    expect(optionNames()).toEqual(["Falls Prevention Service"]);
  });

  test("choosing a template shows its details with cost lines in £", () => {
    renderPane();
    expect(screen.getByText("Choose a template in the list to see its details.")).toBeTruthy();
    fireEvent.click(option("Integrated Crisis Response"));
    const detail = screen.getByRole("region", { name: "Template details" });
    expect(
      within(detail).getByRole("heading", { name: "Integrated Crisis Response" })
    ).toBeTruthy();
    expect(detail.textContent).toContain(CRISIS_RESPONSE.description);
    expect(detail.textContent).toContain("Joint (52% NHS, 48% council)");
    expect(detail.textContent).toContain("Rutland County Council (Local Authority)");
    expect(detail.textContent).toContain("Crisis response");
    const costs = within(detail).getByRole("region", { name: "Cost lines" });
    const rows = within(costs)
      .getAllByRole("row")
      .map((r) => Array.from(r.children).map((c) => c.textContent));
    expect(rows).toEqual([
      ["Line and source of funding", "NHS (£)", "Council (£)", "Total (£)"],
      ["CCG posts NHS minimum contribution", "£125,000.00", "–", "£125,000.00"],
      ["Council posts NHS minimum contribution", "–", "£115,000.00", "£115,000.00"],
      ["Total", "£240,000.00"],
    ]);
    expect(within(detail).getByRole("region", { name: "Outcomes" }).textContent).toContain(
      "Fewer non-elective admissions"
    );
    expect(within(detail).getByRole("region", { name: "Risks" }).textContent).toContain(
      "Recruitment of night staff"
    );
  });

  test("targets are shown as the plan states them, inconsistencies included", () => {
    renderPane();
    fireEvent.click(option("Falls Prevention Service"));
    const targets = screen.getByRole("region", { name: "Activity targets" });
    const row = within(targets).getAllByRole("row")[1];
    // Seed 004's 8 a month / 104 a year stay as stated; no figure is invented for the target per year.
    expect(Array.from(row.children).map((c) => c.textContent)).toEqual([
      "People seen",
      "8",
      "104",
      "15",
      "–",
    ]);
  });

  test("the list works from the keyboard: arrows move, Space ticks, Home and End jump", () => {
    renderPane();
    const list = screen.getByRole("listbox", { name: "Scheme templates" });
    fireEvent.focus(list);
    expect(list.getAttribute("aria-activedescendant")).toBe(
      option("Integrated Crisis Response").id
    );
    fireEvent.keyDown(list, { key: "ArrowDown" });
    expect(list.getAttribute("aria-activedescendant")).toBe(option("Falls Prevention Service").id);
    expect(screen.getByRole("heading", { name: "Falls Prevention Service" })).toBeTruthy();
    fireEvent.keyDown(list, { key: " " });
    expect(option("Falls Prevention Service").getAttribute("aria-selected")).toBe("true");
    fireEvent.keyDown(list, { key: "End" });
    expect(list.getAttribute("aria-activedescendant")).toBe(option("Home Adaptations").id);
    fireEvent.keyDown(list, { key: "ArrowDown" });
    expect(list.getAttribute("aria-activedescendant")).toBe(option("Home Adaptations").id);
    fireEvent.keyDown(list, { key: "Enter" });
    fireEvent.keyDown(list, { key: "Home" });
    expect(list.getAttribute("aria-activedescendant")).toBe(
      option("Integrated Crisis Response").id
    );
    expect(templateOptions().map((o) => o.getAttribute("aria-selected"))).toEqual([
      "false",
      "true",
      "true",
    ]);
    // Space again unticks.
    fireEvent.keyDown(list, { key: "End" });
    fireEvent.keyDown(list, { key: " " });
    expect(option("Home Adaptations").getAttribute("aria-selected")).toBe("false");
  });

  test("Insert into workbook inserts the template on show, reports the result, and Undo asks before deleting the sheet it added", async () => {
    const inserted = insertionResult("Added 2 rows to the BCF_Expenditure table.", ["Expenditure"]);
    mocked.insertTemplates.mockResolvedValue(inserted);
    mocked.previewRemoval.mockResolvedValue(
      removalPlan({
        deleteSheets: [{ id: "{sheet-0}", name: "Expenditure" }],
        deleteRows: [],
        removed: ["the sheet “Expenditure”"],
      })
    );
    mocked.removeInsertion.mockResolvedValue(report("Removed the sheet “Expenditure”."));
    renderPane();
    const insert = screen.getByRole("button", {
      name: "Insert into workbook",
    }) as HTMLButtonElement;
    const undo = screen.getByRole("button", { name: "Undo last insert" }) as HTMLButtonElement;
    expect(insert.disabled).toBe(true);
    expect(undo.disabled).toBe(true);

    fireEvent.click(option("Integrated Crisis Response"));
    expect(insert.disabled).toBe(false);
    fireEvent.click(insert);
    await waitFor(() => expect(screen.getByText("Inserted into the workbook.")).toBeTruthy());
    expect(mocked.insertTemplates).toHaveBeenCalledTimes(1);
    expect(mocked.insertTemplates).toHaveBeenCalledWith(fakeContext, [CRISIS_RESPONSE]);
    const result = screen
      .getByText("Inserted into the workbook.")
      .closest("[role=status]") as HTMLElement;
    expect(result.textContent).toContain("Added 2 rows to the BCF_Expenditure table.");
    expect(document.activeElement).toBe(result);
    // The particulars wait behind "Details".
    expect(result.textContent).not.toContain("New sheets");
    fireEvent.click(within(result).getByRole("button", { name: "Details" }));
    expect(result.textContent).toContain("New sheets: Expenditure.");

    expect(undo.disabled).toBe(false);
    fireEvent.click(undo);
    // Nothing is deleted until the user agrees: the sheets to delete are listed first.
    const ask = await screen.findByRole("group", { name: "Confirm deleting sheets" });
    expect(mocked.removeInsertion).not.toHaveBeenCalled();
    expect(within(ask).getByRole("list", { name: "Sheets to delete" }).textContent).toBe(
      "Expenditure"
    );
    expect(document.activeElement).toBe(within(ask).getByRole("button", { name: "Delete" }));
    fireEvent.click(within(ask).getByRole("button", { name: "Delete" }));
    await screen.findByText("Insert undone.");
    expect(screen.getByText("Removed the sheet “Expenditure”.")).toBeTruthy();
    expect(mocked.removeInsertion).toHaveBeenCalledWith(fakeContext, inserted.record, {
      confirmedSheets: ["{sheet-0}"],
    });
    expect(undo.disabled).toBe(true);
  });

  test("ticked templates are inserted together, in list order, and undone most recent first", async () => {
    const first = { ...RECORD, rows: [] };
    const second = { ...RECORD, filled: [] };
    mocked.insertTemplates
      .mockResolvedValueOnce({
        record: first,
        message: "Added 3 rows.",
        rowsAdded: 3,
        sheetsAdded: [],
        notes: [],
      })
      .mockResolvedValueOnce({
        record: second,
        message: "Added 1 row.",
        rowsAdded: 1,
        sheetsAdded: [],
        notes: ["The plan gives only a total for Grants, so it is shown on the council side."],
      });
    mocked.previewRemoval.mockResolvedValue(removalPlan());
    mocked.removeInsertion
      .mockResolvedValueOnce(report("Removed 1 row of BCF_Expenditure on “Expenditure”."))
      .mockResolvedValueOnce(
        report(
          "Removed 2 rows of BCF_Expenditure on “Expenditure”. 1 row the add-in added to BCF_Expenditure on “Expenditure” has 1 cell you changed; it was kept.",
          [
            "1 row the add-in added to BCF_Expenditure on “Expenditure” has 1 cell you changed; it was kept.",
          ]
        )
      );
    renderPane();
    fireEvent.click(screen.getByTestId(`tick-${DFG_ADAPTATIONS.id}`));
    fireEvent.click(screen.getByTestId(`tick-${FALLS.id}`));
    expect(screen.getByText("Inserts the 2 ticked templates.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Insert into workbook" }));
    await screen.findByText("Inserted into the workbook.");
    expect(mocked.insertTemplates).toHaveBeenLastCalledWith(fakeContext, [FALLS, DFG_ADAPTATIONS]);

    // The ticks clear after an insert.
    expect(templateOptions().map((o) => o.getAttribute("aria-selected"))).toEqual([
      "false",
      "false",
      "false",
    ]);
    fireEvent.click(screen.getByTestId(`tick-${DFG_ADAPTATIONS.id}`));
    fireEvent.click(screen.getByRole("button", { name: "Insert into workbook" }));
    await screen.findByText(/Added 1 row\./);
    expect(mocked.insertTemplates).toHaveBeenLastCalledWith(fakeContext, [DFG_ADAPTATIONS]);
    fireEvent.click(screen.getByRole("button", { name: "Details" }));
    expect(screen.getByRole("list", { name: "Notes on the figures" }).textContent).toContain(
      "The plan gives only a total for Grants"
    );

    const undo = screen.getByRole("button", { name: "Undo last insert" }) as HTMLButtonElement;
    // Rows only: nothing to confirm.
    fireEvent.click(undo);
    await screen.findByText(/Removed 1 row of BCF_Expenditure/);
    expect(mocked.removeInsertion).toHaveBeenLastCalledWith(fakeContext, second, {
      confirmedSheets: [],
    });
    fireEvent.click(undo);
    // What was kept is said, and the undo is spent: the rows kept are the user's now.
    await screen.findByText("Insert undone in part");
    expect(screen.getByText(/has 1 cell you changed; it was kept\./)).toBeTruthy();
    expect(mocked.removeInsertion).toHaveBeenLastCalledWith(fakeContext, first, {
      confirmedSheets: [],
    });
    expect(undo.disabled).toBe(true);
  });

  test("Clear ticks unticks every template", () => {
    renderPane();
    expect(screen.queryByRole("button", { name: "Clear ticks" })).toBeNull();
    fireEvent.click(screen.getByTestId(`tick-${FALLS.id}`));
    fireEvent.click(screen.getByTestId(`tick-${CRISIS_RESPONSE.id}`));
    expect(templateOptions().map((o) => o.getAttribute("aria-selected"))).toEqual([
      "true",
      "true",
      "false",
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Clear ticks" }));
    expect(templateOptions().map((o) => o.getAttribute("aria-selected"))).toEqual([
      "false",
      "false",
      "false",
    ]);
    // With no ticks the template on show (the last one clicked) is what Insert would insert.
    expect(screen.getByText(/^Inserts “Integrated Crisis Response”/)).toBeTruthy();
  });

  test("while inserting, the buttons are disabled, a spinner shows, and a second click does nothing", async () => {
    let finish: (r: InsertionResult) => void = () => undefined;
    mocked.insertTemplates.mockImplementation(() => new Promise((resolve) => (finish = resolve)));
    renderPane();
    fireEvent.click(option("Falls Prevention Service"));
    const insert = screen.getByRole("button", {
      name: "Insert into workbook",
    }) as HTMLButtonElement;
    fireEvent.click(insert);
    await waitFor(() => expect(insert.disabled).toBe(true));
    expect(screen.getByText("Inserting…")).toBeTruthy();
    fireEvent.click(insert);
    expect(mocked.insertTemplates).toHaveBeenCalledTimes(1);
    await act(async () => finish(insertionResult("Added 1 row.")));
    await waitFor(() => expect(insert.disabled).toBe(false));
    expect(screen.queryByText("Inserting…")).toBeNull();
  });

  test("an Excel error is shown in plain words and leaves nothing to undo", async () => {
    mocked.insertTemplates.mockRejectedValue(
      Object.assign(new Error("The sheet is protected."), { code: "AccessDenied" })
    );
    renderPane();
    fireEvent.click(option("Home Adaptations"));
    fireEvent.click(screen.getByRole("button", { name: "Insert into workbook" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Nothing was inserted");
    expect(alert.textContent).toContain("A sheet is protected, so nothing was changed.");
    expect(document.activeElement).toBe(alert);
    expect(
      (screen.getByRole("button", { name: "Undo last insert" }) as HTMLButtonElement).disabled
    ).toBe(true);
  });

  test("a template already in the expenditure table is marked, and ticking it again asks: add again or skip", async () => {
    mocked.readSchemesInPlan.mockResolvedValue([{ id: "S001", name: "Falls prevention service" }]);
    mocked.insertTemplates.mockResolvedValue(insertionResult("Inserted 1 scheme."));
    renderPane();
    await waitFor(() =>
      expect(option("Falls Prevention Service").textContent).toContain("In workbook as S001")
    );
    expect(option("Home Adaptations").textContent).not.toContain("In workbook");

    fireEvent.click(screen.getByTestId(`tick-${FALLS.id}`));
    fireEvent.click(screen.getByTestId(`tick-${DFG_ADAPTATIONS.id}`));
    fireEvent.click(screen.getByRole("button", { name: "Insert into workbook" }));
    const question = await screen.findByRole("group", { name: "Already in the workbook" });
    expect(question.textContent).toContain(
      "“Falls Prevention Service” (S001) is already in the Expenditure table. Add it again?"
    );
    expect(question.textContent).toContain("The other 1 template will be added either way.");
    expect(mocked.insertTemplates).not.toHaveBeenCalled();
    // Skip: only the one not there yet goes in.
    fireEvent.click(within(question).getByRole("button", { name: "Skip it" }));
    await screen.findByText("Inserted into the workbook.");
    expect(mocked.insertTemplates).toHaveBeenLastCalledWith(fakeContext, [DFG_ADAPTATIONS]);

    // Add again: the person means it.
    fireEvent.click(screen.getByTestId(`tick-${FALLS.id}`));
    fireEvent.click(screen.getByRole("button", { name: "Insert into workbook" }));
    fireEvent.click(
      within(await screen.findByRole("group", { name: "Already in the workbook" })).getByRole(
        "button",
        { name: "Add again" }
      )
    );
    await waitFor(() => expect(mocked.insertTemplates).toHaveBeenCalledTimes(2));
    expect(mocked.insertTemplates).toHaveBeenLastCalledWith(fakeContext, [FALLS]);
  });

  test("skipping the only template chosen inserts nothing and says why", async () => {
    mocked.readSchemesInPlan.mockResolvedValue([{ id: "S003", name: "Home Adaptations" }]);
    renderPane();
    fireEvent.click(option("Home Adaptations"));
    fireEvent.click(screen.getByRole("button", { name: "Insert into workbook" }));
    fireEvent.click(
      within(await screen.findByRole("group", { name: "Already in the workbook" })).getByRole(
        "button",
        { name: "Skip it" }
      )
    );
    const message = await screen.findByText("Nothing inserted");
    expect(message.closest("[role=status]")!.textContent).toContain(
      "“Home Adaptations” is already in the Expenditure table."
    );
    expect(mocked.insertTemplates).not.toHaveBeenCalled();
  });

  test("the message never names the hidden drop-down lists sheet", async () => {
    mocked.insertTemplates.mockResolvedValue(
      insertionResult("Inserted 1 scheme as 1 row of Expenditure (S001).", [
        "BCF Lists",
        "Expenditure",
      ])
    );
    renderPane();
    fireEvent.click(option("Home Adaptations"));
    fireEvent.click(screen.getByRole("button", { name: "Insert into workbook" }));
    const result = (await screen.findByText("Inserted into the workbook.")).closest(
      "[role=status]"
    ) as HTMLElement;
    fireEvent.click(within(result).getByRole("button", { name: "Details" }));
    expect(result.textContent).toContain("New sheets: Expenditure.");
    expect(result.textContent).not.toContain("BCF Lists");
  });
});
