/**
 * Fluent components the Templates tab shows only once something has happened: a spinner while an insert
 * or undo runs, a badge on the schemes found in the workbook. Their code loads the first time one is
 * shown (with the template details, in one small script), not with the pane.
 */
import * as React from "react";
import { Text, type BadgeProps, type SpinnerProps } from "@fluentui/react-components";

const fluentLater = () => import(/* webpackChunkName: "templates-later" */ "./fluentLater");
const LazySpinner = React.lazy(() => fluentLater().then((m) => ({ default: m.Spinner })));
const LazyBadge = React.lazy(() => fluentLater().then((m) => ({ default: m.Badge })));

/** Fluent's Spinner; until its code has arrived, its label alone. */
export function Spinner(props: SpinnerProps & { label: string }): React.JSX.Element {
  return (
    <React.Suspense fallback={<Text size={200}>{props.label}</Text>}>
      <LazySpinner {...props} />
    </React.Suspense>
  );
}

/** Fluent's Badge, shown once its code has arrived. */
export function Badge(props: BadgeProps): React.JSX.Element {
  return (
    <React.Suspense fallback={null}>
      <LazyBadge {...props} />
    </React.Suspense>
  );
}
