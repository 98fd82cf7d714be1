// @spec specthread-core#17.1
import { promises as fs } from 'fs';
import * as path from 'path';
import { writeFileAtomic } from './atomicWrite';

/**
 * Writes one report the CLI was asked for (`--output FILE`): its folder is created when missing
 * (CI jobs name fresh folders such as `reports/`), and the file is replaced atomically, so a
 * reader such as a CI upload step never sees half a report.
 */
export async function writeReportFile(target: string, text: string): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  await writeFileAtomic(target, text);
}

/** Appends to a file that others write too (GitHub's `$GITHUB_STEP_SUMMARY`): never replaced, only added to. */
export async function appendToFile(target: string, text: string): Promise<void> {
  await fs.appendFile(target, text, 'utf8');
}
