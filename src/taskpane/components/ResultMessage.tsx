/**
 * The outcome of an action. Fluent's message bar and accordion are only needed once there is an
 * outcome to show, so they load after the pane is usable (prefetched when the browser is idle).
 */
import * as React from "react";
import type { ResultMessageProps } from "./ResultMessageBar";

export type { ResultMessageProps } from "./ResultMessageBar";

const ResultMessageBar = React.lazy(() =>
  import(/* webpackChunkName: "result-message", webpackPrefetch: true */ "./ResultMessageBar").then(
    (m) => ({ default: m.ResultMessageBar })
  )
);

export function ResultMessage(props: ResultMessageProps): React.JSX.Element {
  // Where focus was when the outcome arrived: the bar may load a moment later, and by then the person
  // may have moved on (typed into a cell, say); it takes focus only if they have not.
  const [focusWhenShown] = React.useState(() =>
    typeof document === "undefined" ? null : document.activeElement
  );
  return (
    <React.Suspense fallback={null}>
      <ResultMessageBar {...props} focusOnlyFrom={focusWhenShown} />
    </React.Suspense>
  );
}
