// The checker's steps: its questions in the contract's names and order, the person's
// answers and the assessment document made from them, the emergency numbers, and one view per step.

import { format } from "../shared/text.js";
import { h, reveal } from "../shared/dom.js";
import { bodyFigure, sidesFor } from "../shared/body-figure.js";

// The contract's names, in the contract's order (checker.md).
const regionGroups = {
  head: ["eyelid", "face", "tongue"],
  arms: ["shoulder", "upper_arm", "forearm", "hand"],
  trunk: ["neck", "chest", "back", "abdomen"],
  legs: ["thigh", "calf", "foot"],
};
const regionOrder = Object.values(regionGroups).flat();
const findingOrder = ["spreading", "muscle_wasting", "weakness", "weakness_progressive", "asymmetric",
  "numbness_tingling", "coordination_changes", "slurred_speech", "swallowing_difficulty",
  "family_history", "worsening", "cramps", "sudden_onset_neuro", "breathing_hard_now",
  "breathing_problems", "function_loss", "behaviour_changes", "stiffness", "medicine_suspected"];
// How the page asks them (docs/decisions.md, "The signs, grouped"): the two signs of an
// emergency first, on a step of their own, where a "yes" leads straight to the result;
// then the rest in three groups on one step, each with a "None of these".
export const nowFindings = ["sudden_onset_neuro", "breathing_hard_now"];
const signGroups = {
  speech: ["breathing_problems", "slurred_speech", "swallowing_difficulty"],
  strength: ["muscle_wasting", "weakness", "weakness_progressive", "function_loss", "asymmetric", "coordination_changes"],
  body: ["spreading", "worsening", "numbness_tingling", "stiffness", "cramps", "behaviour_changes",
    "medicine_suspected", "family_history"],
};
const triggerOrder = ["caffeine", "stress", "fatigue", "dehydration", "intense_exercise", "poor_sleep"];
export const steps = ["where", "howLong", "tried", "now", "signs", "triggers"];

export function freshAnswers() {
  return {
    regions: new Map(), // region -> side
    days: "",
    lifestyle: null, // "yes" | "no" | null
    weeks: "0",
    improved: null, // "yes" | "no" | "unsure" | null
    findings: {}, // key -> "yes" | "no" | "unsure"
    triggers: new Set(),
  };
}


const wholeNumber = (text, max) => /^\d+$/.test(text.trim()) && Number(text) <= max;

// The assessment document for the engine; "not sure" and unanswered findings are left out.
export function toAssessment(answers) {
  const weeks = Number(answers.weeks) || 0;
  const findings = {};
  for (const key of findingOrder) {
    const answer = answers.findings[key];
    if (answer === "yes" || answer === "no") findings[key] = answer === "yes";
  }
  return {
    schema: "twitchcheck.assessment/1",
    duration_days: Number(answers.days),
    lifestyle_changes_tried: answers.lifestyle === "yes",
    self_care_weeks: weeks,
    improved: weeks > 0 && answers.improved !== "unsure" && answers.improved !== null
      ? answers.improved === "yes" : null,
    regions: regionOrder.filter((r) => answers.regions.has(r))
      .map((region) => ({ region, side: answers.regions.get(region) })),
    findings,
    triggers: triggerOrder.filter((t) => answers.triggers.has(t)),
  };
}

// The emergency numbers the result may offer as a tel: link, by the region subtag of the
// page's locale (docs/glossary.md, "Emergency numbers the app knows"). Anywhere else the
// page says "your local emergency number" and links nothing, with no other country's
// number: a wrong number in a crisis costs more than no link. The examples (911 / 112 /
// 999) show under a linked number: the region comes from the language list, which says
// little about where the person is.
// Sources: the single European emergency number 112 (European Electronic Communications
// Code, Directive (EU) 2018/1972, art. 109) for the 27 EU countries; the Swiss federal
// emergency numbers (112; 144 is the ambulance); UK emergency services (999, 112 also
// works); the national 911 of the United States, Canada and Mexico; Triple Zero (000) in
// Australia; 111 in New Zealand; 119 for an ambulance in Japan and in South Korea.

const eu = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
  "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"];

