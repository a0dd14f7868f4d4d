/**
 * "Prepare for submission": finds every =BCF.* formula (a recipient without the add-in would see #NAME?)
 * and, only after the user confirms, replaces them with their values in place or in copies of the sheets.
 */
import * as React from "react";
import {
  Button,
  makeStyles,
  Radio,
  RadioGroup,
  Field,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { cellReference } from "../state/findings";
import { listInWords, plural } from "../state/format";
import { useWorkbookAction } from "../state/useWorkbookAction";
import { workbookActions, type BcfFormulaCell, type ReplaceMode } from "../state/workbookActions";
import { ResultMessage } from "./ResultMessage";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  formulas: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    maxHeight: "200px",
    overflowY: "auto",
    fontSize: tokens.fontSizeBase200,
  },
  code: { fontFamily: tokens.fontFamilyMonospace },
  confirm: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    backgroundColor: tokens.colorPaletteDarkOrangeBackground1,
  },
});

const MODE_WORDS: Record<ReplaceMode, string> = {
  "in-place": "in place, on the sheets themselves",
  copy: "in a copy of each sheet, leaving the originals as they are",
};

interface Message {
  intent: "success" | "error" | "info";
  title: string;
  body?: React.ReactNode;
  id: number;
}

export function SubmissionPanel({ disabled }: { disabled?: boolean }): React.JSX.Element {
  const styles = useStyles();
  const headingId = React.useId();
  const [found, setFound] = React.useState<BcfFormulaCell[]>();
  const [mode, setMode] = React.useState<ReplaceMode>("in-place");
  const [confirming, setConfirming] = React.useState(false);
  const [message, setMessage] = React.useState<Message>();
  const replaceButton = React.useRef<HTMLButtonElement>(null);
  const confirmButton = React.useRef<HTMLButtonElement>(null);

  const find = useWorkbookAction(workbookActions.listBcfFormulas);
  const replace = useWorkbookAction(workbookActions.replaceBcfFormulasWithValues);
  const busy = find.running || replace.running || !!disabled;

  React.useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const show = (m: Omit<Message, "id">) => setMessage({ ...m, id: Date.now() + Math.random() });

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

  const onConfirm = async () => {
    setConfirming(false);
    const outcome = await replace.run(mode);
    if (!outcome) return;
    if (!outcome.ok) {
      show({ intent: "error", title: "The formulas were not replaced", body: outcome.message });
      return;
    }
    const { replaced, sheets } = outcome.value;
    // The list is out of date now: the user can search again to confirm none are left.
    setFound(undefined);
    show({
      intent: "success",
      title: `Replaced ${plural(replaced, "formula")} with values`,
      body:
        mode === "copy"
          ? `The values are in ${sheets.length === 1 ? "a new sheet" : "new sheets"}: ${listInWords(sheets)}. The original sheets keep their formulas.`
          : `On ${listInWords(sheets)}. Those cells now hold numbers anyone can open.`,
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
      <div className={styles.actions}>
        <Button disabled={busy} onClick={onFind}>
          Find =BCF formulas
        </Button>
        {find.running ? <Spinner size="tiny" label="Looking for =BCF formulas…" /> : null}
      </div>
      {found && found.length > 0 ? (
        <ul className={styles.formulas} aria-label="=BCF formulas found" tabIndex={0}>
          {found.map((f) => (
            <li key={`${f.sheet}!${f.cell}`}>
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
          <Radio value="in-place" label="Replace in place" />
          <Radio value="copy" label="Replace in a copy of each sheet" />
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
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
        <div
          className={styles.confirm}
          role="group"
          aria-label="Confirm replacing formulas"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              onCancel();
            }
          }}
        >
          <Text>
            Replace {plural(found.length, "=BCF formula")} with{" "}
            {found.length === 1 ? "its value" : "their values"} {MODE_WORDS[mode]}?{" "}
            {mode === "in-place" ? "The formulas cannot be brought back by the add-in." : ""}
          </Text>
          <div className={styles.actions}>
            <Button ref={confirmButton} appearance="primary" onClick={onConfirm}>
              Confirm
            </Button>
            <Button onClick={onCancel}>Cancel</Button>
          </div>
        </div>
      ) : null}
      {message ? (
        <ResultMessage key={message.id} intent={message.intent} title={message.title}>
          {message.body}
        </ResultMessage>
      ) : null}
    </section>
  );
}
