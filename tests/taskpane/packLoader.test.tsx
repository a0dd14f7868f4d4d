/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { fireEvent, screen, within } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { mergePack } from "../../src/taskpane/state/templatePacks";
import type { SchemeTemplate, TemplatePack } from "../../src/core/templates/types";
import {
  CRISIS_RESPONSE,
  DFG_ADAPTATIONS,
  FALLS,
  FIXTURE_TEMPLATES,
  renderInFluent,
} from "./fixtures";

jest.mock("../../src/excel", () => ({}));

const CARERS: SchemeTemplate = {
  id: "test-carers-breaks",
  name: "Carers' Short Breaks",
  source: { area: "Anytown", plan: "Own pack", year: "2024-25" },
  description: "Short breaks for unpaid carers of people leaving hospital.",
  schemeType: "Carers Services",
  areaOfSpend: "Social Care",
  commissioner: "Local Authority",
  provider: "Charity / Voluntary Sector",
  outcomes: ["Carers' assessments within 28 days"],
  metrics: ["Discharge to usual place of residence"],
  risks: [],
  costs: [{ description: "Short breaks", fundingSource: "iBCF", council: 45000, total: 45000 }],
  targets: [],
};

function templateNames(): string[] {
  const list = screen.getByRole("listbox", { name: "Scheme templates" });
  return within(list)
    .getAllByRole("option")
    .map((o) => within(o).getAllByText(/./)[0].textContent ?? "");
}

function choosePack(json: string, fileName = "pack.json") {
  const input = screen.getByLabelText("Template pack file") as HTMLInputElement;
  const file = new File([json], fileName, { type: "application/json" });
  fireEvent.change(input, { target: { files: [file] } });
}

describe("Load template pack…", () => {
  test("a good pack is merged: new templates added, same ids updated in place, and the user is told", async () => {
    renderInFluent(<App templates={FIXTURE_TEMPLATES} />);
    const updatedFalls = { ...FALLS, name: "Falls Prevention Service (2024 update)" };
    const pack: TemplatePack = {
      name: "Anytown templates",
      version: "2",
      templates: [updatedFalls, CARERS],
    };
    choosePack(JSON.stringify(pack), "anytown.json");
    const message = await screen.findByText(/Template pack loaded/);
    const bar = message.closest("[role=status]") as HTMLElement;
    expect(bar.textContent).toContain(
      "“Anytown templates” from anytown.json: 1 template added, 1 template updated."
    );
    expect(document.activeElement).toBe(bar);
    expect(templateNames()).toEqual([
      "Integrated Crisis Response",
      "Falls Prevention Service (2024 update)",
      "Home Adaptations",
      "Carers' Short Breaks",
    ]);
    // The new template's source and scheme type are offered as filters.
    const source = screen.getByRole("combobox", { name: "Source" }) as HTMLSelectElement;
    expect(Array.from(source.options).some((o) => o.value.startsWith("Anytown"))).toBe(true);
    const schemeType = screen.getByRole("combobox", { name: "Scheme type" }) as HTMLSelectElement;
    expect(Array.from(schemeType.options).map((o) => o.value)).toContain("Carers Services");
  });

  test("a pack with problems changes nothing and lists every problem", async () => {
    renderInFluent(<App templates={FIXTURE_TEMPLATES} />);
    const bad = {
      name: "Broken pack",
      templates: [
        { ...CARERS, schemeType: "Tea and biscuits" },
        {
          ...CARERS,
          id: "second",
          costs: [{ description: "Grant", fundingSource: "iBCF", total: "lots" }],
        },
      ],
    };
    choosePack(JSON.stringify(bad), "broken.json");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Template pack not loaded");
    expect(alert.textContent).toMatch(/broken\.json has \d+ problems?, so nothing was changed/);
    const problems = within(alert)
      .getAllByRole("listitem")
      .map((li) => li.textContent ?? "");
    expect(problems.length).toBeGreaterThanOrEqual(2);
    expect(problems.some((p) => /Tea and biscuits|scheme ?type/i.test(p))).toBe(true);
    expect(problems.some((p) => /total/i.test(p))).toBe(true);
    expect(templateNames()).toEqual([
      "Integrated Crisis Response",
      "Falls Prevention Service",
      "Home Adaptations",
    ]);
  });

  test("a file that is not JSON is refused in plain words", async () => {
    renderInFluent(<App templates={FIXTURE_TEMPLATES} />);
    choosePack("this is not json {", "notes.txt");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("notes.txt has 1 problem, so nothing was changed");
    expect(within(alert).getAllByRole("listitem")).toHaveLength(1);
    expect(templateNames()).toHaveLength(3);
  });
});

describe("Load template pack… with a malformed file", () => {
  test("12 KB of unclosed brackets is refused in one plain line in the pane", async () => {
    renderInFluent(<App templates={FIXTURE_TEMPLATES} />);
    choosePack("[".repeat(12 * 1024), "brackets.json");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("brackets.json has 1 problem, so nothing was changed");
    const items = within(alert).getAllByRole("listitem");
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toMatch(
      /^The file is not valid JSON: at line 1, column 12289 .*but found the end of the file$/
    );
    expect(templateNames()).toHaveLength(3);
  });
});

describe("mergePack", () => {
  test("counts additions and updates and keeps the existing order", () => {
    const merged = mergePack(FIXTURE_TEMPLATES, {
      name: "p",
      templates: [CARERS, { ...CRISIS_RESPONSE, description: "changed" }],
    });
    expect(merged.added).toBe(1);
    expect(merged.replaced).toBe(1);
    expect(merged.templates.map((t) => t.id)).toEqual([
      CRISIS_RESPONSE.id,
      FALLS.id,
      DFG_ADAPTATIONS.id,
      CARERS.id,
    ]);
    expect(merged.templates[0].description).toBe("changed");
  });
});
