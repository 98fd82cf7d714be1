import { CancellationToken } from './cancellation';

/**
 * All I/O the core does goes through this interface: the language server and the CLI back it
 * with the file system, tests with memory. Paths are absolute and use `/` on every platform.
 */
export interface Workspace {
  /** The folders being analysed (several in a multi-root VS Code workspace). */
  readonly roots: readonly string[];
  /** Every file below the roots that is not ignored (.gitignore, VCS folders, node_modules). */
  listFiles(token: CancellationToken): Promise<readonly string[]>;
  /** The file's text, or undefined when it does not exist or cannot be read as text. */
  readFile(path: string, token: CancellationToken): Promise<string | undefined>;
  /**
   * The file's size in bytes, or undefined when it does not exist. Optional: when present, code
   * files over the scan limit are skipped without being read.
   */
  stat?(path: string, token: CancellationToken): Promise<{ readonly size: number } | undefined>;
}
