/**
 * The preview page: a banner saying what this is, the sample workbook drawn as a grid, and the very same
 * task pane the add-in shows in Excel at the side, working on the in-memory workbook.
 */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { App } from "../taskpane/components/App";
import type { MemoryWorkbook } from "../memory-excel";
import { WorkbookGrid } from "./WorkbookGrid";

export const PREVIEW_BANNER =
  "Preview: a sample plan in your browser; nothing is saved or sent anywhere";

const PANE_WIDTH = "380px";
/** Below this the grid goes above the pane, each the full width, and the page scrolls (phones, split screens). */
const NARROW = "@media (max-width: 800px)";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    height: "100vh",
    overflow: "hidden",
    [NARROW]: { height: "auto", minHeight: "100vh", overflow: "visible" },
  },
  banner: {
    flexShrink: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorPaletteYellowBorder2}`,
    fontSize: tokens.fontSizeBase300,
  },
  body: {
    display: "flex",
    flexGrow: 1,
    minHeight: 0,
    [NARROW]: { flexDirection: "column" },
  },
  sheet: {
    flexGrow: 1,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    [NARROW]: { flexGrow: 0, height: "60vh", minHeight: "280px" },
  },
  sheetHeading: {
    margin: 0,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: "#107c41",
    color: "#ffffff",
  },
  pane: {
    flexShrink: 0,
    width: PANE_WIDTH,
    overflowY: "auto",
    borderLeft: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    [NARROW]: {
      width: "auto",
      overflowY: "visible",
      borderLeft: "none",
      borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    },
  },
});

export interface PreviewLayoutProps {
  workbook: MemoryWorkbook;
}

export function PreviewLayout({ workbook }: PreviewLayoutProps): React.JSX.Element {
  const styles = useStyles();
  const headingId = React.useId();
  return (
    <div className={styles.root}>
      <aside aria-label="About this preview">
        <div className={styles.banner} role="note" data-testid="preview-banner">
          <strong>{PREVIEW_BANNER}.</strong> The workbook stands in for Excel: select a cell and
          type to change it. The pane beside it (below, on a narrow screen) is the add-in&apos;s
          own.
        </div>
      </aside>
      <div className={styles.body}>
        <section className={styles.sheet} aria-labelledby={headingId}>
          <h2 id={headingId} className={styles.sheetHeading}>
            Sample plan (in-memory workbook)
          </h2>
          <WorkbookGrid workbook={workbook} />
        </section>
        <div className={styles.pane} data-testid="task-pane">
          <App />
        </div>
      </div>
    </div>
  );
}
