/* eslint-disable no-undef */
/**
 * Builds the add-in into dist/:
 *   functions.js + functions.json  the =BCF.* custom functions and their generated metadata
 *   taskpane.html + taskpane.js    the shared-runtime page: it loads functions.js first (no React), then the pane
 *   help/, assets/, manifest.xml   help pages, icons and the manifest
 * Development and tests serve office.js from node_modules/@microsoft/office-js (no internet needed);
 * the production build references Microsoft's CDN, and BCF_ADDIN_URL sets the hosting URL in the manifest.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { devServerOptions } = require("./scripts/devServer");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";

/** The production hosting URL, always with one trailing slash. */
function productionUrl() {
  const url = process.env.BCF_ADDIN_URL || DEV_URL;
  if (!/^https:\/\//.test(url))
    throw new Error(`BCF_ADDIN_URL must be an https:// URL, not "${url}".`);
  return url.endsWith("/") ? url : `${url}/`;
}

/** Rewrites the development URL in generated text assets (functions.json help links) for production. */
class RewriteUrlPlugin {
  constructor(from, to, files) {
    Object.assign(this, { from, to, files });
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RewriteUrlPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        {
          name: "RewriteUrlPlugin",
          stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE,
        },
        () => {
          for (const file of this.files) {
            const asset = compilation.getAsset(file);
            if (!asset) continue;
            const text = asset.source.source().toString().split(this.from).join(this.to);
            compilation.updateAsset(file, new compiler.webpack.sources.RawSource(text));
          }
        }
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const baseUrl = dev ? DEV_URL : productionUrl();
  if (!dev && !process.env.BCF_ADDIN_URL) {
    console.warn(`BCF_ADDIN_URL is not set: the production manifest points at ${DEV_URL}.`);
  }

  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      // @stdlib's gammaincinv requires `debug` only to log overflow warnings nobody sees in Excel.
      alias: { debug: path.resolve(__dirname, "src/functions/noDebug.js") },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, configFile: "tsconfig.json" },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // functions first: formulas register without waiting for React or Fluent UI.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
        templateParameters: { officeJs: dev ? OFFICE_JS_LOCAL : OFFICE_JS_CDN },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "src/help",
            to: "help",
            globOptions: { ignore: ["**/*.md"] },
            noErrorOnMissing: true,
          },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              dev
                ? content
                : content
                    .toString()
                    .split(`<AppDomain>${new URL(DEV_URL).origin}</AppDomain>`)
                    .join(`<AppDomain>${new URL(baseUrl).origin}</AppDomain>`)
                    .split(DEV_URL)
                    .join(baseUrl),
          },
          // office.js and the Excel host scripts it loads, for development without internet.
          ...(dev
            ? [
                {
                  from: "node_modules/@microsoft/office-js/dist",
                  to: "office-js",
                  globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts"] },
                  filter: (file) =>
                    /[\\/]dist[\\/]((office|excel|custom-functions-runtime|o15apptofilemappingtable|es6-promise)[^\\/]*\.js|en-(us|gb)[\\/]office_strings\.js)$/i.test(
                      file
                    ),
                },
              ]
            : []),
        ],
      }),
      ...(dev ? [] : [new RewriteUrlPlugin(DEV_URL, baseUrl, ["functions.json"])]),
    ],
    // Certificates only when serving: a build never needs them.
    devServer: env.WEBPACK_SERVE ? await devServerOptions() : undefined,
  };
};
