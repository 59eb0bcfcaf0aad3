/**
 * `npm run bench [-- section…]`: prints Marsad's measured figures. Each section is a module in bench/
 * exporting `run()`; with no arguments all sections run in order.
 */
const SECTIONS = ['text', 'ner', 'time', 'ingest', 'events'] as const;

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const chosen = wanted.length ? wanted : [...SECTIONS];
  for (const name of chosen) {
    if (!(SECTIONS as readonly string[]).includes(name)) {
      console.error(`bench: unknown section "${name}" (sections: ${SECTIONS.join(', ')})`);
      process.exitCode = 2;
      return;
    }
    let mod: { run: () => Promise<void> };
    try {
      mod = (await import(`./${name}.js`)) as { run: () => Promise<void> };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
        console.log(`\n## ${name}: (no benchmark yet)`);
        continue;
      }
      throw err;
    }
    console.log(`\n## ${name}`);
    await mod.run();
  }
}

main().catch((err) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
