/** "Load template pack…": an organisation's own JSON templates, validated before anything changes. */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { TemplatePackResult } from "../../core/templates/pack";
import type { SchemeTemplate } from "../../core/templates/types";
import { mergePack, readFileText } from "../state/templatePacks";
import { plural } from "../state/format";
import { ResultMessage } from "./ResultMessage";
import { usePaneStyles } from "./paneStyles";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

// The pack parser is only needed once a file is chosen, so it stays out of the pane's startup script.
const packParser = () =>
  import(/* webpackChunkName: "template-pack" */ "../../core/templates/pack");

type Outcome =
  | { kind: "loaded"; name: string; fileName: string; added: number; replaced: number }
  | { kind: "rejected"; fileName: string; problems: string[] };

export interface PackLoaderProps {
  templates: SchemeTemplate[];
  onTemplatesChange: (templates: SchemeTemplate[]) => void;
  disabled?: boolean;
}

export function PackLoader({
  templates,
  onTemplatesChange,
  disabled,
}: PackLoaderProps): React.JSX.Element {
  const styles = useStyles();
  const shared = usePaneStyles();
  const inputRef = React.useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = React.useState<Outcome>();
  const [reading, setReading] = React.useState(false);
  const [shown, setShown] = React.useState(0);

  const onFile = async (event: React.ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setReading(true);
    try {
      let text: string;
      try {
        text = await readFileText(file);
      } catch {
        setOutcome({
          kind: "rejected",
          fileName: file.name,
          problems: ["The file could not be read."],
        });
        return;
      }
      let parsed: TemplatePackResult;
      try {
        const { parseTemplatePack } = await packParser();
        parsed = parseTemplatePack(text);
      } catch (e) {
        // Whatever the file, the person sees one line saying so, never a silent pane.
        parsed = {
          ok: false,
          problems: [`The file could not be read as a template pack (${(e as Error).message}).`],
        };
      }
      if (!parsed.ok) {
        // A bad pack changes nothing: the templates on offer stay as they were.
        setOutcome({ kind: "rejected", fileName: file.name, problems: parsed.problems });
        return;
      }
      const merged = mergePack(templates, parsed.pack);
      onTemplatesChange(merged.templates);
      setOutcome({
        kind: "loaded",
        name: parsed.pack.name,
        fileName: file.name,
        added: merged.added,
        replaced: merged.replaced,
      });
    } finally {
      setReading(false);
      setShown((n) => n + 1);
      // Let the same file be chosen again after it has been fixed.
      input.value = "";
    }
  };

  return (
    <div className={styles.root}>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        aria-label="Template pack file"
        hidden
        onChange={onFile}
      />
      <div>
        <Button disabled={disabled || reading} onClick={() => inputRef.current?.click()}>
          Load template pack…
        </Button>
      </div>
      {outcome?.kind === "loaded" ? (
        <ResultMessage key={shown} intent="success" title="Template pack loaded">
          “{outcome.name}” from {outcome.fileName}: {plural(outcome.added, "template")} added
          {outcome.replaced > 0 ? `, ${plural(outcome.replaced, "template")} updated` : ""}.
        </ResultMessage>
      ) : null}
      {outcome?.kind === "rejected" ? (
        <ResultMessage key={shown} intent="error" title="Template pack not loaded">
          {outcome.fileName} has {plural(outcome.problems.length, "problem")}, so nothing was
          changed:
          <ul className={shared.list}>
            {outcome.problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </ResultMessage>
      ) : null}
    </div>
  );
}
