/* global Office */
/**
 * Entry point of the task pane page (also the shared runtime's page). Inside Office it renders the pane
 * in a FluentProvider that follows the Office theme. Opened in a browser outside Office (no host, or no
 * office.js at all) it loads the preview (src/preview) on demand, so Excel users never download it.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { App } from "./components/App";
import { themeFromOffice } from "./theme";
import { silenceOfficeLoggingOutsideOffice } from "./quietOffice";

function officeTheme(): { bodyBackgroundColor?: string } | undefined {
  try {
    return Office.context?.officeTheme ?? undefined;
  } catch {
    return undefined;
  }
}

function render(container: HTMLElement): void {
  createRoot(container).render(
    <FluentProvider theme={themeFromOffice(officeTheme())}>
      <App />
    </FluentProvider>
  );
}

/** The Office host the page runs in, or null in a plain browser. */
async function officeHost(): Promise<Office.HostType | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  const info = await Office.onReady();
  return info?.host ?? null;
}

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  if (await officeHost()) {
    render(container);
    return;
  }
  silenceOfficeLoggingOutsideOffice();
  const { startPreview } = await import(/* webpackChunkName: "preview" */ "../preview/boot");
  await startPreview(container);
}

void start();
