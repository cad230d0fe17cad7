import { readFileSync } from 'node:fs';

/** Entry point of the `chartlint` command. Returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--version')) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  process.stderr.write('usage: chartlint [paths…]\n');
  return 2;
}
