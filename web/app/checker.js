// The checker: a short guided flow, then the result. It renders into any root (a document
// element or a shadow root), so the app screen and the embeddable widget share this code.
// Answers live in memory only; nothing here touches storage or the network.

import { format } from "./shared/text.js";
import { checkerEngine, isError } from "./shared/engine.js";
import { h, idPrefix, reveal } from "./shared/dom.js";
import { bodyFigure } from "./shared/body-figure.js";
import { emergencyNumber, pageLocales } from "./emergency-numbers.js";

// The contract's names, in the contract's order (checker.md).
const regionGroups = {
  head: ["eyelid", "face", "tongue"],
  arms: ["shoulder", "upper_arm", "forearm", "hand"],
  trunk: ["neck", "chest", "back", "abdomen"],
  legs: ["thigh", "calf", "foot"],
};
const regionOrder = Object.values(regionGroups).flat();
const midlineRegions = new Set(["tongue", "neck", "chest", "back", "abdomen"]);
const sides = ["left", "right", "both", "midline"];
const findingOrder = ["spreading", "muscle_wasting", "weakness", "weakness_progressive", "asymmetric",
  "numbness_tingling", "coordination_changes", "slurred_speech", "swallowing_difficulty",
  "family_history", "worsening", "cramps", "sudden_onset_neuro", "breathing_hard_now",
  "breathing_problems", "function_loss", "behaviour_changes", "stiffness", "medicine_suspected"];
// How the page asks them (docs/decisions.md, "The signs, grouped"): the two signs of an
// emergency first, on a step of their own, where a "yes" leads straight to the result;
// then the rest in three groups on one step, each with a "None of these".
const nowFindings = ["sudden_onset_neuro", "breathing_hard_now"];
const signGroups = {
  speech: ["breathing_problems", "slurred_speech", "swallowing_difficulty"],
  strength: ["muscle_wasting", "weakness", "weakness_progressive", "function_loss", "asymmetric", "coordination_changes"],
  body: ["spreading", "worsening", "numbness_tingling", "stiffness", "cramps", "behaviour_changes",
    "medicine_suspected", "family_history"],
};
const triggerOrder = ["caffeine", "stress", "fatigue", "dehydration", "intense_exercise", "poor_sleep"];
const steps = ["where", "howLong", "tried", "now", "signs", "triggers"];
// The steps' names in order (embed.js counts them: see there).
export const checkerSteps = Object.freeze([...steps]);
// Levels whose result says one thing: the action now, and the reason for it.
const urgentLevels = new Set(["emergency", "immediate"]);

