// The full twitchcheck module (assess, analyze, report, JournalSession …). Every function
// takes JSON text and gives JSON text (html and csv reports: that text), byte for byte what
// the command-line tool prints. Bad input never throws: the answer is a
// `twitchcheck.error/1` document naming the JSON path.

/** A journal kept in the module between changes (docs/storage.md). Call delete() when done. */
export interface JournalSession {
  /** Whole-document validation, once. */
  load(journalJson: string): string;
  /** One record, checked as episodes[N] would be. */
  addEpisode(episodeJson: string): string;
  changeEpisode(episodeJson: string): string;
  deleteEpisode(id: string): string;
  putDay(dayJson: string): string;
  deleteDay(date: string): string;
  setPlan(planJson: string): string;
  addCheck(checkJson: string): string;
  /** `today`: YYYY-MM-DD. */
  analyze(today: string): string;
  report(today: string, format: ReportFormat, lang?: string): string;
  /** The journal as a twitchcheck.journal document. */
  document(): string;
  counts(): string;
  /** Frees the session's memory in the module. */
  delete(): void;
}

export type ReportFormat = "json" | "html" | "csv" | "fhir";

export interface TwitchCheckModule {
  /** A checker result (`twitchcheck.result/1`); `lang`: a language tag (de-AT → de), English by default. */
  assess(assessmentJson: string, lang?: string): string;
  /** `today`: YYYY-MM-DD. */
  analyze(journalJson: string, today: string): string;
  validateJournal(journalJson: string): string;
  report(journalJson: string, today: string, format: ReportFormat, lang?: string): string;
  /** An older journal, migrated to the current format and validated. */
  upgradeJournal(oldJournalJson: string): string;
  /** Another language's engine words: {"ok": true, "lang": …} or an error. */
  addLanguage(languageFileText: string): string;
  /** The built-in rules' own version (separate from the package's). */
  rulesVersion(): string;
  JournalSession: { new (): JournalSession };
}

/** Emscripten's module options, e.g. your own `wasmBinary` or `locateFile`. */
export interface TwitchCheckOptions {
  wasmBinary?: ArrayBuffer | Uint8Array;
  locateFile?: (file: string, prefix: string) => string;
  [option: string]: unknown;
}

/** A new instance of the module (in Node, its .wasm is read from the package). */
export function createTwitchCheck(options?: TwitchCheckOptions): Promise<TwitchCheckModule>;
export default createTwitchCheck;

/** The project's version (semver), the same as the widget's `version` and `twitchcheck --version`. */
export const version: string;
