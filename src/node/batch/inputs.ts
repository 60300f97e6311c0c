/**
 * INPUT arguments to a sorted list of input files: folders are walked, `.gz` is noted, and each
 * file's layout (one record per line, or one whole file) comes from its extension.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from '../../errors.js';

/** One input file of a batch. */
export interface InputFile {
  /** The path as the user gave it (or as found under a folder they gave): used in messages. */
  path: string;
  /** The absolute path: used in resume keys, so a resume from another directory still matches. */
  abs: string;
  /** Size on disk in bytes (compressed size for `.gz`). */
  size: number;
  gzip: boolean;
  /** `lines`: JSON lines (threads, or Pushshift comments); `whole`: the file is one export. */
  layout: 'lines' | 'whole';
}

const LINE_EXTENSIONS = ['.jsonl', '.ndjson', '.jsonlines'];
const FOLDER_EXTENSIONS = [...LINE_EXTENSIONS, '.json'];

/** Expands files and folders into input files, in a stable order. Throws InputError for a missing path. */
export async function expandInputs(inputs: readonly string[]): Promise<InputFile[]> {
  const files: InputFile[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => {
      throw new InputError('no such file or folder', { file: input });
    });
    if (info.isDirectory()) files.push(...(await walk(input)));
    else files.push(describe(input, info.size));
  }
  const seen = new Set<string>();
  return files.filter((f) => (seen.has(f.abs) ? false : (seen.add(f.abs), true)));
}

async function walk(dir: string): Promise<InputFile[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: InputFile[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile() && FOLDER_EXTENSIONS.some((ext) => baseName(entry.name).endsWith(ext))) {
      out.push(describe(path, (await stat(path)).size));
    }
  }
  return out;
}

function describe(path: string, size: number): InputFile {
  const gzip = path.endsWith('.gz');
  const layout = LINE_EXTENSIONS.some((ext) => baseName(path).endsWith(ext)) ? 'lines' : 'whole';
  return { path, abs: resolve(path), size, gzip, layout };
}

function baseName(name: string): string {
  return name.toLowerCase().replace(/\.gz$/, '');
}
