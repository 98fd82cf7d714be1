// @spec specthread-core#19.1
import { CodeLanguage } from './codeParser';

/** What a draft says about a code base, file by file: everything a reviewer must find by name. */
export type SymbolKind = 'function' | 'class' | 'method' | 'interface' | 'type' | 'constant' | 'enum';

export interface ApiSymbol {
  readonly name: string;
  readonly kind: SymbolKind;
  /** The declaration's first line, without its body. */
  readonly signature: string;
  /** The first sentence of the doc comment, when there is one. */
  readonly doc?: string;
  /** The class or receiver a method belongs to. */
  readonly owner?: string;
  readonly line: number;
}

export interface Route {
  readonly method: string;
  readonly path: string;
  readonly handler?: string;
  /** Statuses the route declares (FastAPI `status_code=`, Spring `@ResponseStatus`). */
  readonly statuses: readonly number[];
  readonly line: number;
}

export interface CliCommand {
  readonly name: string;
  readonly flags: readonly string[];
  readonly line: number;
}

export interface ConfigKey {
  readonly name: string;
  /** `env`: read from the environment; `setting`: a field of a settings object. */
  readonly source: 'env' | 'setting';
  readonly line: number;
}

export interface ErrorPath {
  /** The error raised (a class name), or `HTTP` for an error status. */
  readonly name: string;
  readonly message?: string;
  readonly status?: number;
  /** The function the error is raised in, when known. */
  readonly within?: string;
  readonly line: number;
}

export interface TestCase {
  /** How a reviewer finds it: `tests/test_signer.py::test_sign`, `test/retry.ts::retries once`. */
  readonly id: string;
  readonly title: string;
  /** The describe block or test class it sits in. */
  readonly group?: string;
  /** URL paths the test's body names, so that a route can list the tests that call it. */
  readonly paths: readonly string[];
  /** HTTP statuses the test's body names. */
  readonly statuses: readonly number[];
  readonly line: number;
}

export interface FileFacts {
  /** Path relative to the drafted folder, with `/`. */
  readonly path: string;
  readonly language: CodeLanguage;
  /** The module or package name a reviewer knows the file by. */
  readonly module: string;
  readonly isTest: boolean;
  /** Modules this file imports, as written. */
  readonly imports: readonly string[];
  readonly symbols: readonly ApiSymbol[];
  readonly routes: readonly Route[];
  readonly commands: readonly CliCommand[];
  readonly config: readonly ConfigKey[];
  readonly errors: readonly ErrorPath[];
  readonly tests: readonly TestCase[];
}

/** Mutable lists an extractor fills while it walks one tree. */
export interface FactsBuilder {
  imports: string[];
  symbols: ApiSymbol[];
  routes: Route[];
  commands: CliCommand[];
  config: ConfigKey[];
  errors: ErrorPath[];
  tests: TestCase[];
}

export function newFactsBuilder(): FactsBuilder {
  return { imports: [], symbols: [], routes: [], commands: [], config: [], errors: [], tests: [] };
}
