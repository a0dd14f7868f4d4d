/**
 * Asked before an insert when a chosen template is already in the workbook's expenditure table: add it
 * again (a second scheme of the same name, on purpose) or skip it. Focus lands on the question.
 */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { alreadyInExpenditure } from "../../core/plan/insertion";
import { byCount, plural } from "../state/format";
import { QuestionCard } from "./QuestionCard";

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
  const n = duplicates.length;
  return (
    <QuestionCard
      label="Already in the workbook"
      tone="warning"
      onCancel={onCancel}
      question={
        <>
          {`${alreadyInExpenditure(duplicates.map((d) => `“${d.name}” (${d.schemeId})`))} Add ${byCount(n, "it", "them")} again?`}
          {othersCount > 0
            ? ` The other ${plural(othersCount, "template")} will be added either way.`
            : ""}
        </>
      }
      answers={
        <>
          <Button appearance="primary" onClick={() => onAnswer("add-again")}>
            Add again
          </Button>
          <Button onClick={() => onAnswer("skip")}>{byCount(n, "Skip it", "Skip them")}</Button>
          <Button appearance="subtle" onClick={onCancel}>
            Cancel
          </Button>
        </>
      }
    />
  );
}
