/**
 * Search results as a multi-select listbox (WAI-ARIA pattern): arrow keys, Home and End move the current
 * template (shown in the detail view); Space or Enter ticks it for insertion; a click shows it, a click on
 * its tick box ticks it.
 */
import * as React from "react";
import { makeStyles, mergeClasses, shorthands, Text, tokens } from "@fluentui/react-components";
import type { SchemeTemplate } from "../../core/templates/types";
import { sourceLabel } from "../../core/templates/search";
import { formatGbp, templateTotal } from "../state/format";
import { Badge } from "./LaterParts";

const useStyles = makeStyles({
  list: {
    maxHeight: "320px",
    overflowY: "auto",
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": {
      outlineStyle: "solid",
      outlineWidth: tokens.strokeWidthThick,
      outlineColor: tokens.colorStrokeFocus2,
    },
  },
  option: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-start",
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    cursor: "pointer",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outlineStyle: "solid",
    outlineWidth: tokens.strokeWidthThin,
    outlineColor: tokens.colorBrandStroke1,
    outlineOffset: "-1px",
  },
  tick: {
    flexShrink: 0,
    width: "16px",
    height: "16px",
    marginTop: "2px",
    borderRadius: tokens.borderRadiusSmall,
    ...shorthands.border(tokens.strokeWidthThin, "solid", tokens.colorNeutralStrokeAccessible),
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    color: tokens.colorNeutralForegroundOnBrand,
    fontSize: tokens.fontSizeBase200,
    lineHeight: "1",
  },
  ticked: {
    backgroundColor: tokens.colorCompoundBrandBackground,
    ...shorthands.borderColor(tokens.colorCompoundBrandBackground),
  },
  text: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  meta: { color: tokens.colorNeutralForeground2 },
  inWorkbook: { alignSelf: "flex-start", marginTop: tokens.spacingVerticalXXS },
  total: { flexShrink: 0, fontVariantNumeric: "tabular-nums" },
  help: { color: tokens.colorNeutralForeground2 },
  empty: {
    padding: tokens.spacingHorizontalM,
    color: tokens.colorNeutralForeground2,
  },
});

export interface TemplateListProps {
  templates: SchemeTemplate[];
  activeId: string | undefined;
  checkedIds: ReadonlySet<string>;
  onActivate: (id: string) => void;
  onToggle: (id: string) => void;
  /** Templates already in the workbook's expenditure table: template id → its scheme ID there. */
  inWorkbook?: ReadonlyMap<string, string>;
}

export function optionId(templateId: string): string {
  return `template-option-${templateId.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

export function TemplateList({
  templates,
  activeId,
  checkedIds,
  onActivate,
  onToggle,
  inWorkbook,
}: TemplateListProps): React.JSX.Element {
  const styles = useStyles();
  const helpId = React.useId();
  const listRef = React.useRef<HTMLDivElement>(null);
  const activeIndex = templates.findIndex((t) => t.id === activeId);

  // Keep the current option in view as the keyboard moves through a long list.
  React.useEffect(() => {
    if (!activeId) return;
    const el = listRef.current?.querySelector<HTMLElement>(`#${optionId(activeId)}`);
    if (el && typeof el.scrollIntoView === "function") el.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (templates.length === 0) return;
    const move = (index: number) => {
      event.preventDefault();
      onActivate(templates[Math.max(0, Math.min(templates.length - 1, index))].id);
    };
    switch (event.key) {
      case "ArrowDown":
        move(activeIndex < 0 ? 0 : activeIndex + 1);
        break;
      case "ArrowUp":
        move(activeIndex < 0 ? 0 : activeIndex - 1);
        break;
      case "Home":
        move(0);
        break;
      case "End":
        move(templates.length - 1);
        break;
      case " ":
      case "Enter":
        event.preventDefault();
        if (activeIndex >= 0) onToggle(templates[activeIndex].id);
        else onActivate(templates[0].id);
        break;
      default:
        break;
    }
  };

  const onFocus = () => {
    // Landing on the list with nothing current makes the first result current, so arrows and Space work at once.
    if (activeIndex < 0 && templates.length > 0) onActivate(templates[0].id);
  };

  if (templates.length === 0) {
    return (
      <div className={styles.empty} role="status">
        No templates match your search. Try fewer words or clear a filter.
      </div>
    );
  }

  return (
    <>
      <Text id={helpId} size={200} className={styles.help}>
        Up and down arrows move through the list; Space ticks a template to insert several at once.
      </Text>
      <div
        ref={listRef}
        role="listbox"
        aria-describedby={helpId}
        aria-label="Scheme templates"
        aria-multiselectable="true"
        aria-activedescendant={activeIndex >= 0 ? optionId(templates[activeIndex].id) : undefined}
        tabIndex={0}
        className={styles.list}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
      >
        {templates.map((template) => {
          const checked = checkedIds.has(template.id);
          const active = template.id === activeId;
          return (
            <div
              key={template.id}
              id={optionId(template.id)}
              role="option"
              aria-selected={checked}
              className={mergeClasses(styles.option, active && styles.active)}
              onClick={() => onActivate(template.id)}
            >
              <span
                aria-hidden="true"
                data-testid={`tick-${template.id}`}
                className={mergeClasses(styles.tick, checked && styles.ticked)}
                onClick={(event) => {
                  event.stopPropagation();
                  onActivate(template.id);
                  onToggle(template.id);
                }}
              >
                {checked ? "✓" : ""}
              </span>
              <span className={styles.text}>
                <Text weight="semibold">{template.name}</Text>
                <Text size={200} className={styles.meta}>
                  {sourceLabel(template)} · {template.schemeType}
                </Text>
                {inWorkbook?.has(template.id) ? (
                  <Badge
                    appearance="tint"
                    color="informative"
                    size="small"
                    className={styles.inWorkbook}
                  >{`In workbook as ${inWorkbook.get(template.id)}`}</Badge>
                ) : null}
              </span>
              <Text className={styles.total}>{formatGbp(templateTotal(template))}</Text>
            </div>
          );
        })}
      </div>
    </>
  );
}
