// The checker, for the app and the widget alike: the flow through its steps (steps.js) and the
// result, in any root (a document or a shadow root); no storage, no network (see mountChecker).

import { format } from "../shared/text.js";
import { checkerEngine, isError } from "../shared/engine.js";
import { h, idPrefix, reveal } from "../shared/dom.js";
import { steps, nowFindings, freshAnswers, toAssessment, controls, stepBuilders, pageLocales } from "./steps.js";

// The steps' names in order (embed.js counts them: see there).
export const checkerSteps = Object.freeze([...steps]);

// Mounts the checker into `root`. Options: `engine` (default: the checker-only module beside app/),
// `headingLevel` (1 on a page of its own, 2 inside an article), `appLink` (URL of the full
// app, shown on the result), `onResult({level, rules})` (called after each result),
// `focusOnStart` (move focus to the first step's heading; off for a page just opened),
// `intro` (false: no title and introduction above the first step, when a host has shown them).
// `answers` (pre-filled answers: prefill.js makes them from an assessment document), `lang` (a language tag
// read before the page's and the browser's when the region's emergency number is looked
// up: the widget's `lang`) and `resultSlot(assessment, result)` (a node shown high on the
// result, given both in full: the app's journal saves them there; never the widget's).
// `words` (lang/<tag>/checker.json) and `language` (its tag, which the engine's causes,
// actions and advice are asked in) are required: the app and the widget load their own.
// Only the app's screens use `startAt` (a step's index, or "result": the view to open
// with, for answers kept over a reload) and `onView(view, how, answers)` (after each view: its
// index or "result", and how it came: "next", "back", "jump", "history", "start", or
// "restart" after "Start again");
// the returned `go(view)` shows a view the browser's history asks for, and `answers()`
// gives the answers with what the step on screen holds.
export function mountChecker(root, options = {}) {
  const m = options.words;
  const engine = options.engine ?? checkerEngine;
  const level = Math.min(Math.max(options.headingLevel ?? 1, 1), 5);
  const container = h("div", { class: "tc-checker" });
  root.append(container);
  const ctx = {
    m, options, id: idPrefix(), locales: pageLocales(options.lang),
    state: { answers: options.answers ?? freshAnswers(), stepIndex: 0 },
    heading: (text, extra = 0, attrs = {}) => h(`h${Math.min(level + extra, 6)}`, attrs, text),
  };
  ctx.parts = controls(ctx);
  ctx.flow = flow(ctx, container, engine, options.language);

  // The module loads on the first sign of interest, so a page that never uses the
  // checker never downloads it.
  const warmOnce = () => {
    for (const type of ["pointerdown", "focusin", "keydown"]) container.removeEventListener(type, warmOnce);
    engine.warm(options.language).catch(() => {}); // a failure shows up when the result is asked for
  };
  for (const type of ["pointerdown", "focusin", "keydown"]) container.addEventListener(type, warmOnce);

  ctx.flow.go(options.startAt ?? 0, "start", options.focusOnStart ?? false);
  return {
    element: container,
    go: (view) => ctx.flow.go(view, "history"),
    // The answers with what the step on screen holds (for the app, as the page goes away).
    answers: () => (ctx.state.saveStep?.(), ctx.state.answers),
    destroy() { container.remove(); },
  };
}

// A step's form: the intro on the first step (unless the host shows it), "Step n of N",
// the step's title, hint and questions, Back and the main button. `go(index)` moves to
// another step; `finish()` asks for the result.
function stepForm(ctx, index, go, finish) {
  const { m, heading, options } = ctx;
  const name = steps[index];
  const titleId = `${ctx.id}-${name}-title`;
  // A step that can lead straight to the result (the emergency signs) calls `changed`
  // when its answers change, and the main button says where it goes.
  const step = { changed: () => {} };
  const body = stepBuilders[name](ctx, step);
  ctx.state.saveStep = body.save; // what is typed here, kept when the app's history moves on
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
        go(index - 1, "back");
      } }, m.flow.back) : null,
      primary));

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    body.save();
    const problem = body.validate();
    if (problem) {
      ctx.parts.showFieldError(problem);
      return;
    }
    if (!last && !body.straightToResult?.()) go(index + 1, "next");
    else finish("next");
  });
  return form;
}

