/**
 * The one outcome message an area of the pane shows. Each show() gives it a new key, so the message
 * bar mounts afresh and is announced and focused again even when the words repeat the last ones.
 */
import * as React from "react";

export interface PaneMessage {
  intent: "success" | "error" | "info" | "warning";
  title: string;
  body?: React.ReactNode;
  /** The particulars, folded away behind "Details". */
  details?: React.ReactNode;
}

let lastKey = 0;

export function useResultMessage<M = PaneMessage>(): {
  message: (M & { key: number }) | undefined;
  show: (message: M) => void;
  clear: () => void;
} {
  const [message, setMessage] = React.useState<M & { key: number }>();
  const show = React.useCallback((m: M) => setMessage({ ...m, key: ++lastKey }), []);
  const clear = React.useCallback(() => setMessage(undefined), []);
  return { message, show, clear };
}
