/**
 * Entry point of the task pane page (also the shared runtime's page). Inside Office it renders the pane
 * in a FluentProvider that follows the Office theme. Opened in a browser outside Office (no host, or no
 * office.js at all) it loads the preview (src/preview) on demand, so Excel users never download it.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { officeHost, officeTheme } from "../excel/officeHost";
import { App } from "./components/App";
import { themeFromOffice } from "./theme";
import { silenceOfficeLoggingOutsideOffice } from "../preview/quietOffice";

function render(container: HTMLElement): void {
  createRoot(container).render(
    <FluentProvider theme={themeFromOffice(officeTheme())}>
      <App />
    </FluentProvider>
  );
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