// The flow: each view replaces the last.
function flow(ctx, container, engine, language) {
  const { m, state, options } = ctx;

  // Focus moves to the view's heading so a screen reader starts there, and the view's
  // top comes into sight (a question asked for by name comes to the middle). The first
  // view does neither: it must not pull a host page's scroll.
  function show(view, focusTarget, focus = true) {
    container.replaceChildren(view);
    if (!focus) return;
    const target = focusTarget ?? view.querySelector("[data-focus-first]");
    target?.focus({ preventScroll: true });
    if (target && !target.hasAttribute("tabindex")) reveal(target, "center");
    else reveal(view, "start");
  }

  function renderStep(index, focusSelector, focus = true, how = "jump") {
    state.stepIndex = index;
    const form = stepForm(ctx, index, (to, toHow) => renderStep(to, null, true, toHow), checkAnswers);
    show(form, focusSelector ? form.querySelector(focusSelector) : undefined, focus);
    options.onView?.(index, how, state.answers);
  }

  async function checkAnswers(how = "jump", focus = true) {
    const status = h("p", { class: "tc-status", role: "status", tabindex: "-1" }, m.engine.checking);
    show(h("div", { class: "tc-step" }, status), status, focus);
    let result;
    try {
      result = await engine.assess(toAssessment(state.answers), language);
    } catch {
      problemView(m.engine.failedTitle, [h("p", null, m.engine.failedText)],
        [m.engine.retry, () => checkAnswers(how)], [m.flow.back, () => renderStep(state.stepIndex)]);
      return;
    }
    if (isError(result)) {
      const error = result.error;
      problemView(m.error.title, [h("p", null, m.error.text),
        h("p", { class: "tc-muted" }, format(m.error.detail, { path: error?.path ?? "", message: error?.message ?? "" }))],
      [m.error.back, () => renderStep(0)]);
      return;
    }
    const slot = options.resultSlot?.(toAssessment(state.answers), result) ?? null;
    const { view, title } = resultOf(ctx, result, slot);
    show(view, title, focus);
    options.onView?.("result", how, state.answers);
    options.onResult?.({ level: result.level, rules: result.fired.map((rule) => rule.id) });
  }

  // A failure: its title, its text, and its buttons ([label, onclick], the first filled).
  function problemView(titleText, text, ...buttons) {
    const title = ctx.heading(titleText, 0, { tabindex: "-1" });
    show(h("section", { class: "tc-step tc-problem" }, title, text,
      h("div", { class: "tc-actions" }, buttons.map(([label, onclick], i) =>
        h("button", { type: "button", class: i === 0 ? "tc-primary" : "tc-secondary", onclick }, label)))), title);
  }

  return {
    // The view `view` (a step's index or "result"), come to by `how` (see mountChecker).
    go(view, how, focus = true) {
      if (how === "history") state.saveStep?.();
      return view === "result" ? checkAnswers(how, focus) : renderStep(view, null, focus, how);
    },
    goTo: (index, focusSelector) => renderStep(index, focusSelector),
    startOver() {
      state.answers = freshAnswers();
      renderStep(0, null, true, "restart");
    },
  };
}

// ---- the result: one view per kind (urgent or not), built from small parts ----------

// Levels whose result says one thing: the action now, and the reason for it.
const urgentLevels = new Set(["emergency", "immediate"]);
// Levels that send the person to a doctor within days or weeks: self-care is what to do
// while waiting for the visit, not a plan to try for weeks first.
const doctorLevels = new Set(["urgent", "prompt", "consult"]);
// Levels calm enough that the checklist of signs for help at once is named calmly.
const calmLevels = new Set(["consult", "monitor", "self_care"]);

// Each part takes `ctx`, the mounted checker: its words `m`, `id`, `heading`, `parts`
// (controls.js), `state`, `options`, and `flow` with goTo(stepIndex, focusSelector) and startOver().
const levelText = (m, name) => m.levels[name] ?? { name, headline: name, detail: "" };
const becauseText = (m, fact) => m.because[fact] ?? m.findingNames[fact] ?? fact;

// A titled part of the result: its heading is m.result[key + "Title"].
function section(ctx, key, ...children) {
  const headId = `${ctx.id}-${key}`;
  return h("section", { class: `tc-section tc-${key}`, "aria-labelledby": headId },
    ctx.heading(ctx.m.result[`${key}Title`], 1, { id: headId }), children);
}

// The signs left open (skipped or "Not sure") whose "yes" alone would make the result
// an emergency or same-day one (the result's `if_true`), by that level.
const openUrgent = (result, level) => Object.entries(result.if_true ?? {})
  .filter(([, wouldBe]) => wouldBe === level).map(([key]) => key);

