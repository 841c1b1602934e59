// What a person does on each step of the checker for a vignette's `input`, as plain data
// read from the product's own messages: which heading they see, which boxes they tick,
// which fields they fill, which button moves on. No browser in here: Playwright's
// CheckerDriver (checker-flow.js) and the Firefox and WebKit runners (tests/cross-browser)
// both play the same plan, so a wording change lands in one place.
const fs = require("node:fs");
const path = require("node:path");

const repoDir = path.resolve(__dirname, "../..");

// The words a person sees in language `tag`: the product's own files, web/lang/<tag>/
// (checker.json for the checker and the widget, journal.json for the journal screens).
function pageWords(tag, part) {
  return JSON.parse(fs.readFileSync(path.join(repoDir, "web", "lang", tag, `${part}.json`), "utf8"));
}
async function loadMessages(tag = "en") {
  return pageWords(tag, "checker");
}
async function loadJournalMessages(tag = "en") {
  return pageWords(tag, "journal");
}

// The engine's words in language `tag` (core/lang/<tag>.json).
function engineWords(tag) {
  return JSON.parse(fs.readFileSync(path.join(repoDir, "core", "lang", `${tag}.json`), "utf8"));
}

// The languages the page offers (web/lang/languages.json): tag -> its name in itself.
const pageLanguages = JSON.parse(fs.readFileSync(path.join(repoDir, "web", "lang", "languages.json"), "utf8"));

// The app's own `{name}` filling (text.js format()).
function format(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (slot, name) =>
    Object.hasOwn(values, name) ? String(values[name]) : slot);
}

// What each level is called on screen. Written out here, not read from messages.js, so
// the tests check the words themselves.
const levelWords = {
  emergency: "Emergency",
  immediate: "See a doctor today",
  urgent: "Urgent: within days",
  prompt: "See a specialist soon",
  consult: "Book a doctor visit",
  monitor: "Keep an eye on it",
  self_care: "Self-care at home",
};

// The verdict line of a result, e.g. "Result: Emergency": in English the words above, in
// another language (`tag`) its own file's.
function verdictText(m, level, tag = "en") {
  return `${m.result.levelLabel} ${tag === "en" ? levelWords[level] : m.levels[level].name}`;
}

// How the page asks the signs (written out here, so the tests check the page's order):
// the two of an emergency first, on a step of their own, where a "yes" goes straight to
// the result; then the others in three groups on one step, each group with "None of these".
const nowFindings = ["sudden_onset_neuro", "breathing_hard_now"];
const signGroups = {
  speech: ["breathing_problems", "slurred_speech", "swallowing_difficulty"],
  strength: ["muscle_wasting", "weakness", "weakness_progressive", "function_loss", "asymmetric", "coordination_changes"],
  body: ["spreading", "worsening", "numbness_tingling", "stiffness", "cramps", "behaviour_changes",
    "medicine_suspected", "family_history"],
};

// The steps for `input`. `findingAnswers` may override a finding's answer with another
// label (e.g. "Not sure") or null (skip it). Each step: {name, heading, actions, advance};
// each action one of
//   {kind: "check", role: "checkbox", name, exact}       tick a box
//   {kind: "select", label, option}                      pick an option by its text
//   {kind: "fill", label, value}                         type into a field
//   {kind: "choose", group, groupExact, option}          pick a radio in a named group
function checkerSteps(m, input, { findingAnswers = {} } = {}) {
  const answer = { true: m.answers.yes, false: m.answers.no };
  const where = [];
  for (const { region, side } of input.regions ?? []) {
    where.push({ kind: "check", role: "checkbox", name: m.regions[region], exact: true });
    where.push({ kind: "select", label: `${m.where.side} ${format(m.where.sideFor, { region: m.regions[region] })}`, option: m.sides[side] });
  }
  const weeks = input.self_care_weeks ?? 0;
  const tried = [
    { kind: "choose", group: m.tried.lifestyleLegend, groupExact: false, option: answer[Boolean(input.lifestyle_changes_tried)] },
    { kind: "fill", label: m.tried.weeksLabel, value: String(weeks) },
  ];
  if (weeks > 0) {
    const improved = input.improved === null || input.improved === undefined ? m.answers.notSure : answer[input.improved];
    tried.push({ kind: "choose", group: m.tried.improvedLegend, groupExact: false, option: improved });
  }
  const chosenFor = (key) => (key in findingAnswers ? findingAnswers[key]
    : key in (input.findings ?? {}) ? answer[input.findings[key]] : null);
  const choices = (keys) => keys.filter(chosenFor)
    .map((key) => ({ kind: "choose", group: m.findings[key], groupExact: true, option: chosenFor(key) }));
  const triggers = (input.triggers ?? []).map((t) => ({ kind: "check", role: "checkbox", name: m.triggers[t], exact: true }));
  // A "yes" to a sign of an emergency leads straight to the result.
  const emergencyNow = nowFindings.some((key) => chosenFor(key) === m.answers.yes);
  const steps = [
    { name: "where", heading: m.where.title, actions: where, advance: m.flow.next },
    { name: "howLong", heading: m.howLong.title, actions: [{ kind: "fill", label: m.howLong.daysLabel, value: String(input.duration_days) }], advance: m.flow.next },
    { name: "tried", heading: m.tried.title, actions: tried, advance: m.flow.next },
    { name: "now", heading: m.now.title, actions: choices(nowFindings), advance: emergencyNow ? m.now.seeWhatToDo : m.flow.next },
  ];
  if (emergencyNow) return steps;
  return [...steps,
    { name: "signs", heading: m.signs.title, actions: choices(Object.values(signGroups).flat()), advance: m.flow.next },
    { name: "triggers", heading: m.triggers.title, actions: triggers, advance: m.flow.seeResult },
  ];
}

// The signs left open in `expected` (a result) whose "yes" alone would make it `level`.
const openSigns = (expected, level) => Object.entries(expected.if_true ?? {})
  .filter(([, wouldBe]) => wouldBe === level).map(([key]) => key);

// The result's headline: a self-care result with a sign of an emergency or a same-day
// visit left open says self-care holds only if none of them fit.
function headlineFor(m, expected) {
  const open = openSigns(expected, "emergency").length + openSigns(expected, "immediate").length > 0;
  return expected.level === "self_care" && open ? m.result.selfCareIfNone : m.levels[expected.level].headline;
}

// What the page sends the engine for `input` when a person answers as checkerSteps plays
// it: the same, but where a sign of an emergency is "yes" the later signs and the
// triggers are never asked.
function pageInput(input) {
  const findings = input.findings ?? {};
  if (!nowFindings.some((key) => findings[key] === true)) return input;
  return { ...input, findings: Object.fromEntries(nowFindings.filter((key) => key in findings).map((key) => [key, findings[key]])), triggers: [] };
}

module.exports = { loadMessages, loadJournalMessages, pageWords, engineWords, pageLanguages, format, levelWords, verdictText, checkerSteps,
  nowFindings, signGroups, pageInput, openSigns, headlineFor };
