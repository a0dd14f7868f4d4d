/**
 * Builds the bcf-check command into dist/cli/bcf-check.js (`npm run build` runs it after the add-in's
 * webpack.config.js): the checker and everything it uses in one file for Node, nothing left to
 * resolve from node_modules, so `npm ci --omit=dev` (or no node_modules at all) leaves a command that
 * runs. bin/bcf-check.js loads it.
 */
const path = require("path");

module.exports = {
  name: "cli",
  target: "node20",
  devtool: false,
  entry: { "bcf-check": "./src/cli/bcfCheck.ts" },
  output: {
    path: path.resolve(__dirname, "dist", "cli"),
    filename: "[name].js",
    library: { type: "commonjs2" },
    clean: true,
  },
  resolve: {
    extensions: [".ts", ".js"],
  },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          options: { transpileOnly: true, configFile: "tsconfig.json" },
        },
      },
    ],
  },
  // Readable stack traces matter more than size for a command-line tool.
  optimization: { minimize: false },
  performance: { hints: false },
};
