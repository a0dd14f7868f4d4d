/**
 * Outside Office, office.js still loads its file-mapping script, which creates Microsoft's logging
 * endpoint and, three seconds later, loads a telemetry page from the internet. The browser preview
 * promises that nothing is sent anywhere, and on a busy machine Office.onReady can come after those
 * three seconds, so the endpoint is disarmed before office.js runs (quiet-office.js, loaded just
 * before it) and switched off again once Office.onReady has said there is no host. Inside Office
 * none of this runs: office.js is left exactly as Microsoft ships it. The page's
 * Content-Security-Policy blocks any request that still tried.
 */
interface UlsEndpoint {
  loadProxyFrame?: () => void;
  writeLog?: (entry: string) => void;
}

type HostWindow = {
  location?: { search?: string; hash?: string };
  name?: string;
  sessionStorage?: { getItem(key: string): string | null };
  external?: { GetHostInfo?: unknown };
  agaveHost?: unknown;
  chrome?: { webview?: unknown };
  webkit?: { messageHandlers?: unknown };
  Logger?: unknown;
  OSF?: { Logger?: { ulsEndpoint?: UlsEndpoint | null } };
};

/**
 * Whether the page is running inside an Office host, by the signs office.js itself reads: the
 * host's bridge object, `_host_Info` in the address, or the host information office.js keeps in
 * window.name or sessionStorage across the pane's own navigation.
 */
export function looksLikeOfficeHost(win: unknown = globalThis): boolean {
  const w = win as HostWindow;
  try {
    if (typeof w.external?.GetHostInfo !== "undefined") return true;
    if (typeof w.agaveHost !== "undefined") return true;
    if (w.chrome?.webview !== undefined) return true;
    if (w.webkit?.messageHandlers !== undefined) return true;
    const address = `${w.location?.search ?? ""}${w.location?.hash ?? ""}`;
    if (/[?&#]_host_Info=/i.test(address)) return true;
    try {
      const named = JSON.parse(w.name ?? "") as { hostInfo?: unknown } | null;
      if (named && named.hostInfo) return true;
    } catch {
      // window.name is not office.js's JSON: no host information there.
    }
    if (w.sessionStorage?.getItem("hostInfoValue")) return true;
  } catch {
    return true; // when unsure, leave office.js alone
  }
  return false;
}

function disarm(endpoint: UlsEndpoint): void {
  endpoint.loadProxyFrame = () => undefined;
  endpoint.writeLog = () => undefined;
}

/**
 * Before office.js: office.js's mapping script keeps its logger in the global `Logger` and assigns
 * `Logger.ulsEndpoint` the moment it creates the endpoint. A logger set up here in advance takes
 * that endpoint, disarms it before its three-second timer can fire, and hands office.js `null`, so
 * its logging calls do nothing. Returns whether the trap was set (never inside Office).
 */
export function trapOfficeLoggingOutsideOffice(win: unknown = globalThis): boolean {
  if (looksLikeOfficeHost(win)) return false;
  const w = win as HostWindow;
  try {
    const logger = (w.Logger as object | undefined) ?? {};
    Object.defineProperty(logger, "ulsEndpoint", {
      configurable: true,
      get: () => null,
      set: (endpoint: UlsEndpoint | null) => {
        if (endpoint) disarm(endpoint);
      },
    });
    w.Logger = logger;
    return true;
  } catch {
    return false;
  }
}

/** After Office.onReady has said there is no host: the same switch-off, if the trap was not in place. */
export function silenceOfficeLoggingOutsideOffice(win: unknown = globalThis): boolean {
  try {
    const logger = (win as HostWindow).OSF?.Logger;
    const endpoint = logger?.ulsEndpoint;
    if (!logger || !endpoint) return false;
    // The pending timer calls loadProxyFrame on this very object; sendLog checks ulsEndpoint first.
    disarm(endpoint);
    logger.ulsEndpoint = null;
    return true;
  } catch {
    return false;
  }
}
