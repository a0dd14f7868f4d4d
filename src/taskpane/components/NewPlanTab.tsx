/** "New plan": builds the plan workbook's sheets (Cover, Income, Expenditure, Targets, Metrics, Summary). */
import * as React from "react";
import {
  Button,
  Field,
  Input,
  makeStyles,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import {
  financialYearOf,
  financialYearProblem,
  normaliseFinancialYear,
} from "../state/financialYear";
import { useUndoInsertion } from "../state/useUndoInsertion";
import { useResultMessage } from "../state/useResultMessage";
import { useWorkbookAction } from "../state/useWorkbookAction";
import { workbookActions, type InsertionRecord } from "../state/workbookActions";
import { PLAN_SHEETS, type PlanPresence } from "../../core/plan";
import { ExistingPlanQuestion } from "./ExistingPlanQuestion";
import { ResultMessage } from "./ResultMessage";
import { UndoConfirmation } from "./UndoConfirmation";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** The sheets a person can see: the drop-down lists sheet is hidden and never offered as a place to look. */
function visibleSheets(names: string[]): string[] {
  return names.filter((n) => n !== PLAN_SHEETS.lists);
}

export function NewPlanTab({ today = new Date() }: { today?: Date }): React.JSX.Element {
  const styles = useStyles();
  const shared = usePaneStyles();
  const [area, setArea] = React.useState("");
  const [board, setBoard] = React.useState("");
  const [year, setYear] = React.useState(() => financialYearOf(today));
  const [triedSubmit, setTriedSubmit] = React.useState(false);
  const { message, show: showMessage, clear: clearMessage } = useResultMessage();
  const build = useWorkbookAction(workbookActions.buildPlanSkeleton);
  const open = useWorkbookAction(workbookActions.selectCell);
  // Set when the workbook already has a plan: the person chooses to open it or to add what is missing.
  const [existing, setExisting] = React.useState<PlanPresence>();
  // What the last build added, so it can be taken out again in one step.
  const [lastBuild, setLastBuild] = React.useState<InsertionRecord>();
  const undo = useUndoInsertion((outcome) => {
    if (outcome.status === "cancelled") {
      showMessage({
        intent: "info",
        title: "Nothing was removed",
        body: "The new sheets are still there.",
      });
      return;
    }
    if (outcome.status === "failed") {
      showMessage({
        intent: "error",
        title: "The new sheets were not removed",
        body: outcome.message,
      });
      return;
    }
    // Whatever was kept is the user's now: the button goes either way.
    const { report } = outcome;
    showMessage({
      intent: report.kept.length ? "warning" : "success",
      title: report.kept.length ? "Some new sheets were kept" : "New sheets removed",
      body: report.message,
    });
    setLastBuild(undefined);
  });
  const busy = build.running || undo.running || !!undo.pending || open.running;

  const problems = {
    area: area.trim() ? undefined : "Enter the area the plan is for.",
    board: board.trim() ? undefined : "Enter the Health and Wellbeing Board.",
    year: financialYearProblem(year),
  };
  const valid = !problems.area && !problems.board && !problems.year;

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setTriedSubmit(true);
    if (!valid || busy) return;
    let presence: PlanPresence | undefined;
    try {
      presence = await workbookActions.readPlanPresence();
    } catch {
      // Unreadable: build as before; the build itself still reuses the plan's own sheets.
    }
    if (presence?.hasPlan) {
      clearMessage();
      setExisting(presence);
      return;
    }
    await buildPlan();
  };

  const onOpenPlan = async () => {
    const cover = existing?.sheets.cover;
    setExisting(undefined);
    if (!cover) return;
    const outcome = await open.run(cover, "A1");
    if (outcome && !outcome.ok) {
      showMessage({
        intent: "error",
        title: "The plan could not be opened",
        body: outcome.message,
      });
    }
  };

  const buildPlan = async () => {
    setExisting(undefined);
    const outcome = await build.run({
      area: area.trim(),
      healthAndWellbeingBoard: board.trim(),
      year: normaliseFinancialYear(year),
    });
    if (!outcome) return;
    if (!outcome.ok) {
      showMessage({
        intent: "error",
        title: "The plan workbook was not built",
        body: outcome.message,
      });
      return;
    }
    const { sheetsAdded, message: summary, record } = outcome.value;
    setLastBuild(sheetsAdded.length > 0 ? record : undefined);
    const shown = visibleSheets(sheetsAdded);
    showMessage({
      intent: "success",
      title: "Plan workbook built",
      body: shown.length > 0 ? `${summary} ${shown[0]} is open.` : summary,
      details:
        shown.length > 0 ? (
          <>
            <Text block weight="semibold">
              Sheets added
            </Text>
            <ul className={shared.list} aria-label="Sheets added">
              {shown.map((sheet) => (
                <li key={sheet}>{sheet}</li>
              ))}
            </ul>
          </>
        ) : undefined,
    });
  };

  const show = (problem: string | undefined) => (triedSubmit ? problem : undefined);

  const onUndo = async () => {
    if (!lastBuild) return;
    clearMessage();
    await undo.start(lastBuild);
  };

  return (
    <form className={styles.form} onSubmit={onSubmit} noValidate aria-label="New plan">
      <Text className={styles.hint}>
        Adds the sheets of a BCF plan: Cover, Income, Expenditure, Targets, Metrics and Summary.
        Sheets you already have are never overwritten.
      </Text>
      <Field label="Area" required validationMessage={show(problems.area)}>
        <Input
          value={area}
          onChange={(_, data) => setArea(data.value)}
          placeholder="e.g. Rutland"
        />
      </Field>
      <Field label="Health and Wellbeing Board" required validationMessage={show(problems.board)}>
        <Input
          value={board}
          onChange={(_, data) => setBoard(data.value)}
          placeholder="e.g. Rutland Health and Wellbeing Board"
        />
      </Field>
      <Field
        label="Financial year"
        required
        validationMessage={show(problems.year)}
        hint="For example 2025-26"
      >
        <Input value={year} onChange={(_, data) => setYear(data.value)} />
      </Field>
      <div className={shared.actions}>
        <Button appearance="primary" type="submit" disabled={busy}>
          Build plan workbook
        </Button>
        {lastBuild ? (
          <Button type="button" disabled={busy} onClick={onUndo}>
            Remove the new sheets
          </Button>
        ) : null}
        {build.running ? <Spinner size="tiny" label="Building the plan workbook…" /> : null}
        {undo.running ? <Spinner size="tiny" label="Removing the new sheets…" /> : null}
      </div>
      {existing ? (
        <ExistingPlanQuestion
          presence={existing}
          onOpen={onOpenPlan}
          onAddMissing={buildPlan}
          onCancel={() => setExisting(undefined)}
        />
      ) : null}
      {undo.pending ? (
        <UndoConfirmation plan={undo.pending} onConfirm={undo.confirm} onCancel={undo.cancel} />
      ) : null}
      {message ? (
        <ResultMessage
          key={message.key}
          intent={message.intent}
          title={message.title}
          details={message.details}
        >
          {message.body}
        </ResultMessage>
      ) : null}
    </form>
  );
}
