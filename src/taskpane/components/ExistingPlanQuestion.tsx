/**
 * Asked when "Build plan workbook" meets a workbook that already has the plan: open it, or add only the
 * sheets it is missing (never a second Cover, Income … beside the first). Focus lands on the question.
 */
import * as React from "react";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { type PlanPresence, VISIBLE_PLAN_SHEETS, PLAN_SHEETS } from "../../core/plan";
import { listInWords } from "../state/format";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface ExistingPlanQuestionProps {
  presence: PlanPresence;
  onOpen: () => void;
  onAddMissing: () => void;
  onCancel: () => void;
}

export function ExistingPlanQuestion({
  presence,
  onOpen,
  onAddMissing,
  onCancel,
}: ExistingPlanQuestionProps): React.JSX.Element {
  const styles = useStyles();
  const ref = React.useRef<HTMLDivElement>(null);
  const textId = React.useId();
  React.useEffect(() => ref.current?.focus(), []);
  const missing = presence.missing.map((key) => PLAN_SHEETS[key]);
  const there = VISIBLE_PLAN_SHEETS.filter((key) => presence.sheets[key] !== undefined).map(
    (key) => presence.sheets[key]!
  );
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="group"
      aria-label="This workbook already has a plan"
      aria-describedby={textId}
      className={styles.root}
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <Text id={textId}>
        {`This workbook already has a BCF plan (${listInWords(there)}).`}
        {missing.length > 0
          ? ` It is missing ${listInWords(missing)}.`
          : " Nothing is missing from it."}
      </Text>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onOpen}>
          Open the plan
        </Button>
        {missing.length > 0 ? (
          <Button onClick={onAddMissing}>{`Add ${listInWords(missing)}`}</Button>
        ) : null}
        <Button appearance="subtle" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
