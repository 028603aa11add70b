// What a team config file is called and how large it may be: import-free, so the VS Code extension can look for the
// files without carrying the parsers.

/** The names a config file may have, in the order one folder's files are looked for: the first found is used. */
export const CONFIG_NAMES = ['.plumb-line.json', '.plumb-line.jsonc', '.plumb-line.yaml', '.plumb-line.yml'] as const;

/** Config files larger than this are refused: no team writes one, and a huge file must not stall a check. */
export const MAX_CONFIG_BYTES = 256 * 1024;
