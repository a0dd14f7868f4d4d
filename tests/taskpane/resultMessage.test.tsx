/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { act, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { ResultMessage } from "../../src/taskpane/components/ResultMessage";

function Pane({ show }: { show: boolean }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <button>Check</button>
      <input aria-label="B4" />
      {show ? (
        <ResultMessage intent="success" title="No findings">
          Checked 3 tables.
        </ResultMessage>
      ) : null}
    </FluentProvider>
  );
}

describe("ResultMessage focus", () => {
  // First in this file on purpose: the message bar's script has not loaded yet, so it arrives a moment
  // after the outcome, as it does in the pane.
  test("never takes focus from a cell the person moved to while the message was loading", async () => {
    const { rerender } = render(<Pane show={false} />);
    screen.getByRole("button", { name: "Check" }).focus();
    rerender(<Pane show={true} />);
    expect(screen.queryByRole("status")).toBeNull();
    const cell = screen.getByRole("textbox", { name: "B4" });
    act(() => cell.focus());
    await screen.findByRole("status");
    expect(document.activeElement).toBe(cell);
  });

  test("lands on the message when focus is still where the action started", async () => {
    const { rerender } = render(<Pane show={false} />);
    screen.getByRole("button", { name: "Check" }).focus();
    rerender(<Pane show={true} />);
    const bar = await screen.findByRole("status");
    expect(document.activeElement).toBe(bar);
  });
});
