/* Preloaded by the cli bench: writes the process's peak resident set (KB) to BCF_PEAK_RSS_FILE on exit. */
const fs = require("fs");

process.on("exit", () => {
  fs.writeFileSync(process.env.BCF_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
