/** @jest-environment jsdom */
import "./setup";
import * as React from "react";
import { fireEvent, screen } from "@testing-library/react";
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { QuestionCard } from "../../src/taskpane/components/QuestionCard";
import { renderInFluent } from "./fixtures";

describe("QuestionCard", () => {
  test("is a group named by its label and described by its question; focus lands on it", () => {
    renderInFluent(
      <QuestionCard
        label="Already in the workbook"
        tone="warning"
        question="“Falls” is already there. Add it again?"
        answers={<Button>Add again</Button>}
        onCancel={() => {}}
      />
    );
    const card = screen.getByRole("group", { name: "Already in the workbook" });
    expect(card.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(card.getAttribute("aria-describedby")!)?.textContent).toBe(
      "“Falls” is already there. Add it again?"
    );
    expect(document.activeElement).toBe(card);
  });

  test("puts focus on the answer it is given, once, and Escape anywhere in it cancels", () => {
    const onCancel = jest.fn();
    function Ask({ note }: { note: string }) {
      const confirm = React.useRef<HTMLButtonElement>(null);
      return (
        <QuestionCard
          label="Confirm deleting sheets"
          tone="destructive"
          question={`Delete this sheet? ${note}`}
          answers={
            <>
              <Button ref={confirm}>Delete</Button>
              <Button>Cancel</Button>
            </>
          }
          onCancel={onCancel}
          focusOnOpen={confirm}
        />
      );
    }
    const { rerender } = renderInFluent(<Ask note="One." />);
    const del = screen.getByRole("button", { name: "Delete" });
    expect(document.activeElement).toBe(del);
    const cancel = screen.getByRole("button", { name: "Cancel" });
    cancel.focus();
    rerender(
      <FluentProvider theme={webLightTheme}>
        <Ask note="Two." />
      </FluentProvider>
    );
    expect(document.activeElement).toBe(cancel);
    fireEvent.keyDown(cancel, { key: "Escape" });
    expect(onCancel).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(cancel, { key: "Enter" });
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
