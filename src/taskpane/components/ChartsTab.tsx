/**
 * "Charts": an SPC chart of the selected monthly figures (Making Data Count), with a target line and
 * an annual target phased into months, and a funnel plot of the selected areas. Both are written as
 * =BCF.* formulas with a native Excel chart over them, beside the data or on a new sheet.
 */
import * as React from "react";
import {
  Button,
  Field,
  Input,
  makeStyles,
  RadioGroup,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { ImprovementDirection } from "../../core/statistics/spc";
import type { FunnelStatistic } from "../../core/statistics/funnel";
import { type PaneMessage, useResultMessage } from "../state/useResultMessage";
import { useWorkbookAction } from "../state/useWorkbookAction";
import {
  type ChartInsertResult,
  type InsertionRecord,
  workbookActions,
} from "../state/workbookActions";
import { FullContrastRadio } from "./FullContrastRadio";
import { usePaneStyles } from "./paneStyles";
import { ResultMessage } from "./ResultMessage";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** "1,200" or " 60 " → number; "" → undefined; anything else → NaN (a problem to show). */
export function optionalNumber(text: string): number | undefined {
  const t = text.replace(/[,\s£]/g, "");
  if (t === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** One chart's form: heading, what to select, the cells typed instead, its own fields and the button. */
function ChartForm(props: {
  id: string;
  heading: string;
  hint: string;
  source: { label: string; hint: string; value: string; onChange: (value: string) => void };
  submit: string;
  running: boolean;
  runningLabel: string;
  busy: boolean;
  onSubmit: (event: React.FormEvent) => void;
  children: React.ReactNode;
}): React.JSX.Element {
  const styles = useStyles();
  const shared = usePaneStyles();
  const headingId = `charts-${props.id}-h`;
  return (
    <form className={styles.form} onSubmit={props.onSubmit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {props.heading}
      </h3>
      <Text className={styles.hint}>{props.hint}</Text>
      <Field label={props.source.label} hint={props.source.hint}>
        <Input value={props.source.value} onChange={(_, d) => props.source.onChange(d.value)} />
      </Field>
      {props.children}
      <div className={shared.actions}>
        <Button appearance="primary" type="submit" disabled={props.busy}>
          {props.submit}
        </Button>
        {props.running ? <Spinner size="tiny" label={props.runningLabel} /> : null}
      </div>
    </form>
  );
}

/** A labelled choice of one option, every label at full contrast. */
function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: ReadonlyArray<readonly [T, string]>;
  onChange: (value: T) => void;
}): React.JSX.Element {
  return (
    <Field label={props.label}>
      <RadioGroup value={props.value} onChange={(_, data) => props.onChange(data.value as T)}>
        {props.options.map(([value, label]) => (
          <FullContrastRadio key={value} value={value} label={label} />
        ))}
      </RadioGroup>
    </Field>
  );
}

/** An optional figure typed as text, with what is wrong with it. */
function NumberField(props: {
  label: string;
  hint: string;
  problem: string | undefined;
  value: string;
  inputMode: "decimal" | "numeric";
  onChange: (value: string) => void;
}): React.JSX.Element {
  return (
    <Field label={props.label} validationMessage={props.problem} hint={props.hint}>
      <Input
        value={props.value}
        inputMode={props.inputMode}
        onChange={(_, d) => props.onChange(d.value)}
      />
    </Field>
  );
}

export function ChartsTab(): React.JSX.Element {
  const styles = useStyles();
  const shared = usePaneStyles();
  const [improvement, setImprovement] = React.useState<ImprovementDirection>("decrease");
  const [target, setTarget] = React.useState("");
  const [annual, setAnnual] = React.useState("");
  const [baseline, setBaseline] = React.useState("");
  const [statistic, setStatistic] = React.useState<FunnelStatistic>("rate");
  const [spcSource, setSpcSource] = React.useState("");
  const [funnelSource, setFunnelSource] = React.useState("");
  const { message, show: showMessage } = useResultMessage();
  const [last, setLast] = React.useState<InsertionRecord>();
  const spc = useWorkbookAction(workbookActions.insertSpcChart);
  const funnel = useWorkbookAction(workbookActions.insertFunnelChart);
  const undo = useWorkbookAction(workbookActions.removeInsertion);
  const busy = spc.running || funnel.running || undo.running;

  const numbers = {
    target: optionalNumber(target),
    annual: optionalNumber(annual),
    baseline: optionalNumber(baseline),
  };
  const problems = {
    target: Number.isNaN(numbers.target) ? "Enter a number, or leave it empty." : undefined,
    annual:
      Number.isNaN(numbers.annual) || (numbers.annual ?? 0) < 0
        ? "Enter a whole year's target, or leave it empty."
        : undefined,
    baseline:
      numbers.baseline !== undefined &&
      (!Number.isInteger(numbers.baseline) || numbers.baseline < 2)
        ? "Enter a whole number of points, 2 or more, or leave it empty for all of them."
        : undefined,
  };

  const show = (title: string, outcome: Awaited<ReturnType<typeof spc.run>>) => {
    if (!outcome) return;
    if (!outcome.ok) {
      showMessage({
        intent: "error",
        title: `The ${title} was not added`,
        body: outcome.message,
      });
      return;
    }
    const result: ChartInsertResult = outcome.value;
    setLast(result.record);
    showMessage({
      intent: "success",
      title: `${title[0].toUpperCase()}${title.slice(1)} added`,
      body: (
        <>
          {result.message}
          {result.findings.length > 0 ? (
            <ul className={shared.list} aria-label="What the chart shows">
              {result.findings.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </>
      ),
    });
  };

  const onSpc = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy || problems.target || problems.annual || problems.baseline) return;
    show(
      "SPC chart",
      await spc.run(
        {
          improvement,
          target: numbers.target,
          annualTarget: numbers.annual,
          baselinePoints: numbers.baseline,
        },
        spcSource
      )
    );
  };

  const onFunnel = async (event: React.FormEvent) => {
    event.preventDefault();
    if (busy) return;
    show("funnel plot", await funnel.run({ statistic }, funnelSource));
  };

  const onUndo = async () => {
    if (!last) return;
    const outcome = await undo.run(last);
    if (!outcome) return;
    if (!outcome.ok) {
      showMessage({
        intent: "error",
        title: "The chart was not removed",
        body: outcome.message,
      });
      return;
    }
    // Whatever was kept is the user's now: the button goes either way.
    const report = outcome.value;
    const [intent, title]: [PaneMessage["intent"], string] = report.kept.length
      ? ["warning", report.removed.length ? "Part of the chart was kept" : "The chart was kept"]
      : report.removed.length
        ? ["success", "Chart removed"]
        : ["info", "The chart had already gone"];
    showMessage({ intent, title, body: report.message });
    setLast(undefined);
  };

  return (
    <div className={styles.root}>
      <ChartForm
        id="spc"
        heading="SPC chart"
        hint="Select a column of monthly figures in time order (with its heading, and the months beside it if you have them). The chart shows the mean and process limits, and colours special causes: blue for improvement, orange for concern."
        source={{
          label: "Cells to chart (optional)",
          hint: "Leave empty to chart the selection, or type e.g. 'Falls by month'!A1:B25.",
          value: spcSource,
          onChange: setSpcSource,
        }}
        submit="Insert SPC chart"
        running={spc.running}
        runningLabel="Adding the SPC chart…"
        busy={busy}
        onSubmit={onSpc}
      >
        <Choice
          label="Which way is better?"
          value={improvement}
          onChange={setImprovement}
          options={[
            ["decrease", "Lower (e.g. falls admissions)"],
            ["increase", "Higher (e.g. still at home after 91 days)"],
            ["neutral", "Neither"],
          ]}
        />
        <NumberField
          label="Target each month (optional)"
          hint="Drawn as a line; the assurance says whether it will be met."
          problem={problems.target}
          value={target}
          inputMode="decimal"
          onChange={setTarget}
        />
        <NumberField
          label="Annual target (optional)"
          hint="Phased into the last 12 months with =BCF.SPLIT, in whole numbers."
          problem={problems.annual}
          value={annual}
          inputMode="decimal"
          onChange={setAnnual}
        />
        <NumberField
          label="Limits from the first … points (optional)"
          hint="Leave empty to use every point."
          problem={problems.baseline}
          value={baseline}
          inputMode="numeric"
          onChange={setBaseline}
        />
      </ChartForm>

      <ChartForm
        id="funnel"
        heading="Funnel plot"
        hint="Select the areas to compare, three columns: name, numerator (e.g. admissions) and denominator (e.g. population). Limits are drawn at 95% and 99.8%."
        source={{
          label: "Areas to plot (optional)",
          hint: "Leave empty to plot the selection, or type e.g. 'Area comparison'!A1:C7.",
          value: funnelSource,
          onChange: setFunnelSource,
        }}
        submit="Insert funnel plot"
        running={funnel.running}
        runningLabel="Adding the funnel plot…"
        busy={busy}
        onSubmit={onFunnel}
      >
        <Choice
          label="The figures are"
          value={statistic}
          onChange={setStatistic}
          options={[
            ["rate", "A rate per 100,000"],
            ["proportion", "A percentage"],
          ]}
        />
      </ChartForm>

      <div className={shared.actions}>
        {last ? (
          <Button type="button" disabled={busy} onClick={onUndo}>
            Remove the last chart
          </Button>
        ) : null}
        {undo.running ? <Spinner size="tiny" label="Removing the chart…" /> : null}
      </div>
      {message ? (
        <ResultMessage key={message.key} intent={message.intent} title={message.title}>
          {message.body}
        </ResultMessage>
      ) : null}
    </div>
  );
}
