/** The task pane: a header and four tabs (Templates, New plan, Check, Charts). */
import * as React from "react";
import {
  Link,
  makeStyles,
  Tab,
  TabList,
  Text,
  tokens,
  type SelectTabData,
} from "@fluentui/react-components";
import { CATALOGUE } from "../../core/templates/catalogue";
import type { SchemeTemplate } from "../../core/templates/types";
import { TemplatesTab } from "./TemplatesTab";

// The New plan, Check and Charts tabs (and the code behind them) load the first time the user opens
// them, so the pane is ready sooner; Templates, the first tab, comes with the page.
const NewPlanTab = React.lazy(() =>
  import(/* webpackChunkName: "tab-new-plan" */ "./NewPlanTab").then((m) => ({
    default: m.NewPlanTab,
  }))
);
const CheckTab = React.lazy(() =>
  import(/* webpackChunkName: "tab-check" */ "./CheckTab").then((m) => ({ default: m.CheckTab }))
);
const ChartsTab = React.lazy(() =>
  import(/* webpackChunkName: "tab-charts" */ "./ChartsTab").then((m) => ({ default: m.ChartsTab }))
);

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    // Long formulas and sheet names wrap inside a 320 px pane instead of scrolling it sideways.
    overflowWrap: "anywhere",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    paddingTop: tokens.spacingVerticalM,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  subtitle: { color: tokens.colorNeutralForeground2 },
  help: { display: "block", fontSize: tokens.fontSizeBase200 },
  // Four tabs do not fit a 320 px pane in one row: the last wraps rather than pushing the pane sideways.
  tabs: { flexWrap: "wrap" },
  // A heading per panel for screen-reader navigation (h1 → h2 → h3); the selected tab already says it on screen.
  visuallyHidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
  },
  panel: {
    paddingTop: tokens.spacingVerticalM,
    paddingBottom: tokens.spacingVerticalXXL,
    paddingLeft: tokens.spacingHorizontalL,
    paddingRight: tokens.spacingHorizontalL,
  },
});

/** The functions' help page, beside the pane's page in the build. */
export const FUNCTIONS_HELP_URL = "help/functions.html";

export type TabName = "templates" | "new-plan" | "check" | "charts";

const TABS: Array<{ value: TabName; label: string; heading: string }> = [
  { value: "templates", label: "Templates", heading: "Scheme templates" },
  { value: "new-plan", label: "New plan", heading: "New plan workbook" },
  { value: "check", label: "Check", heading: "Check the workbook" },
  { value: "charts", label: "Charts", heading: "SPC charts and funnel plots" },
];

export interface AppProps {
  /** Templates on offer at start; the built-in catalogue unless a test or preview passes its own. */
  templates?: SchemeTemplate[];
  initialTab?: TabName;
}

export function App({
  templates: initialTemplates = CATALOGUE,
  initialTab = "templates",
}: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabName>(initialTab);
  // Tabs opened so far: a panel is first rendered when its tab is opened, then stays mounted.
  const [opened, setOpened] = React.useState<ReadonlySet<TabName>>(() => new Set([initialTab]));
  const open = (value: TabName) => {
    setTab(value);
    setOpened((current) => (current.has(value) ? current : new Set(current).add(value)));
  };
  const [templates, setTemplates] = React.useState<SchemeTemplate[]>(initialTemplates);
  const baseId = React.useId();
  const tabId = (value: TabName) => `${baseId}-tab-${value}`;
  const panelId = (value: TabName) => `${baseId}-panel-${value}`;

  const panels: Record<TabName, React.ReactNode> = {
    templates: <TemplatesTab templates={templates} onTemplatesChange={setTemplates} />,
    "new-plan": <NewPlanTab />,
    check: <CheckTab />,
    charts: <ChartsTab />,
  };

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <h1 className={styles.title}>BCF Toolkit for Excel</h1>
        <Text size={200} className={styles.subtitle}>
          Better Care Fund scheme templates and pre-submission checks
        </Text>
        {/* The =BCF.* functions' reference, shipped with the add-in (no network needed). */}
        <Link className={styles.help} href={FUNCTIONS_HELP_URL} target="_blank" rel="noopener">
          Help on the =BCF functions
        </Link>
        <TabList
          className={styles.tabs}
          selectedValue={tab}
          onTabSelect={(_, data: SelectTabData) => open(data.value as TabName)}
          aria-label="BCF Toolkit sections"
        >
          {TABS.map(({ value, label }) => (
            <Tab key={value} value={value} id={tabId(value)} aria-controls={panelId(value)}>
              {label}
            </Tab>
          ))}
        </TabList>
      </header>
      <main>
        {/* Panels stay mounted while hidden so results, ticks and the undo history survive a change of tab. */}
        {TABS.map(({ value, heading }) => (
          <div
            key={value}
            id={panelId(value)}
            role="tabpanel"
            aria-labelledby={tabId(value)}
            hidden={tab !== value}
            className={styles.panel}
          >
            <h2 className={styles.visuallyHidden}>{heading}</h2>
            {opened.has(value) ? (
              <React.Suspense fallback={<Text role="status">Loading…</Text>}>
                {panels[value]}
              </React.Suspense>
            ) : null}
          </div>
        ))}
      </main>
    </div>
  );
}

export default App;
