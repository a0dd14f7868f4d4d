/** @jest-environment jsdom */
/**
 * The New plan and Check tabs are not part of the page the pane opens with: each is rendered (and its
 * code loaded) the first time its tab is opened, and then stays mounted so what it shows survives.
 */
import "./setup";
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { App } from "../../src/taskpane/components/App";
import { FIXTURE_TEMPLATES, renderInFluent } from "./fixtures";

test("a tab is rendered when first opened and kept while the user looks elsewhere", async () => {
  renderInFluent(<App templates={FIXTURE_TEMPLATES} />);
  expect(screen.queryByRole("button", { name: "Check workbook" })).toBeNull();
  expect(screen.queryByRole("textbox", { name: "Area" })).toBeNull();

  fireEvent.click(screen.getByRole("tab", { name: "New plan" }));
  const area = await screen.findByRole("textbox", { name: "Area" });
  fireEvent.change(area, { target: { value: "Rutland" } });
  expect(screen.queryByRole("button", { name: "Check workbook" })).toBeNull();

  fireEvent.click(screen.getByRole("tab", { name: "Check" }));
  expect(await screen.findByRole("button", { name: "Check workbook" })).toBeTruthy();

  fireEvent.click(screen.getByRole("tab", { name: "New plan" }));
  expect((screen.getByRole("textbox", { name: "Area" }) as HTMLInputElement).value).toBe("Rutland");
});
