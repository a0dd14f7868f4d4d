/**
 * quiet-office.js: loaded by taskpane.html just before office.js, as a plain script of its own
 * (no React, no Office), so office.js's logging is disarmed outside Office before it can start.
 */
import { trapOfficeLoggingOutsideOffice } from "./quietOffice";

trapOfficeLoggingOutsideOffice(window);
