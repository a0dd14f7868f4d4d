/** Findings grouped by severity then sheet; each is a button that takes the user to its cell. */
import * as React from "react";
import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/checks/finding";
import type { WorkbookSnapshot } from "../../core/workbook";
import {
  type SheetGroup,
  cellReference,
  expectedActualText,
  groupFindings,
  numberFormatAt,
  SEVERITY_HEADING,
} from "../state/findings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  sheetHeading: {
    margin: 0,
    marginTop: tokens.spacingVerticalXS,
    fontSize: tokens.fontSizeBase300,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
  },
  // A row that reads as a link to its cell: the address in link colour, an arrow at the end.
  finding: {
    width: "100%",
    minWidth: 0,
    maxWidth: "none",
    height: "auto",
    justifyContent: "space-between",
    textAlign: "left",
    whiteSpace: "normal",
    overflowWrap: "anywhere",
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  text: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    minWidth: 0,
  },
  address: {
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: "underline",
  },
  // Drawn by CSS, so the row's accessible name and text stay the finding alone.
  arrow: {
    flexShrink: 0,
    color: tokens.colorBrandForegroundLink,
    fontSize: tokens.fontSizeBase400,
    "::after": { content: '"›"' },
  },
  figures: { color: tokens.colorNeutralForeground2 },
  error: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteRedBorder2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  warning: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorPaletteDarkOrangeBorder2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  info: {
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
});

/** Beyond this many findings of one severity the rest wait behind "Show all", so a big workbook stays quick. */
export const FINDINGS_SHOWN_AT_FIRST = 50;

export interface FindingsListProps {
  findings: Finding[];
  snapshot?: WorkbookSnapshot;
  onSelect: (finding: Finding) => void;
  disabled?: boolean;
}

export function FindingsList({
  findings,
  snapshot,
  onSelect,
  disabled,
}: FindingsListProps): React.JSX.Element | null {
  const styles = useStyles();
  const groups = React.useMemo(() => groupFindings(findings), [findings]);
  const [expanded, setExpanded] = React.useState<ReadonlySet<string>>(new Set());
  React.useEffect(() => setExpanded(new Set()), [findings]);
  if (groups.length === 0) return null;
  return (
    <div className={styles.root}>
      {groups.map((group) => (
        <section
          key={group.severity}
          aria-label={`${SEVERITY_HEADING[group.severity]} (${group.count})`}
          className={styles[group.severity]}
        >
          <h3 className={styles.heading}>
            {SEVERITY_HEADING[group.severity]} ({group.count})
          </h3>
          {limitSheets(
            group.sheets,
            expanded.has(group.severity) ? Infinity : FINDINGS_SHOWN_AT_FIRST
          ).map((sheetGroup) => (
            <div key={sheetGroup.sheet}>
              <h4 className={styles.sheetHeading}>{sheetGroup.sheet}</h4>
              <ul className={styles.list}>
                {sheetGroup.findings.map((finding, i) => {
                  const figures = expectedActualText(
                    finding,
                    numberFormatAt(snapshot, finding.sheet, finding.cell)
                  );
                  return (
                    <li key={`${finding.rule}-${finding.cell}-${i}`}>
                      <Button
                        appearance="subtle"
                        className={styles.finding}
                        disabled={disabled}
                        onClick={() => onSelect(finding)}
                        title="Go to this cell in the workbook"
                      >
                        <span className={styles.text}>
                          <span className={styles.address}>
                            {cellReference(finding.sheet, finding.cell)}
                          </span>{" "}
                          <Text>{finding.message}</Text>
                          {figures ? " " : null}
                          {figures ? (
                            <Text size={200} className={styles.figures}>
                              {figures}
                            </Text>
                          ) : null}
                        </span>
                        <span aria-hidden="true" className={styles.arrow} />
                      </Button>
                    </li>
                  );
                })}
              </ul>
            </div>
          ))}
          {!expanded.has(group.severity) && group.count > FINDINGS_SHOWN_AT_FIRST ? (
            <Button
              appearance="transparent"
              onClick={() => setExpanded((current) => new Set(current).add(group.severity))}
            >
              {`Show all ${group.count} ${group.severity === "info" ? "information findings" : SEVERITY_HEADING[group.severity].toLowerCase()}`}
            </Button>
          ) : null}
        </section>
      ))}
    </div>
  );
}

/** The first `limit` findings of a severity, keeping their sheet grouping. */
function limitSheets(sheets: SheetGroup[], limit: number): SheetGroup[] {
  const shown: SheetGroup[] = [];
  let left = limit;
  for (const sheet of sheets) {
    if (left <= 0) break;
    const findings = sheet.findings.slice(0, left);
    shown.push({ sheet: sheet.sheet, findings });
    left -= findings.length;
  }
  return shown;
}
