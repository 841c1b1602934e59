// Registers <twitch-check> once, however many times the widget script is included.
import { TwitchCheckElement } from "./twitch-check-element.js";

if (!customElements.get("twitch-check")) customElements.define("twitch-check", TwitchCheckElement);
