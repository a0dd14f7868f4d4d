/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { SubmissionPanel } from "../../src/taskpane/components/SubmissionPanel";
import { setWorkbookProvider } from "../../src/excel/host";
import * as excel from "../../src/excel";
import { renderInFluent } from "./fixtures";

jest.mock("../../src/excel", () => ({
  listBcfFormulas: jest.fn(),
  replaceBcfFormulasWithValues: jest.fn(),
}));
const mocked = excel as jest.Mocked<typeof excel>;
const fakeContext = { fake: "context" } as unknown as Excel.RequestContext;

const FORMULAS = [
  { sheet: "Metrics", cell: "E2", formula: "=BCF.RATE(B2,C2,D2)" },
  { sheet: "Metrics", cell: "F2", formula: '=BCF.RATE.CI(B2,C2,D2,"lower")' },
  { sheet: "Targets", cell: "G2", formula: "=BCF.UPLIFT(D2,F2)" },
];

beforeEach(() => {
  jest.resetAllMocks();
  setWorkbookProvider(() => fakeContext);
});
afterEach(() => setWorkbookProvider(undefined));

function replaceButton(): HTMLButtonElement {
  return screen.getByRole("button", { name: "Replace formulas with values" }) as HTMLButtonElement;
}

async function find() {
  fireEvent.click(screen.getByRole("button", { name: "Find =BCF formulas" }));
  await waitFor(() => expect(mocked.listBcfFormulas).toHaveBeenCalled());
  await screen.findByText(/=BCF formulas? found/);
}

describe("Prepare for submission", () => {
  test("Find =BCF formulas lists each cell and formula with a count", async () => {
    mocked.listBcfFormulas.mockResolvedValue(FORMULAS);
    renderInFluent(<SubmissionPanel />);
    expect(replaceButton().disabled).toBe(true);
    await find();
    expect(mocked.listBcfFormulas).toHaveBeenCalledWith(fakeContext);
    const message = screen
      .getByText("3 =BCF formulas found")
      .closest("[role=status]") as HTMLElement;
    expect(message.textContent).toContain("On Metrics and Targets.");
    expect(document.activeElement).toBe(message);
    const items = within(screen.getByRole("list", { name: "=BCF formulas found" }))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(items).toEqual([
      "Metrics!E2: =BCF.RATE(B2,C2,D2)",
      'Metrics!F2: =BCF.RATE.CI(B2,C2,D2,"lower")',
      "Targets!G2: =BCF.UPLIFT(D2,F2)",
    ]);
    expect(replaceButton().disabled).toBe(false);
  });

  test("Cancel at the confirmation changes nothing", async () => {
    mocked.listBcfFormulas.mockResolvedValue(FORMULAS);
    renderInFluent(<SubmissionPanel />);
    await find();
    fireEvent.click(replaceButton());
    const confirmGroup = screen.getByRole("group", { name: "Confirm replacing formulas" });
    expect(confirmGroup.textContent).toContain(
      "Replace 3 =BCF formulas with their values in place"
    );
    const confirm = within(confirmGroup).getByRole("button", { name: "Confirm" });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    fireEvent.click(within(confirmGroup).getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("group", { name: "Confirm replacing formulas" })).toBeNull();
    expect(await screen.findByText("Nothing was changed")).toBeTruthy();
    expect(mocked.replaceBcfFormulasWithValues).not.toHaveBeenCalled();
  });

  test("Escape at the confirmation cancels too", async () => {
    mocked.listBcfFormulas.mockResolvedValue(FORMULAS);
    renderInFluent(<SubmissionPanel />);
    await find();
    fireEvent.click(replaceButton());
    const confirm = screen.getByRole("button", { name: "Confirm" });
    fireEvent.keyDown(confirm, { key: "Escape" });
    expect(screen.queryByRole("button", { name: "Confirm" })).toBeNull();
    expect(mocked.replaceBcfFormulasWithValues).not.toHaveBeenCalled();
  });

  test("after confirming, formulas are replaced in place by default", async () => {
    mocked.listBcfFormulas.mockResolvedValue(FORMULAS);
    mocked.replaceBcfFormulasWithValues.mockResolvedValue({
      replaced: 3,
      sheets: ["Metrics", "Targets"],
    });
    renderInFluent(<SubmissionPanel />);
    await find();
    fireEvent.click(replaceButton());
    fireEvent.click(screen.getByRole("button", { name: "Confirm" }));
    const result = await screen.findByText("Replaced 3 formulas with values");
    expect(mocked.replaceBcfFormulasWithValues).toHaveBeenCalledTimes(1);
    expect(mocked.replaceBcfFormulasWithValues).toHaveBeenCalledWith(fakeContext, "in-place");
    expect(result.closest("[role=status]")!.textContent).toContain("On Metrics and Targets.");
    // The old list is gone; a new search is needed before another replacement.
    expect(screen.queryByRole("list", { name: "=BCF formulas found" })).toBeNull();
    expect(replaceButton().disabled).toBe(true);
  });

  test("the user can choose to replace in a copy of each sheet", async () => {
    mocked.listBcfFormulas.mockResolvedValue(FORMULAS);
    mocked.replaceBcfFormulasWithValues.mockResolvedValue({
      replaced: 3,
      sheets: ["Metrics (values)", "Targets (values)"],
    });
    renderInFluent(<SubmissionPanel />);
    await find();
    const copy = screen.getByRole("radio", {
      name: "Replace in a copy of each sheet",
    }) as HTMLInputElement;
    expect(
      (screen.getByRole("radio", { name: "Replace in place" }) as HTMLInputElement).checked
    ).toBe(true);
    fireEvent.click(copy);
    expect(copy.checked).toBe(true);
    fireEvent.click(replaceButton());
    expect(screen.getByRole("group", { name: "Confirm replacing formulas" }).textContent).toContain(
      "in a copy of each sheet, leaving the originals as they are"
    );
    fireEvent.click(screen.getByRole("button", { name: "Confirm" }));
    const result = await screen.findByText("Replaced 3 formulas with values");
    expect(mocked.replaceBcfFormulasWithValues).toHaveBeenCalledWith(fakeContext, "copy");
    expect(result.closest("[role=status]")!.textContent).toContain(
      "The values are in new sheets: Metrics (values) and Targets (values). The original sheets keep their formulas."
    );
  });

  test("with no =BCF formulas there is nothing to replace", async () => {
    mocked.listBcfFormulas.mockResolvedValue([]);
    renderInFluent(<SubmissionPanel />);
    fireEvent.click(screen.getByRole("button", { name: "Find =BCF formulas" }));
    expect(await screen.findByText("No =BCF formulas found")).toBeTruthy();
    expect(replaceButton().disabled).toBe(true);
  });

  test("an error while replacing is shown in plain words", async () => {
    mocked.listBcfFormulas.mockResolvedValue(FORMULAS);
    mocked.replaceBcfFormulasWithValues.mockRejectedValue(
      Object.assign(new Error("Sheet protected"), { code: "AccessDenied" })
    );
    renderInFluent(<SubmissionPanel />);
    await find();
    fireEvent.click(replaceButton());
    fireEvent.click(screen.getByRole("button", { name: "Confirm" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The formulas were not replaced");
    expect(alert.textContent).toContain("A sheet is protected");
  });
});
