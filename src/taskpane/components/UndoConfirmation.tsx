/** Asks before an undo deletes whole sheets: which sheets go, what else goes, and what stays and why. */
import * as React from "react";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { RemovalPlan } from "../state/workbookActions";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function UndoConfirmation({
  plan,
  onConfirm,
  onCancel,
}: {
  plan: RemovalPlan;
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const confirmButton = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => confirmButton.current?.focus(), []);
  const sheets = plan.deleteSheets.map((s) =>
    s.helper ? `${s.name} (hidden: the drop-down lists)` : s.name
  );
  const others = plan.removed.filter((r) => !r.startsWith("the sheet "));
  return (
    <div
      className={styles.root}
      role="group"
      aria-label="Confirm deleting sheets"
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <Text weight="semibold">
        Delete {sheets.length === 1 ? "this sheet" : `these ${sheets.length} sheets`}? They are as
        the add-in wrote them.
      </Text>
      <ul className={styles.list} aria-label="Sheets to delete">
        {sheets.map((name) => (
          <li key={name}>{name}</li>
        ))}
      </ul>
      {others.length ? <Text>Also removed: {others.join("; ")}.</Text> : null}
      {plan.kept.length ? (
        <ul className={styles.list} aria-label="Kept">
          {plan.kept.map((sentence) => (
            <li key={sentence}>{willBeKept(sentence)}</li>
          ))}
        </ul>
      ) : null}
      <div className={styles.actions}>
        <Button ref={confirmButton} appearance="primary" onClick={onConfirm}>
          Delete
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}

/** The planner's sentences speak of a done undo; before it, what it keeps "will be kept". */
function willBeKept(sentence: string): string {
  return sentence
    .replace(/; it was kept\.$/, "; it will be kept.")
    .replace(/; they were kept\.$/, "; they will be kept.");
}
