/**
 * Dev server settings: HTTPS on localhost:3000 with office-addin-dev-certs certificates.
 * Where the developer CA cannot be installed in the trust store (Linux without sudo, CI), the same
 * certificates are generated and used untrusted, and the console says how to trust them.
 */
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");

const PORT = Number(process.env.BCF_PORT || 3000);

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
  return {
    port: PORT,
    hot: false,
    headers: { "Access-Control-Allow-Origin": "*" },
    server: { type: "https", options: await httpsOptions() },
    client: { overlay: { warnings: false, errors: true } },
  };
}

module.exports = { devServerOptions, PORT };
