import * as fs from "fs";
import * as path from "path";
import { policies } from "./policies";

/** Prints the README's policy table from the pack itself and the committed stack configs. */
const CATEGORY: Record<string, string> = {
    "encryption-at-rest": "at rest", "encryption-in-transit": "in transit", "exposure": "exposure",
    "data-protection": "data protection",
};
const ORDER = Object.keys(CATEGORY);

function config(stack: string): Record<string, any> {
    return JSON.parse(fs.readFileSync(path.resolve(__dirname, "..", "..", "config", `${stack}.json`), "utf8"));
}

function level(c: Record<string, any>, name: string, own: string): string {
    const entry = c[name];
    const configured = typeof entry === "string" ? entry : entry?.enforcementLevel;
    const exemptions = typeof entry === "object" && entry.exemptions?.length ? ` (${entry.exemptions.length} exemption)` : "";
    return (configured ?? own) + exemptions;
}

const dev = config("dev");
const prod = config("prod");
const rows = [...policies].sort((a, b) => ORDER.indexOf(a.meta.category) - ORDER.indexOf(b.meta.category)
    || a.name.localeCompare(b.name));
console.log("| policy | category | controls | dev | prod |\n|---|---|---|---|---|");
for (const p of rows) {
    console.log(`| \`${p.name}\` | ${CATEGORY[p.meta.category]} | ${p.meta.controls.join(", ")} | `
        + `${level(dev, p.name, p.enforcementLevel!)} | ${level(prod, p.name, p.enforcementLevel!)} |`);
}
