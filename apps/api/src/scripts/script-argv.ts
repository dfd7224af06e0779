/** The script's own arguments: `pnpm bench:x -- --flag` hands it a literal `--` first, which is dropped. */
export const scriptArgv = process.argv.slice(2).filter((arg, index) => !(index === 0 && arg === '--'));
