// Parse Mermaid files with Mermaid's own parser; print one JSON line per file.
// usage: node check_mermaid.mjs FILE...   (exit 1 if any file does not parse)
// Each line: {"file", "ok", "error"?, "entities"?, "relationships"?} so tests can check counts too.
import { readFileSync } from "node:fs";
import mermaid from "mermaid";

let failed = 0;
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  const result = { file, ok: true };
  try {
    await mermaid.parse(text);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
    if (diagram.db.getEntities) {
      result.entities = diagram.db.getEntities().size;
      result.relationships = diagram.db.getRelationships().length;
    }
  } catch (error) {
    failed += 1;
    result.ok = false;
    result.error = String(error.message || error).split("\n").slice(0, 4).join(" | ");
  }
  console.log(JSON.stringify(result));
}
process.exit(failed ? 1 : 0);
