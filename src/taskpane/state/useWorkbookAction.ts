/**
 * One pane action against the workbook: runs it at most once at a time, tracks progress, and turns any
 * failure into a plain-English message (Excel's own errors via friendlyExcelError).
 */
import { useCallback, useEffect, useRef, useState } from "react";

export interface Progress {
  done: number;
  total: number;
}

export type ActionState<T> =
  | { status: "idle" }
  | { status: "running"; progress?: Progress }
  | { status: "done"; value: T }
  | { status: "failed"; message: string };

/** How a finished run went; undefined from run() means it did not start because another was running. */
export type ActionOutcome<T> = { ok: true; value: T } | { ok: false; message: string };

export interface WorkbookAction<A extends unknown[], T> {
  state: ActionState<T>;
  running: boolean;
  /** Starts the action; resolves to its outcome, or undefined if one is already running. */
  run: (...args: A) => Promise<ActionOutcome<T> | undefined>;
  /** Reports progress of the running action (e.g. blocks of a large workbook read). */
  reportProgress: (done: number, total: number) => void;
  /** Back to idle, dropping the last result or error. */
  reset: () => void;
}

/**
 * Plain words for whatever an action threw. Excel's errors are worded by the code that talks to Excel,
 * which every workbook action has loaded by then (so it is not part of the pane's startup script).
 */
export async function describeError(error: unknown): Promise<string> {
  try {
    const { friendlyExcelError } = await import(
      /* webpackChunkName: "excel" */ "../../excel/errors"
    );
    const message = friendlyExcelError(error);
    if (message) return message;
  } catch {
    // fall through to the generic wording
  }
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong and the workbook was not changed. Please try again.";
}

export function useWorkbookAction<A extends unknown[], T>(
  action: (...args: A) => Promise<T>
): WorkbookAction<A, T> {
  const [state, setState] = useState<ActionState<T>>({ status: "idle" });
  // A ref, not state, guards against a second click arriving before React re-renders the disabled button.
  const inFlight = useRef(false);
  const mounted = useRef(true);
  const latestAction = useRef(action);
  latestAction.current = action;

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (...args: A): Promise<ActionOutcome<T> | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setState({ status: "running" });
    try {
      const value = await latestAction.current(...args);
      if (mounted.current) setState({ status: "done", value });
      return { ok: true, value };
    } catch (error) {
      const message = await describeError(error);
      if (mounted.current) setState({ status: "failed", message });
      return { ok: false, message };
    } finally {
      inFlight.current = false;
    }
  }, []);

  const reportProgress = useCallback((done: number, total: number) => {
    if (!mounted.current) return;
    setState((current) =>
      current.status === "running" ? { status: "running", progress: { done, total } } : current
    );
  }, []);

  const reset = useCallback(() => {
    if (!inFlight.current) setState({ status: "idle" });
  }, []);

  return { state, running: state.status === "running", run, reportProgress, reset };
}
