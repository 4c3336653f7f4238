// `pnpm example <name>` runs examples/<name>.js; without a name it lists them.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const names = readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'run.js').map((f) => f.slice(0, -3)).sort();
const [name, ...args] = process.argv.slice(2);
if (!name || !names.includes(name)) {
  process.stderr.write(`${name ? `unknown example "${name}". ` : ''}Examples: ${names.join(', ')}\nRun one with: pnpm example <name>\n`);
  process.exit(name ? 2 : 0);
}
const { status } = spawnSync(process.execPath, [`${dir}${name}.js`, ...args], { stdio: 'inherit' });
process.exit(status ?? 1);
