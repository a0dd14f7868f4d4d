/*
 * Stand-in for the `debug` logging package, which @stdlib's gammaincinv requires only to log overflow
 * warnings nobody sees in Excel. webpack aliases `debug` to this file for the functions bundle so
 * ~1.5 KB gzipped of logging code stays out of it. Same shape as debug: a factory of log functions.
 */
module.exports = function createDebug() {
  return function debug() {};
};
