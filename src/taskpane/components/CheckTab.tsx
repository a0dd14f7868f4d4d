/**
 * "Check": reads the workbook into a snapshot (read-only), runs the pre-submission rules and lists what they
 * find; then the submission step. Nothing here writes to the workbook except the confirmed replacement.
 */
import * as React from "react";
import {
  Badge,
  Button,
  Field,
  makeStyles,
  ProgressBar,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { checkWorkbook, countBySeverity } from "../../core/checks";
import type { Finding } from "../../core/checks/finding";
import type { WorkbookSnapshot } from "../../core/workbook";
import { cellReference, summaryText } from "../state/findings";
import { formatNumber, plural } from "../state/format";
import { useResultMessage } from "../state/useResultMessage";
import { useWorkbookAction } from "../state/useWorkbookAction";
import { workbookActions } from "../state/workbookActions";
import { FindingsList } from "./FindingsList";
import { ResultMessage } from "./ResultMessage";
import { SubmissionPanel } from "./SubmissionPanel";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  badges: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  divider: {
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    margin: 0,
  },
});

interface CheckResult {
  snapshot: WorkbookSnapshot;
  findings: Finding[];
  /** What the rules checked, in one sentence ("Checked 14 totals, 3 splits …"). */
  coverage: string;
  /** Whether any table, total or figure of a kind the rules check was found. */
  recognised: boolean;
  checkedAt: Date;
}

export function CheckTab(): React.JSX.Element {
  const styles = useStyles();
  const shared = usePaneStyles();
  const [result, setResult] = React.useState<CheckResult>();
  const { message, show } = useResultMessage();
  const selectProblem = useResultMessage<{ text: string }>();

  // The reader reports rows read as it goes, block by block; the rules themselves are quick and run on the plain snapshot.
  const check = useWorkbookAction(
    async (onProgress: (done: number, total: number) => void): Promise<CheckResult> => {
      const snapshot = await workbookActions.readWorkbookSnapshot(onProgress);
      const report = checkWorkbook(snapshot);
      return {
        snapshot,
        findings: report.findings,
        coverage: report.summary,
        recognised: report.recognised,
        checkedAt: new Date(),
      };
    }
  );
  const select = useWorkbookAction(workbookActions.selectCell);

  const onCheck = async () => {
    selectProblem.clear();
    const outcome = await check.run(check.reportProgress);
    if (!outcome) return;
    if (!outcome.ok) {
      show({
        intent: "error",
        title: "The workbook could not be checked",
        body: outcome.message,
      });
      return;
    }
    setResult(outcome.value);
    const counts = countBySeverity(outcome.value.findings);
    const sheets = outcome.value.snapshot.sheets.length;
    const checked = `Checked ${plural(sheets, "sheet")}: ${summaryText(counts)}.`;
    show(
      counts.error > 0
        ? {
            intent: "error",
            title: "Some figures do not reconcile",
            body: `${checked} Select a finding to go to its cell.`,
          }
        : counts.warning > 0
          ? {
              intent: "warning",
              title: "No errors, some warnings",
              body: `${checked} Select a finding to go to its cell.`,
            }
          : !outcome.value.recognised
            ? { intent: "warning", title: "Nothing was recognised to check", body: checked }
            : { intent: "success", title: "No errors found", body: checked }
    );
  };

  const onSelect = async (finding: Finding) => {
    const outcome = await select.run(finding.sheet, finding.cell);
    if (outcome && !outcome.ok) {
      selectProblem.show({
        text: `${cellReference(finding.sheet, finding.cell)} could not be selected: ${outcome.message} If the workbook has changed, check it again.`,
      });
    } else if (outcome?.ok) {
      selectProblem.clear();
    }
  };

  const counts = result ? countBySeverity(result.findings) : undefined;
  const progress = check.state.status === "running" ? check.state.progress : undefined;

  return (
    <div className={styles.root}>
      <Text>
        Checks that every total adds up, every NHS/council split reconciles, targets agree across
        periods and each funding source balances. Checking only reads the workbook.
      </Text>
      <div className={shared.actions}>
        {/* One button: checking again after a correction is the same action. */}
        <Button appearance="primary" disabled={check.running} onClick={onCheck}>
          Check workbook
        </Button>
        {check.running && !progress ? <Spinner size="tiny" label="Reading the workbook…" /> : null}
      </div>
      {check.running && progress ? (
        <Field
          label="Reading the workbook"
          hint={`${formatNumber(progress.done)} of ${formatNumber(progress.total)} rows read`}
          validationState="none"
        >
          <ProgressBar
            value={progress.total > 0 ? progress.done / progress.total : undefined}
            max={1}
          />
        </Field>
      ) : null}
      {message ? (
        <ResultMessage key={message.key} intent={message.intent} title={message.title}>
          {message.body}
        </ResultMessage>
      ) : null}
      {counts ? (
        <div className={styles.badges} aria-label="Findings summary" role="group">
          {/* Fluent's status palette, tinted as in Microsoft's own panes; a zero count stays quiet. */}
          <Badge appearance="tint" color={counts.error > 0 ? "danger" : "subtle"}>
            {plural(counts.error, "error")}
          </Badge>
          <Badge appearance="tint" color={counts.warning > 0 ? "severe" : "subtle"}>
            {plural(counts.warning, "warning")}
          </Badge>
          <Badge
            appearance="tint"
            color={counts.info > 0 ? "informative" : "subtle"}
          >{`${counts.info} for information`}</Badge>
        </div>
      ) : null}
      {selectProblem.message ? (
        <ResultMessage key={selectProblem.message.key} intent="error" title="Cell not selected">
          {selectProblem.message.text}
        </ResultMessage>
      ) : null}
      {result ? <Text aria-label="What was checked">{result.coverage}</Text> : null}
      {result ? (
        <FindingsList
          findings={result.findings}
          snapshot={result.snapshot}
          onSelect={onSelect}
          disabled={check.running}
        />
      ) : null}
      <hr className={styles.divider} />
      <SubmissionPanel
        disabled={check.running}
        onReplaced={() => {
          // The findings describe the workbook before the values went in: check it again.
          if (check.state.status === "done") void onCheck();
        }}
      />
    </div>
  );
}
