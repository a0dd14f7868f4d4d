/** Everything a template carries, as the source plan states it: what it is, who runs it, what it costs. */
import * as React from "react";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ActivityTarget, SchemeTemplate } from "../../core/templates/types";
import { sourceLabel } from "../../core/templates/search";
import { formatGbp, formatNumber, templateTotal } from "../state/format";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
  },
  heading: { margin: 0 },
  subheading: { margin: 0, marginTop: tokens.spacingVerticalS },
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0 },
  table: { borderCollapse: "collapse", width: "100%", fontSize: tokens.fontSizeBase200 },
  cell: {
    textAlign: "left",
    verticalAlign: "top",
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
    paddingRight: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  lineName: { fontWeight: tokens.fontWeightRegular, overflowWrap: "anywhere" },
  fundingSource: { color: tokens.colorNeutralForeground2 },
});

function Facts({ rows }: { rows: Array<[string, React.ReactNode | undefined]> }) {
  const styles = useStyles();
  return (
    <dl className={styles.facts}>
      {rows
        .filter(([, value]) => value !== undefined && value !== "")
        .map(([term, value]) => (
          <React.Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </React.Fragment>
        ))}
    </dl>
  );
}

function Bullets({ title, items }: { title: string; items: string[] }) {
  const styles = useStyles();
  const shared = usePaneStyles();
  if (items.length === 0) return null;
  return (
    <section aria-label={title}>
      <h4 className={styles.subheading}>{title}</h4>
      <ul className={shared.list}>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

function figure(value: number | undefined): string {
  return value === undefined ? "–" : formatNumber(value);
}

function TargetsTable({ targets }: { targets: ActivityTarget[] }) {
  const styles = useStyles();
  if (targets.length === 0) return null;
  // Weekly columns only where some target is stated per week (seed 001: "21 discharges a week").
  const weekly = targets.some(
    (t) => t.baselinePerWeek !== undefined || t.targetPerWeek !== undefined
  );
  type Column = [string, (t: ActivityTarget) => number | undefined];
  const columns: Column[] = [
    ...(weekly ? [["Baseline a week", (t: ActivityTarget) => t.baselinePerWeek] as Column] : []),
    ["Baseline a month", (t) => t.baselinePerMonth],
    ["Baseline a year", (t) => t.baselinePerYear],
    ...(weekly ? [["Target a week", (t: ActivityTarget) => t.targetPerWeek] as Column] : []),
    ["Target a month", (t) => t.targetPerMonth],
    ["Target a year", (t) => t.targetPerYear],
  ];
  return (
    <section aria-label="Activity targets">
      <h4 className={styles.subheading}>Activity targets</h4>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.cell} scope="col">
              Measure
            </th>
            {columns.map(([heading]) => (
              <th key={heading} className={`${styles.cell} ${styles.number}`} scope="col">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {targets.map((target, i) => (
            <tr key={i}>
              <th className={styles.cell} scope="row">
                {target.measure}
                {target.note ? (
                  <Text block size={200}>
                    {target.note}
                  </Text>
                ) : null}
                {target.statedFigures && target.statedFigures.length > 0 ? (
                  <Text block size={200}>
                    As the plan words it:{" "}
                    {target.statedFigures.map((f) => `“${f.wording}”`).join("; ")}
                  </Text>
                ) : null}
              </th>
              {columns.map(([heading, pick]) => (
                <td key={heading} className={`${styles.cell} ${styles.number}`}>
                  {figure(pick(target))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CostsTable({ template }: { template: SchemeTemplate }) {
  const styles = useStyles();
  if (template.costs.length === 0) {
    return <Text>The plan states no costs for this scheme.</Text>;
  }
  const money = (value: number | undefined) => (value === undefined ? "–" : formatGbp(value));
  return (
    <section aria-label="Cost lines">
      <h4 className={styles.subheading}>Cost lines</h4>
      <table className={styles.table}>
        <thead>
          <tr>
            <th className={styles.cell} scope="col">
              Line and source of funding
            </th>
            <th className={`${styles.cell} ${styles.number}`} scope="col">
              NHS (£)
            </th>
            <th className={`${styles.cell} ${styles.number}`} scope="col">
              Council (£)
            </th>
            <th className={`${styles.cell} ${styles.number}`} scope="col">
              Total (£)
            </th>
          </tr>
        </thead>
        <tbody>
          {template.costs.map((line, i) => (
            <tr key={i}>
              <th className={`${styles.cell} ${styles.lineName}`} scope="row">
                {line.description}
                {line.year ? ` (${line.year})` : ""}{" "}
                <Text block size={200} className={styles.fundingSource}>
                  {line.fundingSource}
                </Text>
              </th>
              <td className={`${styles.cell} ${styles.number}`}>{money(line.nhs)}</td>
              <td className={`${styles.cell} ${styles.number}`}>{money(line.council)}</td>
              <td className={`${styles.cell} ${styles.number}`}>{money(line.total)}</td>
            </tr>
          ))}
        </tbody>
        {template.costs.length > 1 ? (
          <tfoot>
            <tr>
              <th className={styles.cell} scope="row" colSpan={3}>
                Total
              </th>
              <td className={`${styles.cell} ${styles.number}`}>
                {formatGbp(templateTotal(template))}
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </section>
  );
}

export function TemplateDetail({
  template,
}: {
  template: SchemeTemplate | undefined;
}): React.JSX.Element {
  const styles = useStyles();
  if (!template) {
    return (
      <section aria-label="Template details" className={styles.root}>
        <Text>Choose a template in the list to see its details.</Text>
      </section>
    );
  }
  const commissioner =
    template.commissioner === "Joint" && template.percentNhs !== undefined
      ? `Joint (${formatNumber(template.percentNhs)}% NHS, ${formatNumber(100 - template.percentNhs)}% council)`
      : template.commissioner;
  const provider =
    template.providerName && template.provider && template.providerName !== template.provider
      ? `${template.providerName} (${template.provider})`
      : (template.providerName ?? template.provider);
  return (
    <section aria-label="Template details" className={styles.root}>
      <h3 className={styles.heading}>{template.name}</h3>
      <Text>{template.description}</Text>
      <Facts
        rows={[
          ["Source", sourceLabel(template)],
          ["Scheme type", template.schemeType],
          ["Sub-type", template.subType],
          ["Area of spend", template.areaOfSpend],
          ["Commissioner", commissioner],
          ["Provider", provider],
          ["Total cost", formatGbp(templateTotal(template))],
        ]}
      />
      <CostsTable template={template} />
      <Bullets title="Outcomes" items={template.outcomes} />
      <Bullets title="BCF metrics" items={template.metrics} />
      <Bullets title="Risks" items={template.risks} />
      <TargetsTable targets={template.targets} />
    </section>
  );
}
