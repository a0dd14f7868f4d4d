/**
 * Undoing an insertion from the pane: look first (previewRemoval, which changes nothing), ask before
 * any whole sheet is deleted, then remove only what the user agreed to and what is unchanged. The
 * outcome comes back in plain sentences: what was removed, what was kept and why.
 */
import * as React from "react";
// Not from the barrel: the removal planner itself loads with the Office.js layer, not the page.
import { planChangesSomething } from "../../core/undo/planChangesSomething";
import { removalReport } from "../../core/undo/removalReport";
import { useWorkbookAction } from "./useWorkbookAction";
import {
  type InsertionRecord,
  type RemovalPlan,
  type RemovalReport,
  workbookActions,
} from "./workbookActions";

export type UndoOutcome =
  | { status: "done"; report: RemovalReport }
  | { status: "failed"; message: string }
  | { status: "cancelled" };

export interface UndoInsertion {
  /** Starts an undo: it finishes at once, or waits for confirm() / cancel() when sheets would go. */
  start: (record: InsertionRecord) => Promise<void>;
  /** The plan awaiting the user's answer (whole sheets to delete), if any. */
  pending?: RemovalPlan;
  confirm: () => Promise<void>;
  cancel: () => void;
  running: boolean;
}

export function useUndoInsertion(onOutcome: (outcome: UndoOutcome) => void): UndoInsertion {
  const preview = useWorkbookAction(workbookActions.previewRemoval);
  const remove = useWorkbookAction(workbookActions.removeInsertion);
  const [pending, setPending] = React.useState<{ record: InsertionRecord; plan: RemovalPlan }>();

  const finish = async (record: InsertionRecord, confirmedSheets?: string[]) => {
    const outcome = await remove.run(record, confirmedSheets);
    if (!outcome) return;
    onOutcome(
      outcome.ok
        ? { status: "done", report: outcome.value }
        : { status: "failed", message: outcome.message }
    );
  };

  const start = async (record: InsertionRecord) => {
    setPending(undefined);
    const outcome = await preview.run(record);
    if (!outcome) return;
    if (!outcome.ok) {
      onOutcome({ status: "failed", message: outcome.message });
      return;
    }
    const plan = outcome.value;
    if (plan.deleteSheets.length > 0) {
      setPending({ record, plan });
      return;
    }
    if (!planChangesSomething(plan)) {
      onOutcome({ status: "done", report: removalReport(plan) });
      return;
    }
    await finish(record, []);
  };

  const confirm = async () => {
    if (!pending) return;
    setPending(undefined);
    await finish(
      pending.record,
      pending.plan.deleteSheets.map((s) => s.id)
    );
  };

  const cancel = () => {
    setPending(undefined);
    onOutcome({ status: "cancelled" });
  };

  return {
    start,
    pending: pending?.plan,
    confirm,
    cancel,
    running: preview.running || remove.running,
  };
}
