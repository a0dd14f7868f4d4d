/** The template browser: search and filter the catalogue, read a scheme, insert it, undo the insert. */
import * as React from "react";
import {
  Button,
  Field,
  makeStyles,
  SearchBox,
  Select,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { PLAN_SHEETS, schemesAlreadyIn, type SchemeInPlan } from "../../core/plan";
import { searchTemplates, templateFacets } from "../../core/templates/search";
import type { SchemeTemplate } from "../../core/templates/types";
import { listInWords, plural } from "../state/format";
import { useUndoInsertion } from "../state/useUndoInsertion";
import { useResultMessage } from "../state/useResultMessage";
import { useWorkbookAction } from "../state/useWorkbookAction";
import { alreadyInExpenditure } from "../../core/plan/insertion";
import { workbookActions, type InsertionRecord } from "../state/workbookActions";
import { DuplicateQuestion, type Duplicate } from "./DuplicateQuestion";
import { PackLoader } from "./PackLoader";
import { ResultMessage } from "./ResultMessage";
import { TemplateDetail } from "./TemplateDetail";
import { TemplateList } from "./TemplateList";
import { UndoConfirmation } from "./UndoConfirmation";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Stacked: a task pane is about 320 px wide and the option texts are long.
  filters: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  select: { width: "100%", minWidth: 0 },
  count: { color: tokens.colorNeutralForeground2 },
});

export interface TemplatesTabProps {
  templates: SchemeTemplate[];
  onTemplatesChange: (templates: SchemeTemplate[]) => void;
}

