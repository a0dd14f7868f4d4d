/**
 * The pane's one way of asking before it acts: a card (a group named by `label`) holding the question,
 * any details, and the answers. Focus lands on it when it opens: on the card itself, so that a screen
 * reader reads the question first, or on `focusOnOpen`, the answer that is expected. Escape cancels.
 * The tone says what is at stake: a choice (brand), a repeat (warning), something deleted or replaced
 * (destructive).
 */
import * as React from "react";
import { makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
  },
  brand: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  warning: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
  },
  destructive: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
  },
  answers: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface QuestionCardProps {
  /** The group's accessible name. */
  label: string;
  tone: "brand" | "warning" | "destructive";
  /** The question itself; the card is described by it. */
  question: React.ReactNode;
  /** Shows the question in semibold, above details that say what it covers. */
  strong?: boolean;
  /** What the answers cover (lists of sheets and the like), between the question and the answers. */
  children?: React.ReactNode;
  /** The buttons. */
  answers: React.ReactNode;
  onCancel: () => void;
  /** Where focus goes when the card opens; the card itself when absent. */
  focusOnOpen?: React.RefObject<HTMLElement | null>;
}

export function QuestionCard({
  label,
  tone,
  question,
  strong,
  children,
  answers,
  onCancel,
  focusOnOpen,
}: QuestionCardProps): React.JSX.Element {
  const styles = useStyles();
  const card = React.useRef<HTMLDivElement>(null);
  const questionId = React.useId();
  // Once, on opening: a later render (a changed option beside the card) must not pull focus back.
  React.useEffect(() => (focusOnOpen ?? card).current?.focus(), []);
  return (
    <div
      ref={card}
      tabIndex={focusOnOpen ? undefined : -1}
      role="group"
      aria-label={label}
      aria-describedby={questionId}
      className={mergeClasses(styles.root, styles[tone])}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <Text id={questionId} weight={strong ? "semibold" : undefined}>
        {question}
      </Text>
      {children}
      <div className={styles.answers}>{answers}</div>
    </div>
  );
}