const numbers = new Map([
  ...eu.map((region) => [region, "112"]),
  ["CH", "112"],
  ["GB", "999"],
  ["US", "911"], ["CA", "911"], ["MX", "911"],
  ["AU", "000"], ["NZ", "111"], ["JP", "119"], ["KR", "119"],
]);

// The number for the first of `locales` (BCP 47 tags, best guess first) that names a
// region; null when that region's number is not in the table, or no tag names a region.
function emergencyNumber(locales) {
  for (const tag of locales) {
    let region;
    try {
      region = tag ? new Intl.Locale(tag).region : undefined;
    } catch {
      continue; // not a language tag
    }
    if (region) return numbers.get(region) ?? null;
  }
  return null;
}

// Where the page itself is read: its own language tag, then the browser's languages.
export function pageLocales(...first) {
  return [...first, globalThis.document?.documentElement.lang, ...(globalThis.navigator?.languages ?? [])];
}

// `ctx`: the mounted checker's { m (its words), id (the id prefix), locales }.
export function controls(ctx) {
  const { m, id } = ctx;

  // A step's message sits beside the field it is about (each step places its own box),
  // is read with the field (aria-describedby), and is scrolled into sight.
  const errorBox = (name) => h("p", { class: "tc-error", id: `${id}-${name}-error`, role: "alert", hidden: true });

  function showFieldError({ field, box, message }) {
    box.textContent = message;
    box.hidden = false;
    field.setAttribute("aria-invalid", "true");
    const described = (field.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
    if (!described.includes(box.id)) field.setAttribute("aria-describedby", [...described, box.id].join(" "));
    field.focus({ preventScroll: true });
    reveal(box, "center", [field]);
  }

  const radioGroup = (name, legend, choices, current, onChange, extraClass) =>
    h("fieldset", { class: `tc-choice ${extraClass ?? ""}`.trim() },
      h("legend", null, legend),
      h("div", { class: "tc-choice-options" },
        choices.map(([value, label]) => {
          const inputId = `${id}-${name}-${value}`;
          return h("span", { class: "tc-option" },
            h("input", { type: "radio", name: `${id}-${name}`, id: inputId, value,
              checked: current === value, onchange: () => onChange(value) }),
            h("label", { for: inputId }, label));
        })));

  const yesNoUnsure = [["yes", m.answers.yes], ["no", m.answers.no], ["unsure", m.answers.notSure]];

  // One sign's question: Yes / No / Not sure, its answer kept in `given`.
  function questionBox(key, given, onChange) {
    const box = radioGroup(`finding-${key}`, m.findings[key], yesNoUnsure, given[key],
      (value) => { given[key] = value; onChange(); }, "tc-question");
    box.dataset.finding = key;
    return box;
  }

  // A tel: link only where the locale's number is known, with the common numbers under it
  // as plain text (the region comes from the language list, which may not be where the
  // person is). Elsewhere nothing: the words already say "your local emergency number",
  // and other countries' numbers would only mislead.
  function emergencyNumberView() {
    const number = emergencyNumber(ctx.locales);
    return number ? [h("p", { class: "tc-call" }, h("a", { href: `tel:${number}` }, format(m.result.call, { number }))),
      h("p", { class: "tc-detail tc-call-examples" }, m.result.emergencyExamples)] : null;
  }

  return { errorBox, showFieldError, radioGroup, yesNoUnsure, questionBox, emergencyNumberView };
}

// The answers of `keys` only, unanswered ones left out.
const pick = (given, keys) => Object.fromEntries(keys.filter((key) => key in given).map((key) => [key, given[key]]));

// ---- the steps: each takes the mounted checker's `ctx` (see controls) ----

// One place in the list: its box, and its side once ticked.
function regionRow(ctx, region, chosen, setRegion) {
  const { m, id } = ctx;
  const boxId = `${id}-region-${region}`;
  const selectId = `${boxId}-side`;
  const side = chosen.get(region);
  // Only the sides the part has; a side given before (an older check's eyelid "in the
  // middle") stays offered. Ticked without a side: both, or the middle.
  const offered = sidesFor(region, side);
  const select = h("select", { id: selectId, disabled: !side },
    offered.map((s) => h("option", { value: s }, m.sides[s])));
  select.value = side ?? offered[offered.length - 1];
  select.addEventListener("change", () => setRegion(region, select.value));
  const box = h("input", { type: "checkbox", id: boxId, value: region, checked: Boolean(side) });
  box.addEventListener("change", () => setRegion(region, box.checked ? select.value : null));
  const sideBox = h("span", { class: "tc-side", hidden: !side },
    h("label", { for: selectId }, m.where.side,
      h("span", { class: "tc-visually-hidden" }, " ", format(m.where.sideFor, { region: m.regions[region] }))),
    select);
  const element = h("div", { class: "tc-region" },
    h("span", { class: "tc-option" }, box, h("label", { for: boxId }, m.regions[region])),
    sideBox);
  return { element, box, select, sideBox };
}

function where(ctx) {
  const { m, state } = ctx;
  const chosen = new Map(state.answers.regions);
  const rows = new Map();
  const error = ctx.parts.errorBox("where");
  const figure = bodyFigure({
    frontLabel: m.where.figureFront,
    backLabel: m.where.figureBack,
    selected: () => chosen,
    choose: (region, side) => setRegion(region, side),
  });
  function setRegion(region, side) {
    if (side) chosen.set(region, side);
    else chosen.delete(region);
    const row = rows.get(region);
    row.box.checked = Boolean(side);
    row.select.value = side ?? row.select.value;
    row.sideBox.hidden = !side;
    row.select.disabled = !side;
    figure.refresh();
  }
  const groups = Object.entries(regionGroups).map(([group, regions]) =>
    h("fieldset", { class: "tc-group" },
      h("legend", null, m.where.groups[group]),
      regions.map((region) => {
        const row = regionRow(ctx, region, chosen, setRegion);
        rows.set(region, row);
        return row.element;
      })));
  return {
    title: m.where.title,
    hint: m.where.hint,
    content: h("div", { class: "tc-where" },
      h("div", { class: "tc-figure-box" }, figure.element,
        h("p", { class: "tc-figure-hint", "aria-hidden": "true" }, m.where.figureHint)),
      h("div", { class: "tc-region-list", role: "group", "aria-label": m.where.listLegend }, error, groups)),
    save() { state.answers.regions = new Map(chosen); },
    validate() {
      return chosen.size === 0
        ? { field: rows.get(regionOrder[0]).box, box: error, message: m.where.needOne } : null;
    },
  };
}

const numberInput = (inputId, describedBy) => h("input", { id: inputId, type: "text", inputmode: "numeric",
  autocomplete: "off", pattern: "[0-9]*", class: "tc-number", "aria-describedby": describedBy });

function howLong(ctx) {
  const { m, id, state } = ctx;
  const inputId = `${id}-days`;
  const input = numberInput(inputId, `${inputId}-hint`);
  input.value = state.answers.days;
  const error = ctx.parts.errorBox("days");
  return {
    title: m.howLong.title,
    content: h("div", { class: "tc-field" },
      h("label", { for: inputId }, m.howLong.daysLabel),
      h("p", { class: "tc-hint", id: `${inputId}-hint` }, m.howLong.daysHint),
      input, error),
    save() { state.answers.days = input.value.trim(); },
    validate() {
      return wholeNumber(input.value, 36500) ? null : { field: input, box: error, message: m.howLong.needDays };
    },
  };
}

function tried(ctx) {
  const { m, id, state, parts } = ctx;
  const weeksId = `${id}-weeks`;
  const weeks = numberInput(weeksId, `${weeksId}-plan ${weeksId}-hint`);
  weeks.value = state.answers.weeks;
  const error = parts.errorBox("weeks");
  let lifestyle = state.answers.lifestyle;
  let improved = state.answers.improved;
  const improvedBox = parts.radioGroup("improved", m.tried.improvedLegend, parts.yesNoUnsure, improved,
    (value) => { improved = value; });
  const syncImproved = () => { improvedBox.hidden = !(Number(weeks.value) > 0); };
  weeks.addEventListener("input", syncImproved);
  syncImproved();
  return {
    title: m.tried.title,
    content: h("div", null,
      parts.radioGroup("lifestyle", m.tried.lifestyleLegend, [["yes", m.answers.yes], ["no", m.answers.no]],
        lifestyle, (value) => { lifestyle = value; }),
      h("div", { class: "tc-field" },
        h("p", { class: "tc-plan-summary", id: `${weeksId}-plan` }, m.tried.planSummary),
        h("label", { for: weeksId }, m.tried.weeksLabel),
        h("p", { class: "tc-hint", id: `${weeksId}-hint` }, m.tried.weeksHint),
        weeks, error),
      improvedBox),
    save() {
      state.answers.lifestyle = lifestyle;
      state.answers.weeks = weeks.value.trim() === "" ? "0" : weeks.value.trim();
      state.answers.improved = improved;
    },
    validate() {
      return wholeNumber(weeks.value === "" ? "0" : weeks.value, 520)
        ? null : { field: weeks, box: error, message: m.tried.needWeeks };
    },
  };
}

// The two signs of an emergency, asked first. A "yes" to either shows the call at
// once, and the main button goes straight to the result: nothing else is asked.
function now(ctx, step) {
  const { m, state, parts } = ctx;
  const given = { ...state.answers.findings };
  const anyYes = () => nowFindings.some((key) => given[key] === "yes");
  const call = h("div", { class: "tc-now-call tc-urgent-box tc-level-emergency", hidden: !anyYes() },
    h("p", { class: "tc-headline" }, m.levels.emergency.headline),
    parts.emergencyNumberView());
  const live = h("div", { "aria-live": "assertive" }, call);
  return {
    title: m.now.title,
    hint: m.now.hint,
    content: h("div", { class: "tc-signs tc-now" },
      nowFindings.map((key) => parts.questionBox(key, given, () => {
        call.hidden = !anyYes();
        step.changed();
      })),
      live),
    straightToResult: anyYes,
    save() { Object.assign(state.answers.findings, pick(given, nowFindings)); },
    validate: () => null,
  };
}

// The other signs in three groups; "None of these" answers "No" to each question of
// its group not answered yet: a "Yes" or "Not sure" given (or filled in from the
// journal) is never turned into "No" by it. Each stays a question that can be changed.
function signs(ctx) {
  const { m, id, state, parts } = ctx;
  const given = { ...state.answers.findings };
  const groups = Object.entries(signGroups).map(([group, keys]) => {
    const headId = `${id}-signs-${group}`;
    const boxes = keys.map((key) => parts.questionBox(key, given, () => { status.textContent = ""; }));
    const status = h("p", { class: "tc-status tc-none-status", role: "status" });
    const none = h("button", { type: "button", class: "tc-secondary tc-none", "aria-describedby": headId,
      onclick: () => {
        for (const [i, key] of keys.entries()) {
          if (given[key] !== undefined) continue; // an answer given (or filled in) stays
          given[key] = "no";
          boxes[i].querySelector('input[value="no"]').checked = true;
        }
        status.textContent = m.signs.noneDone;
      } }, m.signs.none);
    return h("section", { class: "tc-sign-group", "aria-labelledby": headId, "data-group": group },
      ctx.heading(m.signs.groups[group], 1, { id: headId }),
      boxes,
      h("div", { class: "tc-none-row" }, none, status));
  });
  const keys = Object.values(signGroups).flat();
  return {
    title: m.signs.title,
    hint: m.signs.hint,
    content: h("div", { class: "tc-signs" }, groups),
    save() { Object.assign(state.answers.findings, pick(given, keys)); },
    validate: () => null,
  };
}

function triggers(ctx) {
  const { m, id, state } = ctx;
  const picked = new Set(state.answers.triggers);
  return {
    title: m.triggers.title,
    hint: m.triggers.hint,
    content: h("fieldset", { class: "tc-choice tc-triggers" },
      h("legend", null, m.triggers.legend),
      triggerOrder.map((trigger) => {
        const boxId = `${id}-trigger-${trigger}`;
        return h("span", { class: "tc-option" },
          h("input", { type: "checkbox", id: boxId, value: trigger, checked: picked.has(trigger),
            onchange: (event) => {
              if (event.target.checked) picked.add(trigger);
              else picked.delete(trigger);
            } }),
          h("label", { for: boxId }, m.triggers[trigger]));
      })),
    save() { state.answers.triggers = picked; },
    validate: () => null,
  };
}

// Each step's view by its name: { title, hint, content, save(), validate(), straightToResult? }.
export const stepBuilders = { where, howLong, tried, now, signs, triggers };
