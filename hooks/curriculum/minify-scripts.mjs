// Minify scripts in place with terser, the same settings as `terser --compress --mangle`, in one
// Node process: starting Node once per file was most of the time the build spent on scripts.
// Usage: node minify-scripts.mjs FILE...
import { readFile, writeFile } from "node:fs/promises";
import { minify } from "terser";

for (const path of process.argv.slice(2)) {
  try {
    const result = await minify(await readFile(path, "utf8"), { compress: {}, mangle: {} });
    await writeFile(path, result.code);
  } catch (error) {
    // terser's parse errors carry the line and column: path:line:column, as editors read it.
    const where = error.line ? `${path}:${error.line}:${error.col + 1}` : path;
    console.error(`${where}: ${error.message}`);
    process.exit(1);
  }
}