// The result's first words when such a sign is open: what to do if it might be there.
function ifTrueView(ctx, result) {
  const { m } = ctx;
  const box = (level, intro) => {
    const keys = openUrgent(result, level);
    return keys.length === 0 ? null : h("div", { class: `tc-if-true tc-urgent-box tc-level-${level}` },
      h("p", { class: "tc-headline" }, intro),
      h("ul", { class: "tc-if-true-list" }, keys.map((key) => h("li", null, m.findingNames[key] ?? key))),
      level === "emergency" ? ctx.parts.emergencyNumberView() : null);
  };
  return [box("emergency", m.result.ifTrueEmergency), box("immediate", m.result.ifTrueImmediate)];
}

function verdictView(ctx, result) {
  const { m } = ctx;
  const words = levelText(m, result.level);
  // Self-care is not called harmless while a sign of an emergency or a same-day visit
  // is open: the headline then says it holds only if none of those signs fit.
  const open = result.level === "self_care" && [...urgentLevels].some((wouldBe) => openUrgent(result, wouldBe).length > 0);
  const headline = open ? m.result.selfCareIfNone : words.headline;
  return h("div", { class: `tc-verdict tc-level-${result.level}${open ? " tc-verdict-open" : ""}` },
    h("p", { class: "tc-level" },
      h("span", { class: "tc-level-label" }, m.result.levelLabel, " "),
      h("strong", { class: "tc-level-name" }, words.name)),
    h("p", { class: "tc-headline" }, headline),
    result.level === "emergency" ? ctx.parts.emergencyNumberView() : null,
    words.detail ? h("p", { class: "tc-detail" }, words.detail) : null);
}

// Where a rule comes from, in the page's words: the source article's section, general
// safety, or the national guidance it follows. A rule that follows more than one names
// each (found by their names in its `source`, in that order), joined with the words'
// own "{first} and {second}"; a source the file does not know shows as it is.
function sourceText(m, source, calm) {
  // On a calm result the checklist for help at once goes by a calmer name (sourcesCalm).
  const sourceNames = { "general safety": m.result.generalSafety, ...m.result.sources, ...(calm && m.result.sourcesCalm) };
  const found = Object.keys(sourceNames).map((name) => [source.indexOf(name), name])
    .filter(([at]) => at >= 0).sort(([a], [b]) => a - b).map(([, name]) => sourceNames[name]);
  return found.length === 0 ? source
    : found.reduce((first, second) => format(m.result.sourceBoth, { first, second }));
}
const sourceView = (m, rule, calm) => h("p", { class: "tc-source" }, format(m.result.source, { source: sourceText(m, rule.source, calm) }));

const checklistView = (m, count, calm) => (count > 0
  ? h("p", null, format(calm ? m.result.checklistCalm : m.result.checklist, { count })) : null);

// Every reason with what to do. On a result that sends the person to a doctor, the
// self-care reason is framed as what to do while waiting (its own "for 3 to 4 weeks,
// then check again" would say to wait).
function whyView(ctx, result) {
  const { m } = ctx;
  const calm = calmLevels.has(result.level);
  const waiting = (rule) => rule.level === "self_care" && doctorLevels.has(result.level);
  return section(ctx, "why",
    h("p", null, m.result.whyIntro),
    checklistView(m, result.checklist_count, calm),
    h("ol", { class: "tc-fired" }, result.fired.map((rule) =>
      h("li", { class: `tc-rule tc-rule-${rule.level}` },
        h("p", { class: "tc-rule-level" }, waiting(rule) ? m.result.adviceWaitTitle : levelText(m, rule.level).name),
        ctx.heading(rule.cause, 2, { class: "tc-cause" }),
        h("p", null, h("strong", null, m.result.whatToDo), " ", waiting(rule) ? m.result.waitAction : rule.action),
        rule.because.length > 0 ? [
          h("p", { class: "tc-because-label" }, m.result.because),
          h("ul", { class: "tc-because" }, rule.because.map((fact) => h("li", null, becauseText(m, fact)))),
        ] : null,
        sourceView(m, rule, calm)))));
}

