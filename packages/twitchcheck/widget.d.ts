// <twitch-check>: import "twitchcheck/widget" defines it. Attributes are its API; see
// custom-elements.json and the embedding guide (docs/embedding.md).

export type TwitchCheckLevel = "emergency" | "immediate" | "urgent" | "prompt" | "consult" | "monitor" | "self_care";

/** The detail of `twitchcheck:result` (only with the `share-result` attribute): never the answers. */
export interface TwitchCheckResultDetail {
  readonly level: TwitchCheckLevel;
  readonly rules: readonly string[];
}

export class TwitchCheckElement extends HTMLElement {
  /** The project's version (semver). */
  readonly version: string;
  static readonly observedAttributes: string[];
}

/** The project's version (semver). */
export const version: string;

declare global {
  interface HTMLElementTagNameMap {
    "twitch-check": TwitchCheckElement;
  }
  interface HTMLElementEventMap {
    "twitchcheck:result": CustomEvent<TwitchCheckResultDetail>;
  }
}
