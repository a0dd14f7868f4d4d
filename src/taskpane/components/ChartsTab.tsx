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
  Radio,
  RadioGroup,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import type { ImprovementDirection } from "../../core/statistics/spc";
import type { FunnelStatistic } from "../../core/statistics/funnel";
import { useWorkbookAction } from "../state/useWorkbookAction";
import {
  type ChartInsertRecord,
  type ChartInsertResult,
  workbookActions,
} from "../state/workbookActions";
import { ResultMessage } from "./ResultMessage";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXL },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  hint: { color: tokens.colorNeutralForeground2 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

interface Message {
  intent: "success" | "error";
  title: string;
  body: React.ReactNode;
  id: number;
}

/** "1,200" or " 60 " → number; "" → undefined; anything else → NaN (a problem to show). */
export function optionalNumber(text: string): number | undefined {
  const t = text.replace(/[,\s£]/g, "");
  if (t === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

export function ChartsTab(): React.JSX.Element {
  const styles = useStyles();
  const [improvement, setImprovement] = React.useState<ImprovementDirection>("decrease");
  const [target, setTarget] = React.useState("");
  const [annual, setAnnual] = React.useState("");
  const [baseline, setBaseline] = React.useState("");
  const [statistic, setStatistic] = React.useState<FunnelStatistic>("rate");
  const [spcSource, setSpcSource] = React.useState("");
  const [funnelSource, setFunnelSource] = React.useState("");
  const [message, setMessage] = React.useState<Message>();
  const [last, setLast] = React.useState<ChartInsertRecord>();
  const spc = useWorkbookAction(workbookActions.insertSpcChart);
  const funnel = useWorkbookAction(workbookActions.insertFunnelChart);
  const undo = useWorkbookAction(workbookActions.removeChartInsert);
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
    const id = Date.now() + Math.random();
    if (!outcome.ok) {
      setMessage({
        intent: "error",
        title: `The ${title} was not added`,
        body: outcome.message,
        id,
      });
      return;
    }
    const result: ChartInsertResult = outcome.value;
    setLast(result.record);
    setMessage({
      intent: "success",
      title: `${title[0].toUpperCase()}${title.slice(1)} added`,
      body: (
        <>
          {result.message}
          {result.findings.length > 0 ? (
            <ul className={styles.list} aria-label="What the chart shows">
              {result.findings.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : null}
        </>
      ),
      id,
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
    const id = Date.now() + Math.random();
    if (!outcome.ok) {
      setMessage({
        intent: "error",
        title: "The chart was not removed",
        body: outcome.message,
        id,
      });
      return;
    }
    setMessage({
      intent: "success",
      title: "Chart removed",
      body: last.sheetAdded
        ? `The sheet "${last.sheet}" has been taken out again.`
        : `The chart and the cells ${last.address} on "${last.sheet}" have been taken out again.`,
      id,
    });
    setLast(undefined);
  };

  return (
    <div className={styles.root}>
      <form className={styles.form} onSubmit={onSpc} noValidate aria-labelledby="charts-spc-h">
        <h3 id="charts-spc-h" className={styles.heading}>
          SPC chart
        </h3>
        <Text className={styles.hint}>
          Select a column of monthly figures in time order (with its heading, and the months beside
          it if you have them). The chart shows the mean and process limits, and colours special
          causes: blue for improvement, orange for concern.
        </Text>
        <Field
          label="Cells to chart (optional)"
          hint="Leave empty to chart the selection, or type e.g. 'Falls by month'!A1:B25."
        >
          <Input value={spcSource} onChange={(_, d) => setSpcSource(d.value)} />
        </Field>
        <Field label="Which way is better?">
          <RadioGroup
            value={improvement}
            onChange={(_, data) => setImprovement(data.value as ImprovementDirection)}
          >
            <Radio value="decrease" label="Lower (e.g. falls admissions)" />
            <Radio value="increase" label="Higher (e.g. still at home after 91 days)" />
            <Radio value="neutral" label="Neither" />
          </RadioGroup>
        </Field>
        <Field
          label="Target each month (optional)"
          validationMessage={problems.target}
          hint="Drawn as a line; the assurance says whether it will be met."
        >
          <Input value={target} inputMode="decimal" onChange={(_, d) => setTarget(d.value)} />
        </Field>
        <Field
          label="Annual target (optional)"
          validationMessage={problems.annual}
          hint="Phased into the last 12 months with =BCF.SPLIT, in whole numbers."
        >
          <Input value={annual} inputMode="decimal" onChange={(_, d) => setAnnual(d.value)} />
        </Field>
        <Field
          label="Limits from the first … points (optional)"
          validationMessage={problems.baseline}
          hint="Leave empty to use every point."
        >
          <Input value={baseline} inputMode="numeric" onChange={(_, d) => setBaseline(d.value)} />
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={busy}>
            Insert SPC chart
          </Button>
          {spc.running ? <Spinner size="tiny" label="Adding the SPC chart…" /> : null}
        </div>
      </form>

      <form
        className={styles.form}
        onSubmit={onFunnel}
        noValidate
        aria-labelledby="charts-funnel-h"
      >
        <h3 id="charts-funnel-h" className={styles.heading}>
          Funnel plot
        </h3>
        <Text className={styles.hint}>
          Select the areas to compare, three columns: name, numerator (e.g. admissions) and
          denominator (e.g. population). Limits are drawn at 95% and 99.8%.
        </Text>
        <Field
          label="Areas to plot (optional)"
          hint="Leave empty to plot the selection, or type e.g. 'Area comparison'!A1:C7."
        >
          <Input value={funnelSource} onChange={(_, d) => setFunnelSource(d.value)} />
        </Field>
        <Field label="The figures are">
          <RadioGroup
            value={statistic}
            onChange={(_, data) => setStatistic(data.value as FunnelStatistic)}
          >
            <Radio value="rate" label="A rate per 100,000" />
            <Radio value="proportion" label="A percentage" />
          </RadioGroup>
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={busy}>
            Insert funnel plot
          </Button>
          {funnel.running ? <Spinner size="tiny" label="Adding the funnel plot…" /> : null}
        </div>
      </form>

      <div className={styles.actions}>
        {last ? (
          <Button type="button" disabled={busy} onClick={onUndo}>
            Remove the last chart
          </Button>
        ) : null}
        {undo.running ? <Spinner size="tiny" label="Removing the chart…" /> : null}
      </div>
      {message ? (
        <ResultMessage key={message.id} intent={message.intent} title={message.title}>
          {message.body}
        </ResultMessage>
      ) : null}
    </div>
  );
}