function freshAnswers() {
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

// Answers pre-filled from an assessment document (the journal's `suggested_assessment`);
// whatever it does not say stays unanswered. Two sides of one region become "both".
export function answersFrom(assessment) {
  const answers = freshAnswers();
  for (const { region, side } of assessment.regions ?? []) {
    const had = answers.regions.get(region);
    answers.regions.set(region, had === undefined || had === side ? side : "both");
  }
  if (Number.isInteger(assessment.duration_days)) answers.days = String(assessment.duration_days);
  if (typeof assessment.lifestyle_changes_tried === "boolean") answers.lifestyle = assessment.lifestyle_changes_tried ? "yes" : "no";
  if (Number.isInteger(assessment.self_care_weeks)) answers.weeks = String(assessment.self_care_weeks);
  if (typeof assessment.improved === "boolean") answers.improved = assessment.improved ? "yes" : "no";
  for (const [key, value] of Object.entries(assessment.findings ?? {})) answers.findings[key] = value ? "yes" : "no";
  for (const trigger of assessment.triggers ?? []) answers.triggers.add(trigger);
  return answers;
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

// Mounts the checker into `root`. Options: `engine` (default: the checker-only module beside app/),
// `headingLevel` (1 on a page of its own, 2 inside an article), `appLink` (URL of the full
// app, shown on the result), `onResult({level, rules})` (called after each result),
// `focusOnStart` (move focus to the first step's heading; off for a page just opened),
// `intro` (false: no title and introduction above the first step, when a host has shown them).
// `initial` (an assessment document that pre-fills the answers), `lang` (a language tag
// read before the page's and the browser's when the region's emergency number is looked
// up: the widget's `lang`) and `resultSlot(assessment, result)` (a node shown high on the
// result, given both in full: the app's journal saves them there; never the widget's).
// `words` (lang/<tag>/checker.json) and `language` (its tag, which the engine's causes,
// actions and advice are asked in) are required: the app and the widget load their own.
export function mountChecker(root, options = {}) {
  const m = options.words;
  const language = options.language;
  const engine = options.engine ?? checkerEngine;
  const level = Math.min(Math.max(options.headingLevel ?? 1, 1), 5);
  const id = idPrefix();
  const locales = pageLocales(options.lang);
  const container = h("div", { class: "tc-checker" });
  root.append(container);

  let answers = options.initial ? answersFrom(options.initial) : freshAnswers();
  let stepIndex = 0;

  // The module loads on the first sign of interest, so a page that never uses the
  // checker never downloads it.
  const warmOnce = () => {
    for (const type of ["pointerdown", "focusin", "keydown"]) container.removeEventListener(type, warmOnce);
    engine.warm(language).catch(() => {}); // a failure shows up when the result is asked for
  };
  for (const type of ["pointerdown", "focusin", "keydown"]) container.addEventListener(type, warmOnce);

  const heading = (text, extra = 0, attrs = {}) =>
    h(`h${Math.min(level + extra, 6)}`, attrs, text);

  // Each view replaces the last; focus moves to its heading so a screen reader starts
  // there, and the view's top comes into sight (a question asked for by name comes to the
  // middle). The first view does neither: it must not pull a host page's scroll.
  function show(view, focusTarget, focus = true) {
    container.replaceChildren(view);
    if (!focus) return;
    const target = focusTarget ?? view.querySelector("[data-focus-first]");
    target?.focus({ preventScroll: true });
    if (target && !target.hasAttribute("tabindex")) reveal(target, "center");
    else reveal(view, "start");
  }

  // ---- the steps -------------------------------------------------------------------

  function renderStep(index, focusSelector, focus = true) {
    stepIndex = index;
    const name = steps[index];
    const titleId = `${id}-${name}-title`;
    // A step that can lead straight to the result (the emergency signs) calls `changed`
    // when its answers change, and the main button says where it goes.
    const step = { changed: () => {} };
    const body = stepBuilders[name](step);
    const withIntro = index === 0 && options.intro !== false;
    const last = index === steps.length - 1;
    const primaryLabel = () => (body.straightToResult?.() ? m.now.seeWhatToDo : last ? m.flow.seeResult : m.flow.next);
    const primary = h("button", { type: "submit", class: "tc-primary" }, primaryLabel());
    step.changed = () => { primary.textContent = primaryLabel(); };
    const form = h("form", { class: "tc-step", novalidate: true, "aria-labelledby": titleId, "data-step": name },
      withIntro ? [
        heading(m.flow.title, 0, { class: "tc-title" }),
        h("p", { class: "tc-intro" }, m.flow.intro),
        h("p", { class: "tc-privacy" }, m.flow.introPrivacy),
      ] : null,
      h("p", { class: "tc-progress" }, format(m.flow.stepOf, { n: index + 1, total: steps.length })),
      heading(body.title, withIntro ? 1 : 0, { id: titleId, tabindex: "-1", "data-focus-first": true }),
      body.hint ? h("p", { class: "tc-hint" }, body.hint) : null,
      body.content,
      h("div", { class: "tc-actions" },
        index > 0 ? h("button", { type: "button", class: "tc-secondary", onclick: () => {
          body.save();
          renderStep(index - 1);
        } }, m.flow.back) : null,
        primary));

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      body.save();
      const problem = body.validate();
      if (problem) {
        showFieldError(problem);
        return;
      }
      if (!last && !body.straightToResult?.()) renderStep(index + 1);
      else checkAnswers();
    });

    show(form, focusSelector ? form.querySelector(focusSelector) : undefined, focus);
  }

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
  // The answers of `keys` only, unanswered ones left out.
  const pick = (given, keys) => Object.fromEntries(keys.filter((key) => key in given).map((key) => [key, given[key]]));

  const stepBuilders = {
    where() {
      const chosen = new Map(answers.regions);
      const rows = new Map();
      const error = errorBox("where");
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
            const boxId = `${id}-region-${region}`;
            const selectId = `${boxId}-side`;
            const side = chosen.get(region);
            const select = h("select", { id: selectId, disabled: !side },
              sides.map((s) => h("option", { value: s }, m.sides[s])));
            select.value = side ?? (midlineRegions.has(region) ? "midline" : "both");
            select.addEventListener("change", () => setRegion(region, select.value));
            const box = h("input", { type: "checkbox", id: boxId, value: region, checked: Boolean(side) });
            box.addEventListener("change", () => setRegion(region, box.checked ? select.value : null));
            const sideBox = h("span", { class: "tc-side", hidden: !side },
              h("label", { for: selectId }, m.where.side,
                h("span", { class: "tc-visually-hidden" }, " ", format(m.where.sideFor, { region: m.regions[region] }))),
              select);
            rows.set(region, { box, select, sideBox });
            return h("div", { class: "tc-region" },
              h("span", { class: "tc-option" }, box, h("label", { for: boxId }, m.regions[region])),
              sideBox);
          })));
      return {
        title: m.where.title,
        hint: m.where.hint,
        content: h("div", { class: "tc-where" },
          h("div", { class: "tc-figure-box" }, figure.element,
            h("p", { class: "tc-figure-hint", "aria-hidden": "true" }, m.where.figureHint)),
          h("div", { class: "tc-region-list", role: "group", "aria-label": m.where.listLegend }, error, groups)),
        save() { answers.regions = new Map(chosen); },
        validate() {
          return chosen.size === 0
            ? { field: rows.get(regionOrder[0]).box, box: error, message: m.where.needOne } : null;
        },
      };
    },

    howLong() {
      const inputId = `${id}-days`;
      const input = h("input", { id: inputId, type: "text", inputmode: "numeric", autocomplete: "off",
        pattern: "[0-9]*", class: "tc-number", "aria-describedby": `${inputId}-hint` });
      input.value = answers.days;
      const error = errorBox("days");
      return {
        title: m.howLong.title,
        content: h("div", { class: "tc-field" },
          h("label", { for: inputId }, m.howLong.daysLabel),
          h("p", { class: "tc-hint", id: `${inputId}-hint` }, m.howLong.daysHint),
          input, error),
        save() { answers.days = input.value.trim(); },
        validate() {
          return wholeNumber(input.value, 36500) ? null : { field: input, box: error, message: m.howLong.needDays };
        },
      };
    },

    tried() {
      const weeksId = `${id}-weeks`;
      const weeks = h("input", { id: weeksId, type: "text", inputmode: "numeric", autocomplete: "off",
        pattern: "[0-9]*", class: "tc-number", "aria-describedby": `${weeksId}-plan ${weeksId}-hint` });
      weeks.value = answers.weeks;
      const error = errorBox("weeks");
      let lifestyle = answers.lifestyle;
      let improved = answers.improved;
      const improvedBox = radioGroup("improved", m.tried.improvedLegend, yesNoUnsure, improved,
        (value) => { improved = value; });
      const syncImproved = () => { improvedBox.hidden = !(Number(weeks.value) > 0); };
      weeks.addEventListener("input", syncImproved);
      syncImproved();
      return {
        title: m.tried.title,
        content: h("div", null,
          radioGroup("lifestyle", m.tried.lifestyleLegend, [["yes", m.answers.yes], ["no", m.answers.no]],
            lifestyle, (value) => { lifestyle = value; }),
          h("div", { class: "tc-field" },
            h("p", { class: "tc-plan-summary", id: `${weeksId}-plan` }, m.tried.planSummary),
            h("label", { for: weeksId }, m.tried.weeksLabel),
            h("p", { class: "tc-hint", id: `${weeksId}-hint` }, m.tried.weeksHint),
            weeks, error),
          improvedBox),
        save() {
          answers.lifestyle = lifestyle;
          answers.weeks = weeks.value.trim() === "" ? "0" : weeks.value.trim();
          answers.improved = improved;
        },
        validate() {
          return wholeNumber(weeks.value === "" ? "0" : weeks.value, 520)
            ? null : { field: weeks, box: error, message: m.tried.needWeeks };
        },
      };
    },

    // The two signs of an emergency, asked first. A "yes" to either shows the call at
    // once, and the main button goes straight to the result: nothing else is asked.
    now(step) {
      const given = { ...answers.findings };
      const anyYes = () => nowFindings.some((key) => given[key] === "yes");
      const call = h("div", { class: "tc-now-call tc-urgent-box tc-level-emergency", hidden: !anyYes() },
        h("p", { class: "tc-headline" }, m.levels.emergency.headline),
        emergencyNumberView());
      const live = h("div", { "aria-live": "assertive" }, call);
      return {
        title: m.now.title,
        hint: m.now.hint,
        content: h("div", { class: "tc-signs tc-now" },
          nowFindings.map((key) => questionBox(key, given, () => {
            call.hidden = !anyYes();
            step.changed();
          })),
          live),
        straightToResult: anyYes,
        save() { Object.assign(answers.findings, pick(given, nowFindings)); },
        validate: () => null,
      };
    },

    // The other signs in three groups; "None of these" answers "No" to each question of
    // its group not answered yet: a "Yes" or "Not sure" given (or filled in from the
    // journal) is never turned into "No" by it. Each stays a question that can be changed.
    signs() {
      const given = { ...answers.findings };
      const groups = Object.entries(signGroups).map(([group, keys]) => {
        const headId = `${id}-signs-${group}`;
        const boxes = keys.map((key) => questionBox(key, given, () => { status.textContent = ""; }));
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
          heading(m.signs.groups[group], 1, { id: headId }),
          boxes,
          h("div", { class: "tc-none-row" }, none, status));
      });
      const keys = Object.values(signGroups).flat();
      return {
        title: m.signs.title,
        hint: m.signs.hint,
        content: h("div", { class: "tc-signs" }, groups),
        save() { Object.assign(answers.findings, pick(given, keys)); },
        validate: () => null,
      };
    },

    triggers() {
      const picked = new Set(answers.triggers);
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
        save() { answers.triggers = picked; },
        validate: () => null,
      };
    },
  };

  // ---- checking ----------------------------------------------------------------------

  async function checkAnswers() {
    const status = h("p", { class: "tc-status", role: "status", tabindex: "-1" }, m.engine.checking);
    show(h("div", { class: "tc-step" }, status), status);
    let result;
    try {
      result = await engine.assess(toAssessment(answers), language);
    } catch {
      renderEngineFailure();
      return;
    }
    if (isError(result)) {
      renderError(result.error);
      return;
    }
    const slot = options.resultSlot?.(toAssessment(answers), result) ?? null;
    if (urgentLevels.has(result.level)) renderUrgentResult(result, slot);
    else renderResult(result, slot);
    options.onResult?.({ level: result.level, rules: result.fired.map((rule) => rule.id) });
  }

  function renderEngineFailure() {
    const title = heading(m.engine.failedTitle, 0, { tabindex: "-1" });
    show(h("section", { class: "tc-step tc-problem" }, title,
      h("p", null, m.engine.failedText),
      h("div", { class: "tc-actions" },
        h("button", { type: "button", class: "tc-primary", onclick: checkAnswers }, m.engine.retry),
        h("button", { type: "button", class: "tc-secondary", onclick: () => renderStep(stepIndex) },
          m.flow.back))), title);
  }

  function renderError(error) {
    const title = heading(m.error.title, 0, { tabindex: "-1" });
    show(h("section", { class: "tc-step tc-problem" }, title,
      h("p", null, m.error.text),
      h("p", { class: "tc-muted" }, format(m.error.detail, { path: error?.path ?? "", message: error?.message ?? "" })),
      h("div", { class: "tc-actions" },
        h("button", { type: "button", class: "tc-primary", onclick: () => renderStep(0) }, m.error.back))), title);
  }

  // ---- the result: one view per kind, built from small parts ---------------------------

  // Every level but the two urgent ones: the verdict, every reason with what to do, the
  // open questions, the self-care tips.
  function renderResult(result, slot) {
    showResult(result,
      verdictView(result),
      slot,
      whyView(result),
      unansweredView(result),
      section("advice", h("ul", { class: "tc-advice-list" }, result.advice.map((text) => h("li", null, text)))),
      disclaimerView(result));
  }

  // Emergency and same-day: one instruction (the verdict) and the reason that triggered
  // it. The rest of what fired waits under a closed "Also in your answers", for a doctor;
  // no self-care tips and no self-care reason, which would only blur the one instruction.
  function renderUrgentResult(result, slot) {
    const top = result.fired.filter((rule) => rule.level === result.level);
    const others = result.fired.filter((rule) => rule.level !== result.level && rule.level !== "self_care");
    showResult(result,
      verdictView(result),
      section("why", h("ul", { class: "tc-fired" }, top.map((rule) =>
        h("li", { class: `tc-rule tc-rule-${rule.level}` },
          heading(rule.cause, 2, { class: "tc-cause" }),
          sourceView(rule))))),
      slot,
      unansweredView(result),
      alsoView(others, result.checklist_count),
      disclaimerView(result));
  }

  function showResult(result, ...parts) {
    const title = heading(m.result.title, 0, { tabindex: "-1", class: "tc-result-title", id: `${id}-result-title` });
    show(h("section", { class: "tc-result", "aria-labelledby": title.id },
      title,
      ifTrueView(result),
      parts,
      h("div", { class: "tc-actions" },
        h("button", { type: "button", class: "tc-primary", onclick: () => renderStep(0) }, m.result.change),
        h("button", { type: "button", class: "tc-secondary", onclick: () => {
          answers = freshAnswers();
          renderStep(0);
        } }, m.result.startAgain)),
      options.appLink ? h("p", null,
        h("a", { href: options.appLink, target: "_blank", rel: "noopener" }, m.result.openApp)) : null,
      h("p", { class: "tc-muted tc-version" }, format(m.result.rulesVersion, { version: result.rules_version }))),
    title);
  }

  const levelText = (name) => m.levels[name] ?? { name, headline: name, detail: "" };
  const becauseText = (fact) => m.because[fact] ?? m.findingNames[fact] ?? fact;

  // A titled part of the result: its heading is m.result[key + "Title"].
  function section(key, ...children) {
    const headId = `${id}-${key}`;
    return h("section", { class: `tc-section tc-${key}`, "aria-labelledby": headId },
      heading(m.result[`${key}Title`], 1, { id: headId }), children);
  }

  // The signs left open (skipped or "Not sure") whose "yes" alone would make the result
  // an emergency or same-day one (the result's `if_true`), by that level.
  const openUrgent = (result, level) => Object.entries(result.if_true ?? {})
    .filter(([, wouldBe]) => wouldBe === level).map(([key]) => key);

  // The result's first words when such a sign is open: what to do if it might be there.
  function ifTrueView(result) {
    const box = (level, intro) => {
      const keys = openUrgent(result, level);
      return keys.length === 0 ? null : h("div", { class: `tc-if-true tc-urgent-box tc-level-${level}` },
        h("p", { class: "tc-headline" }, intro),
        h("ul", { class: "tc-if-true-list" }, keys.map((key) => h("li", null, m.findingNames[key] ?? key))),
        level === "emergency" ? emergencyNumberView() : null);
    };
    return [box("emergency", m.result.ifTrueEmergency), box("immediate", m.result.ifTrueImmediate)];
  }

  function verdictView(result) {
    const words = levelText(result.level);
    // Self-care is not called harmless while a sign of an emergency or a same-day visit
    // is open: the headline then says it holds only if none of those signs fit.
    const open = result.level === "self_care" && [...urgentLevels].some((wouldBe) => openUrgent(result, wouldBe).length > 0);
    const headline = open ? m.result.selfCareIfNone : words.headline;
    return h("div", { class: `tc-verdict tc-level-${result.level}${open ? " tc-verdict-open" : ""}` },
      h("p", { class: "tc-level" },
        h("span", { class: "tc-level-label" }, m.result.levelLabel, " "),
        h("strong", { class: "tc-level-name" }, words.name)),
      h("p", { class: "tc-headline" }, headline),
      result.level === "emergency" ? emergencyNumberView() : null,
      words.detail ? h("p", { class: "tc-detail" }, words.detail) : null);
  }

  // A tel: link only where the locale's number is known; the examples always, as plain
  // text: the region comes from the language list, which may not be where the person is.
  function emergencyNumberView() {
    const number = emergencyNumber(locales);
    const examples = h("p", { class: "tc-detail tc-call-examples" }, m.result.emergencyExamples);
    return number
      ? [h("p", { class: "tc-call" }, h("a", { href: `tel:${number}` }, format(m.result.call, { number }))), examples]
      : examples;
  }

  // Where a rule comes from, in the page's words: the source article's section, general
  // safety, or the national guidance it follows. A rule that follows more than one names
  // each (found by their names in its `source`, in that order), joined with the words'
  // own "{first} and {second}"; a source the file does not know shows as it is.
  const sourceNames = { "general safety": m.result.generalSafety, ...m.result.sources };
  function sourceText(source) {
    const found = Object.keys(sourceNames).map((name) => [source.indexOf(name), name])
      .filter(([at]) => at >= 0).sort(([a], [b]) => a - b).map(([, name]) => sourceNames[name]);
    return found.length === 0 ? source
      : found.reduce((first, second) => format(m.result.sourceBoth, { first, second }));
  }
  const sourceView = (rule) => h("p", { class: "tc-source" }, format(m.result.source, { source: sourceText(rule.source) }));

  const checklistView = (count) => (count > 0 ? h("p", null, format(m.result.checklist, { count })) : null);

  function whyView(result) {
    return section("why",
      h("p", null, m.result.whyIntro),
      checklistView(result.checklist_count),
      h("ol", { class: "tc-fired" }, result.fired.map((rule) =>
        h("li", { class: `tc-rule tc-rule-${rule.level}` },
          h("p", { class: "tc-rule-level" }, levelText(rule.level).name),
          heading(rule.cause, 2, { class: "tc-cause" }),
          h("p", null, h("strong", null, m.result.whatToDo), " ", rule.action),
          rule.because.length > 0 ? [
            h("p", { class: "tc-because-label" }, m.result.because),
            h("ul", { class: "tc-because" }, rule.because.map((fact) => h("li", null, becauseText(fact)))),
          ] : null,
          sourceView(rule)))));
  }

  // The other reasons of an urgent result, closed until asked for: what each is about and
  // its level, not what to do (the verdict says that).
  function alsoView(rules, checklistCount) {
    if (rules.length === 0 && checklistCount === 0) return null;
    return h("details", { class: "tc-also" },
      h("summary", null, m.result.alsoTitle),
      h("p", null, m.result.alsoIntro),
      checklistView(checklistCount),
      h("ul", { class: "tc-fired" }, rules.map((rule) =>
        h("li", { class: `tc-rule tc-rule-${rule.level}` },
          h("p", { class: "tc-rule-level" }, levelText(rule.level).name),
          heading(rule.cause, 2, { class: "tc-cause" }),
          sourceView(rule)))));
  }

  // Questions whose "yes" would make the result more urgent: the ones answered "Not
  // sure" apart from the ones left blank, each a way back to its question.
  function unansweredView(result) {
    if (result.unanswered.length === 0) return null;
    const unsure = result.unanswered.filter((key) => answers.findings[key] === "unsure");
    const skipped = result.unanswered.filter((key) => answers.findings[key] !== "unsure");
    const list = (intro, keys) => (keys.length === 0 ? null : [
      h("p", null, intro),
      h("ul", { class: "tc-unanswered-list" }, keys.map((key) =>
        h("li", null, h("button", { type: "button", class: "tc-link-button",
          onclick: () => renderStep(steps.indexOf(nowFindings.includes(key) ? "now" : "signs"), `[data-finding="${key}"] input`) },
        format(m.result.answerThis, { question: m.findingNames[key] ?? key }))))),
    ]);
    return section("unanswered", list(m.result.notSureIntro, unsure), list(m.result.skippedIntro, skipped));
  }

  const disclaimerView = (result) => section("disclaimer", h("p", null, result.disclaimer));

  renderStep(0, null, options.focusOnStart ?? false);
  return {
    element: container,
    destroy() { container.remove(); },
  };
}
