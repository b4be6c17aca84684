// GIFT files through gift-pegjs (the GIFT grammar from npm): prints {file: questions} as JSON,
// or {file: {"error": message}} for a file the grammar rejects.
const { parse } = require("gift-pegjs");
const fs = require("fs");

const out = {};
for (const file of process.argv.slice(2)) {
  try {
    out[file] = parse(fs.readFileSync(file, "utf8"));
  } catch (e) {
    out[file] = { error: `${e.message} (line ${e.location ? e.location.start.line : "?"})` };
  }
}
process.stdout.write(JSON.stringify(out));
