/**
 * Asked before an insert when a chosen template is already in the workbook's expenditure table: add it
 * again (a second scheme of the same name, on purpose) or skip it. Focus lands on the question.
 */
import * as React from "react";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { PLAN_SHEETS } from "../../core/plan";
import { listInWords, plural } from "../state/format";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
    color: tokens.colorNeutralForeground1,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface Duplicate {
  name: string;
  templateId: string;
  /** The scheme ID it already has in the table, e.g. "S001". */
  schemeId: string;
}

export interface DuplicateQuestionProps {
  duplicates: Duplicate[];
  /** Chosen templates not yet in the workbook (inserted either way). */
  othersCount: number;
  onAnswer: (answer: "add-again" | "skip") => void;
  onCancel: () => void;
}

export function DuplicateQuestion({
  duplicates,
  othersCount,
  onAnswer,
  onCancel,
}: DuplicateQuestionProps): React.JSX.Element {
  const styles = useStyles();
  const ref = React.useRef<HTMLDivElement>(null);
  const textId = React.useId();
  React.useEffect(() => ref.current?.focus(), []);
  const names = listInWords(duplicates.map((d) => `“${d.name}” (${d.schemeId})`));
  const one = duplicates.length === 1;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-label="Already in the workbook"
      aria-describedby={textId}
      className={styles.root}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <Text id={textId}>
        {`${names} ${one ? "is" : "are"} already in the ${PLAN_SHEETS.expenditure} table. Add ${one ? "it" : "them"} again?`}
        {othersCount > 0
          ? ` The other ${plural(othersCount, "template")} will be added either way.`
          : ""}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => onAnswer("add-again")}>
          Add again
        </Button>
        <Button onClick={() => onAnswer("skip")}>{one ? "Skip it" : "Skip them"}</Button>
        <Button appearance="subtle" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
