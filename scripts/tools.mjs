// The build's own npm tools (terser), installed by scripts/setup.sh outside the
// repository, in RUMBO_TOOLS_DIR or ~/.local/share/rumbo-tools: post-build and
// prerender load them from there alike.
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { join } from "node:path";

export const TOOLS = process.env.RUMBO_TOOLS_DIR || join(homedir(), ".local", "share", "rumbo-tools");

/** The installed npm package `name`, or an error that says how to install it. */
export function tool(name) {
  try {
    return createRequire(join(TOOLS, "package.json"))(name);
  } catch {
    throw new Error(`${name} is not installed in ${TOOLS}: run scripts/setup.sh`);
  }
}