// The other reasons of an urgent result, closed until asked for: what each is about and
// its level, not what to do (the verdict says that).
function alsoView(ctx, rules, checklistCount) {
  const { m } = ctx;
  if (rules.length === 0 && checklistCount === 0) return null;
  return h("details", { class: "tc-also" },
    h("summary", null, m.result.alsoTitle),
    h("p", null, m.result.alsoIntro),
    checklistView(m, checklistCount),
    h("ul", { class: "tc-fired" }, rules.map((rule) =>
      h("li", { class: `tc-rule tc-rule-${rule.level}` },
        h("p", { class: "tc-rule-level" }, levelText(m, rule.level).name),
        ctx.heading(rule.cause, 2, { class: "tc-cause" }),
        sourceView(m, rule)))));
}

// Questions whose "yes" would make the result more urgent: the ones answered "Not
// sure" apart from the ones left blank, each a way back to its question.
function unansweredView(ctx, result) {
  const { m } = ctx;
  if (result.unanswered.length === 0) return null;
  const findings = ctx.state.answers.findings;
  const unsure = result.unanswered.filter((key) => findings[key] === "unsure");
  const skipped = result.unanswered.filter((key) => findings[key] !== "unsure");
  const list = (intro, keys) => (keys.length === 0 ? null : [
    h("p", null, intro),
    h("ul", { class: "tc-unanswered-list" }, keys.map((key) =>
      h("li", null, h("button", { type: "button", class: "tc-link-button",
        onclick: () => ctx.flow.goTo(steps.indexOf(nowFindings.includes(key) ? "now" : "signs"), `[data-finding="${key}"] input`) },
      format(m.result.answerThis, { question: m.findingNames[key] ?? key }))))),
  ]);
  return section(ctx, "unanswered", list(m.result.notSureIntro, unsure), list(m.result.skippedIntro, skipped));
}

const disclaimerView = (ctx, result) => section(ctx, "disclaimer", h("p", null, result.disclaimer));

// The result's frame around `content`: its title, the open urgent signs first, and the
// ways on. Returns the view and its title (focus goes there).
function resultView(ctx, result, ...content) {
  const { m, id } = ctx;
  const title = ctx.heading(m.result.title, 0, { tabindex: "-1", class: "tc-result-title", id: `${id}-result-title` });
  const view = h("section", { class: "tc-result", "aria-labelledby": title.id },
    title,
    ifTrueView(ctx, result),
    content,
    // After an emergency or same-day verdict nothing outshines its call: both ways back are quiet.
    h("div", { class: "tc-actions" },
      h("button", { type: "button", class: urgentLevels.has(result.level) ? "tc-secondary" : "tc-primary",
        onclick: () => ctx.flow.goTo(0) }, m.result.change),
      h("button", { type: "button", class: "tc-secondary", onclick: () => ctx.flow.startOver() }, m.result.startAgain)),
    ctx.options.appLink ? h("p", null,
      h("a", { href: ctx.options.appLink, target: "_blank", rel: "noopener" }, m.result.openApp)) : null,
    h("p", { class: "tc-muted tc-version" }, format(m.result.rulesVersion, { version: result.rules_version })));
  return { view, title };
}

// Every level but the two urgent ones: the verdict, every reason with what to do, the
// open questions, the self-care tips.
function plainResult(ctx, result, slot) {
  return resultView(ctx, result,
    verdictView(ctx, result),
    slot,
    whyView(ctx, result),
    unansweredView(ctx, result),
    section(ctx, doctorLevels.has(result.level) ? "adviceWait" : "advice",
      h("ul", { class: "tc-advice-list" }, result.advice.map((text) => h("li", null, text)))),
    disclaimerView(ctx, result));
}

// Emergency and same-day: one instruction (the verdict) and the reason that triggered
// it. The rest of what fired waits under a closed "Also in your answers", for a doctor;
// no self-care tips and no self-care reason, which would only blur the one instruction.
function urgentResult(ctx, result, slot) {
  const top = result.fired.filter((rule) => rule.level === result.level);
  const others = result.fired.filter((rule) => rule.level !== result.level && rule.level !== "self_care");
  return resultView(ctx, result,
    verdictView(ctx, result),
    section(ctx, "why", h("ul", { class: "tc-fired" }, top.map((rule) =>
      h("li", { class: `tc-rule tc-rule-${rule.level}` },
        ctx.heading(rule.cause, 2, { class: "tc-cause" }),
        sourceView(ctx.m, rule))))),
    slot,
    unansweredView(ctx, result),
    alsoView(ctx, others, result.checklist_count),
    disclaimerView(ctx, result));
}

// The result's view for `result`, with the app's `slot` (or null) high on it.
function resultOf(ctx, result, slot) {
  return urgentLevels.has(result.level) ? urgentResult(ctx, result, slot) : plainResult(ctx, result, slot);
}
