/** Asks before an undo deletes whole sheets: which sheets go, what else goes, and what stays and why. */
import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import { byCount, plural } from "../state/format";
import type { RemovalPlan } from "../state/workbookActions";
import { usePaneStyles } from "./paneStyles";
import { QuestionCard } from "./QuestionCard";

export function UndoConfirmation({
  plan,
  onConfirm,
  onCancel,
}: {
  plan: RemovalPlan;
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const shared = usePaneStyles();
  const confirmButton = React.useRef<HTMLButtonElement>(null);
  const sheets = plan.deleteSheets.map((s) =>
    s.helper ? `${s.name} (hidden: the drop-down lists)` : s.name
  );
  const others = plan.removed.filter((r) => !r.startsWith("the sheet "));
  return (
    <QuestionCard
      label="Confirm deleting sheets"
      tone="destructive"
      strong
      onCancel={onCancel}
      focusOnOpen={confirmButton}
      question={`Delete ${byCount(sheets.length, "this sheet", `these ${plural(sheets.length, "sheet")}`)}? They are as the add-in wrote them.`}
      answers={
        <>
          <Button ref={confirmButton} appearance="primary" onClick={onConfirm}>
            Delete
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </>
      }
    >
      <ul className={shared.list} aria-label="Sheets to delete">
        {sheets.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      {others.length ? <Text>Also removed: {others.join("; ")}.</Text> : null}
      {plan.kept.length ? (
        <ul className={shared.list} aria-label="Kept">
          {plan.kept.map((sentence) => (
            <li key={sentence}>{willBeKept(sentence)}</li>
          ))}
        </ul>
      ) : null}
    </QuestionCard>
  );
}

/** The planner's sentences speak of a done undo; before it, what it keeps "will be kept". */
function willBeKept(sentence: string): string {
  return sentence
    .replace(/; it was kept\.$/, "; it will be kept.")
    .replace(/; they were kept\.$/, "; they will be kept.");
}
