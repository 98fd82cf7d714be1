// @spec specthread-core#5.3
/** What one command run prints and how it exits; `main.ts` writes it out, tests read it directly. */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}
