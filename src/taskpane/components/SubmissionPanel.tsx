/**
 * "Prepare for submission": finds every =BCF.* formula (a recipient without the add-in would see #NAME?)
 * and, only after the user confirms, replaces them with their values in place or in copies of the sheets.
 */
import * as React from "react";
import {
  Button,
  makeStyles,
  RadioGroup,
  Field,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { cellReference } from "../state/findings";
import { byCount, listInWords, plural } from "../state/format";
import { type PaneMessage, useResultMessage } from "../state/useResultMessage";
import { useWorkbookAction } from "../state/useWorkbookAction";
import {
  workbookActions,
  type BcfFormulaCell,
  type ReplacedFormula,
  type ReplaceMode,
} from "../state/workbookActions";
import { FullContrastRadio } from "./FullContrastRadio";
import { QuestionCard } from "./QuestionCard";
import { ResultMessage } from "./ResultMessage";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  formulas: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    maxHeight: "200px",
    overflowY: "auto",
    fontSize: tokens.fontSizeBase200,
  },
  // Sheet names and formulas have no spaces to break at: without this one long entry widens the
  // list past a 320 px pane and brings a horizontal scroll bar.
  formula: { overflowWrap: "anywhere" },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

/** Exactly what confirming will change, by sheet. */
function whatWillChange(found: BcfFormulaCell[], mode: ReplaceMode): string {
  const bySheet = new Map<string, number>();
  for (const f of found) bySheet.set(f.sheet, (bySheet.get(f.sheet) ?? 0) + 1);
  const sheets = [...bySheet.keys()];
  const counts = listInWords([...bySheet].map(([sheet, n]) => `${n} on ${sheet}`));
  const formulas = plural(found.length, "=BCF formula");
  if (mode === "in-place") {
    return `Replace ${formulas} with their values in place (${counts}). Those cells will hold values, and a result that fills several cells is replaced in all of them. Nothing else changes. The add-in can put the formulas back only until you close the pane.`;
  }
  return `Copy ${listInWords(sheets)} to new ${byCount(sheets.length, "sheet", "sheets")} and replace ${formulas} there with their values (${counts}). The original sheets keep their =BCF formulas: anyone opening the file without the add-in still sees #NAME? on them, so hide or delete them before you send the file on.`;
}

interface Message extends PaneMessage {
  /** What the user can do next: finish a replace Excel stopped, put formulas back, hide originals. */
  actions?: Array<{ label: string; run: () => void }>;
}

