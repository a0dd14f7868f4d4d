/**
 * Outside Office, office.js's file-mapping script still sets up Microsoft's logging endpoint, which loads a
 * telemetry page from the internet three seconds later. The preview promises that nothing is sent anywhere,
 * so once Office.onReady has said there is no host, that endpoint is switched off. Never called inside Office.
 */
interface UlsEndpoint {
  loadProxyFrame?: () => void;
  writeLog?: (entry: string) => void;
}

export function silenceOfficeLoggingOutsideOffice(win: unknown = globalThis): boolean {
  try {
    const logger = (win as { OSF?: { Logger?: { ulsEndpoint?: UlsEndpoint | null } } }).OSF?.Logger;
    const endpoint = logger?.ulsEndpoint;
    if (!logger || !endpoint) return false;
    // The pending timer calls loadProxyFrame on this very object; sendLog checks ulsEndpoint first.
    endpoint.loadProxyFrame = () => undefined;
    endpoint.writeLog = () => undefined;
    logger.ulsEndpoint = null;
    return true;
  } catch {
    return false;
  }
}