export function TemplatesTab({
  templates,
  onTemplatesChange,
}: TemplatesTabProps): React.JSX.Element {
  const styles = useStyles();
  const shared = usePaneStyles();
  const hintId = React.useId();
  const [text, setText] = React.useState("");
  const [schemeType, setSchemeType] = React.useState("");
  const [metric, setMetric] = React.useState("");
  const [source, setSource] = React.useState("");
  const [activeId, setActiveId] = React.useState<string>();
  const [checked, setChecked] = React.useState<ReadonlySet<string>>(new Set());
  // Every insert can be taken back, most recent first.
  const [undoStack, setUndoStack] = React.useState<
    Array<{ record: InsertionRecord; label: string }>
  >([]);
  const { message, show, clear: clearMessage } = useResultMessage();

  const insert = useWorkbookAction(workbookActions.insertTemplates);
  // The schemes already in the workbook's expenditure table, so the list can mark them and an insert can ask.
  const [inPlan, setInPlan] = React.useState<SchemeInPlan[]>([]);
  const [question, setQuestion] = React.useState<{
    chosen: SchemeTemplate[];
    duplicates: Duplicate[];
  }>();
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  // Read directly, not through useWorkbookAction: a read already under way must not make an insert skip its own.
  const refreshInPlan = React.useCallback(async (): Promise<SchemeInPlan[] | undefined> => {
    try {
      const schemes = await workbookActions.readSchemesInPlan();
      if (mounted.current) setInPlan(schemes);
      return schemes;
    } catch {
      // Unreadable (no workbook yet, or Excel busy): the marks stay as they were.
      return undefined;
    }
  }, []);
  React.useEffect(() => {
    void refreshInPlan();
    // Back in the pane after working in the workbook: the table may have changed.
    const onFocus = () => void refreshInPlan();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [refreshInPlan]);
  const inWorkbook = React.useMemo(
    () => new Map(schemesAlreadyIn(templates, inPlan).map((d) => [d.template.id, d.id])),
    [templates, inPlan]
  );
  const undo = useUndoInsertion((outcome) => {
    if (outcome.status === "cancelled") {
      show({
        intent: "info",
        title: "Nothing was undone",
        body: "The insert is still in the workbook.",
      });
      return;
    }
    if (outcome.status === "failed") {
      show({ intent: "error", title: "The insert could not be undone", body: outcome.message });
      return;
    }
    // Done: whatever was kept is the user's now, so this insert leaves the undo list either way.
    const { report } = outcome;
    setUndoStack((stack) => stack.slice(1));
    void refreshInPlan();
    show({
      intent: report.kept.length ? "warning" : "success",
      title: report.kept.length ? "Insert undone in part" : "Insert undone.",
      body: report.message,
    });
  });
  const busy = insert.running || undo.running || !!undo.pending;

  const facets = React.useMemo(() => templateFacets(templates), [templates]);
  const results = React.useMemo(
    () =>
      searchTemplates(templates, {
        text: text.trim() || undefined,
        schemeType: schemeType || undefined,
        metric: metric || undefined,
        source: source || undefined,
      }),
    [templates, text, schemeType, metric, source]
  );
  const active = templates.find((t) => t.id === activeId);
  // Ticked templates win; with none ticked, the template on show is the one inserted.
  const toInsert =
    checked.size > 0 ? templates.filter((t) => checked.has(t.id)) : active ? [active] : [];

  const toggle = (id: string) =>
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const onInsert = async () => {
    const chosen = toInsert;
    if (chosen.length === 0) return;
    const current = (await refreshInPlan()) ?? inPlan;
    const duplicates = schemesAlreadyIn(chosen, current).map((d) => ({
      name: d.template.name,
      templateId: d.template.id,
      schemeId: d.id,
    }));
    if (duplicates.length > 0) {
      setQuestion({ chosen, duplicates });
      return;
    }
    await insertChosen(chosen);
  };

  const onAnswer = async (answer: "add-again" | "skip") => {
    if (!question) return;
    const { chosen, duplicates } = question;
    setQuestion(undefined);
    const skipped = new Set(duplicates.map((d) => d.templateId));
    const toAdd = answer === "add-again" ? chosen : chosen.filter((t) => !skipped.has(t.id));
    if (toAdd.length === 0) {
      setChecked(new Set());
      show({
        intent: "info",
        title: "Nothing inserted",
        body: alreadyInExpenditure(duplicates.map((d) => `“${d.name}”`)),
      });
      return;
    }
    await insertChosen(toAdd);
  };

  const insertChosen = async (chosen: SchemeTemplate[]) => {
    const outcome = await insert.run(chosen);
    if (!outcome) return;
    if (!outcome.ok) {
      show({ intent: "error", title: "Nothing was inserted", body: outcome.message });
      return;
    }
    const result = outcome.value;
    const label = chosen.length === 1 ? `“${chosen[0].name}”` : plural(chosen.length, "template");
    setUndoStack((stack) => [{ record: result.record, label }, ...stack]);
    // Done with this choice: the next insert starts from a clean list.
    setChecked(new Set());
    void refreshInPlan();
    // The drop-down lists live on a hidden sheet: never offered as a place to look.
    const newSheets = result.sheetsAdded.filter((n) => n !== PLAN_SHEETS.lists);
    const hasDetails = newSheets.length > 0 || (result.notes?.length ?? 0) > 0;
    show({
      intent: "success",
      title: "Inserted into the workbook.",
      body: `${result.message} The new rows are selected.`,
      details: hasDetails ? (
        <>
          {newSheets.length > 0 ? <p>{`New sheets: ${listInWords(newSheets)}.`}</p> : null}
          {result.notes && result.notes.length > 0 ? (
            <ul className={shared.list} aria-label="Notes on the figures">
              {result.notes.map((note, i) => (
                <li key={i}>{note}</li>
              ))}
            </ul>
          ) : null}
        </>
      ) : undefined,
    });
  };

  const onUndo = async () => {
    const last = undoStack[0];
    if (!last) return;
    clearMessage();
    await undo.start(last.record);
  };

  const insertHint =
    checked.size > 0
      ? `Inserts the ${plural(checked.size, "ticked template")}.`
      : active
        ? `Inserts “${active.name}”. Tick templates (Space in the list) to insert several at once.`
        : "Choose a template in the list first.";

  const facetSelect = (
    label: string,
    all: string,
    value: string,
    onChange: (v: string) => void,
    options: string[]
  ) => (
    <Field label={label}>
      <Select className={styles.select} value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <div className={styles.root}>
      <Field label="Search templates">
        <SearchBox
          value={text}
          placeholder="Scheme name, abbreviation (DFG) or outcome"
          onChange={(_, data) => setText(data.value)}
        />
      </Field>
      <div className={styles.filters}>
        {facetSelect(
          "Scheme type",
          "All scheme types",
          schemeType,
          setSchemeType,
          facets.schemeTypes
        )}
        {facetSelect("BCF metric", "All metrics", metric, setMetric, facets.metrics)}
        {facetSelect("Source", "All sources", source, setSource, facets.sources)}
      </div>
      <Text className={styles.count} aria-live="polite">
        {`Showing ${formatCount(results.length, templates.length)}`}
      </Text>
      <TemplateList
        templates={results}
        activeId={activeId}
        checkedIds={checked}
        onActivate={setActiveId}
        onToggle={toggle}
        inWorkbook={inWorkbook}
      />
      <div className={shared.actions}>
        <Button
          appearance="primary"
          disabled={busy || question !== undefined || toInsert.length === 0}
          onClick={onInsert}
          aria-describedby={hintId}
        >
          Insert into workbook
        </Button>
        <Button disabled={busy || undoStack.length === 0} onClick={onUndo}>
          Undo last insert
        </Button>
        {checked.size > 0 ? (
          <Button appearance="subtle" disabled={busy} onClick={() => setChecked(new Set())}>
            Clear ticks
          </Button>
        ) : null}
        {insert.running ? <Spinner size="tiny" label="Inserting…" /> : null}
        {undo.running ? <Spinner size="tiny" label="Removing the last insert…" /> : null}
      </div>
      {undo.pending ? (
        <UndoConfirmation plan={undo.pending} onConfirm={undo.confirm} onCancel={undo.cancel} />
      ) : null}
      <Text id={hintId} size={200} className={styles.count}>
        {insertHint}
      </Text>
      {question ? (
        <DuplicateQuestion
          duplicates={question.duplicates}
          othersCount={question.chosen.length - question.duplicates.length}
          onAnswer={onAnswer}
          onCancel={() => setQuestion(undefined)}
        />
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
      <TemplateDetail template={active} />
      <PackLoader templates={templates} onTemplatesChange={onTemplatesChange} disabled={busy} />
    </div>
  );
}

function formatCount(shown: number, total: number): string {
  return shown === total ? plural(total, "template") : `${shown} of ${plural(total, "template")}`;
}