export function SubmissionPanel({
  disabled,
  onReplaced,
}: {
  disabled?: boolean;
  /** Called once values are in: the findings are out of date (a re-check sees the values). */
  onReplaced?: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const shared = usePaneStyles();
  const headingId = React.useId();
  const [found, setFound] = React.useState<BcfFormulaCell[]>();
  const [mode, setMode] = React.useState<ReplaceMode>("in-place");
  const [confirming, setConfirming] = React.useState(false);
  const { message, show } = useResultMessage<Message>();
  const replaceButton = React.useRef<HTMLButtonElement>(null);
  const confirmButton = React.useRef<HTMLButtonElement>(null);

  const find = useWorkbookAction(workbookActions.listBcfFormulas);
  const replace = useWorkbookAction(workbookActions.replaceBcfFormulasWithValues);
  const restore = useWorkbookAction(workbookActions.restoreBcfFormulas);
  const hide = useWorkbookAction(workbookActions.hideSheets);
  const busy = find.running || replace.running || restore.running || hide.running || !!disabled;

  const onFind = async () => {
    setConfirming(false);
    const outcome = await find.run();
    if (!outcome) return;
    if (!outcome.ok) {
      setFound(undefined);
      show({ intent: "error", title: "The formulas could not be listed", body: outcome.message });
      return;
    }
    setFound(outcome.value);
    const sheets = [...new Set(outcome.value.map((f) => f.sheet))];
    show(
      outcome.value.length === 0
        ? {
            intent: "success",
            title: "No =BCF formulas found",
            body: "The workbook can be sent on as it is.",
          }
        : {
            intent: "info",
            title: `${plural(outcome.value.length, "=BCF formula")} found`,
            body: `On ${listInWords(sheets)}. People without the add-in would see #NAME? in these cells.`,
          }
    );
  };

  const onCancel = () => {
    setConfirming(false);
    show({
      intent: "info",
      title: "Nothing was changed",
      body: "The =BCF formulas are still in the workbook.",
    });
  };

  const onHide = async (sheets: string[]) => {
    const outcome = await hide.run(sheets);
    if (!outcome) return;
    show(
      outcome.ok
        ? {
            intent: "success",
            title: `Hid ${listInWords(sheets)}`,
            body: "Their =BCF formulas are still in the file, out of sight. Unhide them (right-click a sheet tab > Unhide) to work on them.",
          }
        : { intent: "error", title: "The original sheets were not hidden", body: outcome.message }
    );
  };

  const onRestore = async (cells: ReplacedFormula[]) => {
    const outcome = await restore.run(cells);
    if (!outcome) return;
    onReplaced?.();
    if (!outcome.ok) {
      show({ intent: "error", title: "The formulas were not put back", body: outcome.message });
      return;
    }
    const { restored, kept } = outcome.value;
    show({
      intent: kept ? "warning" : "success",
      title: `Put back ${plural(restored, "formula")}`,
      body: kept
        ? `${plural(kept, "cell")} changed since the replace kept what you typed.`
        : "The cells hold their =BCF formulas again.",
    });
  };

  const onConfirm = async () => {
    setConfirming(false);
    const outcome = await replace.run(mode);
    if (!outcome) return;
    if (!outcome.ok) {
      show({ intent: "error", title: "The formulas were not replaced", body: outcome.message });
      return;
    }
    const { replaced, sheets, originals, cells, incomplete } = outcome.value;
    // The list is out of date now: the user can search again to confirm none are left.
    setFound(undefined);
    onReplaced?.();
    if (incomplete && mode === "copy") {
      show({
        intent: "warning",
        title: `Replaced ${replaced} of ${replaced + incomplete.remaining} formulas`,
        body: `Excel stopped part-way: ${incomplete.reason} The copies ${listInWords(sheets)} hold values only in part; the original sheets are unchanged. Delete the copies and try again.`,
      });
      return;
    }
    if (incomplete) {
      show({
        intent: "warning",
        title: `Replaced ${replaced} of ${replaced + incomplete.remaining} formulas`,
        body: `${replaced ? `Values are in ${incomplete.where}. ` : ""}Excel stopped before the other ${plural(incomplete.remaining, "formula")}: ${incomplete.reason}`,
        actions: [
          { label: "Finish replacing", run: () => void onConfirm() },
          ...(cells.length && mode === "in-place"
            ? [{ label: "Put the formulas back", run: () => void onRestore(cells) }]
            : []),
        ],
      });
      return;
    }
    show({
      intent: "success",
      title: `Replaced ${plural(replaced, "formula")} with values`,
      body:
        mode === "copy"
          ? `The values are in ${byCount(sheets.length, "a new sheet", "new sheets")}: ${listInWords(sheets)}. The original ${byCount(originals.length, "sheet", "sheets")} ${listInWords(originals)} still ${byCount(originals.length, "has", "have")} the =BCF formulas: hide them before you send the file on.`
          : `On ${listInWords(sheets)}. Those cells now hold values anyone can open.`,
      actions:
        mode === "copy"
          ? [{ label: "Hide the original sheets", run: () => void onHide(originals) }]
          : [{ label: "Put the formulas back", run: () => void onRestore(cells) }],
    });
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        Prepare for submission
      </h3>
      <Text>
        Whoever receives the workbook may not have the add-in: cells with =BCF formulas would show
        #NAME?. Replace them with their values before you send the file on.
      </Text>
      <div className={shared.actions}>
        <Button disabled={busy} onClick={onFind}>
          Find =BCF formulas
        </Button>
        {find.running ? <Spinner size="tiny" label="Looking for =BCF formulas…" /> : null}
      </div>
      {found && found.length > 0 ? (
        <ul className={styles.formulas} aria-label="=BCF formulas found" tabIndex={0}>
          {found.map((f) => (
            <li key={`${f.sheet}!${f.cell}`} className={styles.formula}>
              {cellReference(f.sheet, f.cell)}: <span className={styles.code}>{f.formula}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <Field label="How to replace them">
        <RadioGroup
          value={mode}
          onChange={(_, data) => setMode(data.value as ReplaceMode)}
          disabled={busy}
        >
          <FullContrastRadio value="in-place" label="Replace in place" />
          <FullContrastRadio value="copy" label="Replace in a copy of each sheet" />
        </RadioGroup>
      </Field>
      <div className={shared.actions}>
        <Button
          ref={replaceButton}
          appearance="primary"
          disabled={busy || confirming || !found || found.length === 0}
          onClick={() => setConfirming(true)}
        >
          Replace formulas with values
        </Button>
        {replace.running ? <Spinner size="tiny" label="Replacing formulas with values…" /> : null}
      </div>
      {confirming && found ? (
        <QuestionCard
          label="Confirm replacing formulas"
          tone="destructive"
          onCancel={onCancel}
          focusOnOpen={confirmButton}
          question={whatWillChange(found, mode)}
          answers={
            <>
              <Button ref={confirmButton} appearance="primary" onClick={onConfirm}>
                Confirm
              </Button>
              <Button onClick={onCancel}>Cancel</Button>
            </>
          }
        />
      ) : null}
      {message ? (
        <ResultMessage key={message.key} intent={message.intent} title={message.title}>
          {message.body}
          {message.actions ? (
            <div className={shared.actions}>
              {message.actions.map((action) => (
                <Button key={action.label} size="small" disabled={busy} onClick={action.run}>
                  {action.label}
                </Button>
              ))}
            </div>
          ) : null}
        </ResultMessage>
      ) : null}
    </section>
  );
}
