/**
 * Asked when "Build plan workbook" meets a workbook that already has the plan: open it, or add only the
 * sheets it is missing (never a second Cover, Income … beside the first). Focus lands on the question.
 */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { type PlanPresence, VISIBLE_PLAN_SHEETS, PLAN_SHEETS } from "../../core/plan";
import { listInWords } from "../state/format";
import { QuestionCard } from "./QuestionCard";

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
  const missing = presence.missing.map((key) => PLAN_SHEETS[key]);
  const there = VISIBLE_PLAN_SHEETS.filter((key) => presence.sheets[key] !== undefined).map(
    (key) => presence.sheets[key]!
  );
  return (
    <QuestionCard
      label="This workbook already has a plan"
      tone="brand"
      onCancel={onCancel}
      question={
        <>
          {`This workbook already has a BCF plan (${listInWords(there)}).`}
          {missing.length > 0
            ? ` It is missing ${listInWords(missing)}.`
            : " Nothing is missing from it."}
        </>
      }
      answers={
        <>
          <Button appearance="primary" onClick={onOpen}>
            Open the plan
          </Button>
          {missing.length > 0 ? (
            <Button onClick={onAddMissing}>{`Add ${listInWords(missing)}`}</Button>
          ) : null}
          <Button appearance="subtle" onClick={onCancel}>
            Cancel
          </Button>
        </>
      }
    />
  );
}
