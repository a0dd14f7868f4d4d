/**
 * Dev server settings: HTTPS on localhost:3000 (this machine only, not the network) with
 * office-addin-dev-certs certificates; `/` leads to the pane. A port already in use is explained
 * in one line before webpack starts, instead of an EADDRINUSE stack trace.
 * Where the developer CA cannot be installed in the trust store (Linux without sudo, CI), the same
 * certificates are generated and used untrusted, and the console says how to trust them.
 */
const fs = require("fs");
const net = require("net");
const devCerts = require("office-addin-dev-certs");

const PORT = Number(process.env.BCF_PORT || 3000);
const HOST = "localhost";

/** Resolves to the error code if `port` cannot be listened on at `host` (e.g. "EADDRINUSE"), else null. */
function portProblem(port, host = HOST) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (e) => resolve(e.code || String(e)));
    probe.once("listening", () => probe.close(() => resolve(null)));
    probe.listen(port, host);
  });
}

/** One line saying why the server cannot start on `port`, or null if it can. */
async function busyPortMessage(port = PORT) {
  const problem = await portProblem(port);
  if (!problem) return null;
  if (problem === "EADDRINUSE")
    return `Port ${port} on ${HOST} is already in use (is the add-in already being served by another npm start?). Stop that one, or choose another port: BCF_PORT=${port + 1} npm start`;
  if (problem === "EACCES")
    return `Port ${port} on ${HOST} needs more permissions than this user has: choose another with BCF_PORT=3001.`;
  return `Port ${port} on ${HOST} cannot be used (${problem}).`;
}

async function httpsOptions() {
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const {
      localhostCertificatePath,
      localhostKeyPath,
      caCertificatePath,
    } = require("office-addin-dev-certs/lib/defaults");
    if (!fs.existsSync(localhostCertificatePath) || !fs.existsSync(localhostKeyPath)) {
      await devCerts.generateCertificates();
    }
    console.warn(
      `\nThe developer certificate could not be added to this machine's trust store (${String(error.message || error).split("\n")[0]}).` +
        `\nServing with it anyway; to trust it, import ${caCertificatePath} into your browser or system.\n`
    );
    return {
      ca: fs.readFileSync(caCertificatePath),
      cert: fs.readFileSync(localhostCertificatePath),
      key: fs.readFileSync(localhostKeyPath),
    };
  }
}

async function devServerOptions() {
  const busy = await busyPortMessage();
  if (busy) {
    console.error(busy);
    process.exit(1);
  }
  return {
    host: HOST,
    port: PORT,
    // "/" has no page of its own: send the browser to the pane.
    setupMiddlewares: (middlewares) => {
      middlewares.unshift({
        name: "root-to-pane",
        path: "/",
        middleware: (req, res, next) => {
          if (req.url !== "/" && req.url !== "") return next();
          res.writeHead(302, { Location: "/taskpane.html" });
          res.end();
        },
      });
      return middlewares;
    },
    hot: false,
    headers: { "Access-Control-Allow-Origin": "*" },
    server: { type: "https", options: await httpsOptions() },
    client: { overlay: { warnings: false, errors: true } },
  };
}

module.exports = { devServerOptions, busyPortMessage, PORT, HOST };
