/**
 * The template on show. Its details (tables of costs and targets) load the first time a template is
 * opened, so the pane starts without them; until one is, a line says how to choose one.
 */
import * as React from "react";
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { SchemeTemplate } from "../../core/templates/types";

const TemplateDetailContent = React.lazy(() =>
  import(/* webpackChunkName: "templates-later" */ "./TemplateDetailContent").then((m) => ({
    default: m.TemplateDetailContent,
  }))
);

const useStyles = makeStyles({
  empty: { paddingTop: tokens.spacingVerticalS },
});

export function TemplateDetail({
  template,
}: {
  template: SchemeTemplate | undefined;
}): React.JSX.Element {
  const styles = useStyles();
  if (!template) {
    return (
      <section aria-label="Template details" className={styles.empty}>
        <Text>Choose a template in the list to see its details.</Text>
      </section>
    );
  }
  return (
    <React.Suspense fallback={null}>
      <TemplateDetailContent template={template} />
    </React.Suspense>
  );
}
