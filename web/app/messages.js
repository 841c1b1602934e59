// Every string a person sees, in one place, ready for translation. `{name}` marks a value
// filled in at run time (see format()). Keys that mirror the engine's names (levels,
// regions, findings, `because` facts) fall back to the raw text when a rule set adds one
// this file does not know yet. A text that depends on a count is an object of plural
// forms (see plural()): `{ one: "…", other: "…" }`, and "=0" where zero has its own words.

// The language these words are in; plural forms follow its rules.
export const language = "en";

export const messages = {
  app: {
    name: "TwitchCheck",
    tagline: "A private check for muscle twitches.",
    navLabel: "Main",
    skipLink: "Skip to content",
    notFoundTitle: "Page not found",
    notFoundText: "There is no page at this address.",
    notFoundLink: "Go to the twitch check",
    privacy: "Your answers stay on this device. Nothing is sent or saved.",
  },

  nav: {
    check: "Twitch check",
  },

  engine: {
    loading: "Getting the checker ready…",
    checking: "Checking your answers…",
    failedTitle: "The checker could not start",
    failedText: "Please reload the page and try again. If it keeps happening, your browser may be too old.",
    retry: "Try again",
  },

  flow: {
    title: "Check your muscle twitches",
    intro: "Answer a few short questions. You will learn if your twitching looks like the common, harmless kind, or if you should see a doctor, and how soon.",
    introPrivacy: "Your answers stay on this device. Nothing is sent or saved.",
    stepOf: "Step {n} of {total}",
    back: "Back",
    next: "Next",
    seeResult: "See my result",
  },

  where: {
    title: "Where do you feel the twitching?",
    hint: "Choose every place. Then tell us the side. You can tap the body picture or use the list.",
    figureFront: "Front",
    figureBack: "Back",
    figureHint: "Tap a part of the body to add it. Tap it again to remove it.",
    listLegend: "Body parts",
    side: "Side",
    sideFor: "for {region}",
    needOne: "Choose at least one place: tick a body part in the list below, or tap the body picture.",
    groups: {
      head: "Head",
      arms: "Arms and hands",
      trunk: "Neck and body",
      legs: "Legs and feet",
    },
  },

  regions: {
    eyelid: "Eyelid",
    face: "Face or cheek",
    tongue: "Tongue",
    shoulder: "Shoulder",
    upper_arm: "Upper arm",
    forearm: "Forearm",
    hand: "Hand or fingers",
    neck: "Neck",
    chest: "Chest",
    back: "Back",
    abdomen: "Belly",
    thigh: "Thigh",
    calf: "Calf or lower leg",
    foot: "Foot or toes",
  },

  sides: {
    left: "Left",
    right: "Right",
    both: "Both sides",
    midline: "In the middle",
  },

  howLong: {
    title: "How long has it been going on?",
    daysLabel: "Number of days",
    daysHint: "Count from the first day you noticed it. Use 0 if it started today. Two weeks is 14 days.",
    needDays: "Write a whole number of days, from 0 to 36500.",
  },

  tried: {
    title: "What have you tried?",
    lifestyleLegend: "Have you already tried rest and changes to your habits, like less coffee, more sleep or less stress?",
    planSummary: "The five-step self-care plan is: less caffeine, enough water, good sleep, 10 minutes of calm a day, and a twitch journal.",
    weeksLabel: "How many weeks have you followed the five-step self-care plan?",
    weeksHint: "Use 0 if you have not started it.",
    needWeeks: "Write a whole number of weeks, from 0 to 520.",
    improvedLegend: "Since you started the plan, has the twitching got better?",
  },

  answers: {
    yes: "Yes",
    no: "No",
    notSure: "Not sure",
  },

  signs: {
    title: "Other signs",
    hint: "Answer what you can. If you are not sure, choose “Not sure”. Skipped questions count as “no”, and the result tells you which ones could change it.",
  },

  // Questions for each finding key, in the order they are asked (most urgent first).
  findings: {
    sudden_onset_neuro: "In the last few hours, did something start all of a sudden: one side of your face drooping, an arm or leg going weak or numb, or trouble speaking?",
    muscle_wasting: "Does a muscle where it twitches look smaller or thinner than before, or than the same muscle on the other side? (muscle wasting)",
    weakness: "Do the muscles feel weak? For example, is it hard to grip, lift, or climb stairs?",
    weakness_progressive: "Is the weakness getting worse over time?",
    asymmetric: "Is it much worse on one side of your body than the other?",
    spreading: "Has the twitching spread to new parts of your body, far from where it started?",
    numbness_tingling: "Do you have numbness or tingling (pins and needles)?",
    coordination_changes: "Have you become clumsy, or do you trip or lose your balance more?",
    slurred_speech: "Is your speech slurred, or harder to get out?",
    swallowing_difficulty: "Is it hard to swallow, or do you choke on food or drinks?",
    worsening: "Is the twitching getting worse, like more often or stronger?",
    cramps: "Do you also get muscle cramps?",
    family_history: "Has anyone in your family had a disease of the nerves and muscles, such as ALS?",
  },

  // Short names for the same keys, used in lists on the result screen.
  findingNames: {
    sudden_onset_neuro: "A sudden change in your face, arm, leg or speech",
    muscle_wasting: "A muscle that looks smaller (muscle wasting)",
    weakness: "Weak muscles",
    weakness_progressive: "Weakness that gets worse",
    asymmetric: "Much worse on one side",
    spreading: "Twitching that spreads to new places",
    numbness_tingling: "Numbness or tingling",
    coordination_changes: "Clumsy moves or poor balance",
    slurred_speech: "Slurred speech",
    swallowing_difficulty: "Trouble swallowing",
    worsening: "Twitching that gets worse",
    cramps: "Muscle cramps",
    family_history: "A nerve and muscle disease in your family",
  },

  triggers: {
    title: "What might play a part?",
    legend: "Choose any that fit your life lately.",
    hint: "These everyday things often set off twitches. Your tips will start with them.",
    caffeine: "Lots of coffee, tea or energy drinks (caffeine)",
    stress: "Stress or worry",
    fatigue: "Feeling very tired",
    dehydration: "Not drinking enough water",
    intense_exercise: "Hard exercise",
    poor_sleep: "Poor sleep",
  },

  levels: {
    emergency: {
      name: "Emergency",
      headline: "Call your local emergency number now.",
      detail: "Do not wait, and do not drive yourself.",
    },
    immediate: {
      name: "See a doctor today",
      headline: "Get seen by a doctor today.",
      detail: "If your own doctor cannot see you today, go to urgent care.",
    },
    urgent: {
      name: "Urgent: within days",
      headline: "Ask a doctor for an urgent referral, within days.",
      detail: "Do not wait weeks. You may need a scan.",
    },
    prompt: {
      name: "See a specialist soon",
      headline: "See a nerve doctor (neurologist) within 2 to 3 weeks.",
      detail: "Ask your doctor for a referral now.",
    },
    consult: {
      name: "Book a doctor visit",
      headline: "Book a visit with a doctor.",
      detail: "It is not urgent, but it is worth a check.",
    },
    monitor: {
      name: "Keep an eye on it",
      headline: "Keep track of your twitching.",
      detail: "See a doctor if it gets worse or if new signs show up.",
    },
    self_care: {
      name: "Self-care at home",
      headline: "This looks like the common, harmless kind. Start with self-care at home.",
      detail: "Follow the tips below for 3 to 4 weeks, then check again.",
    },
  },

  result: {
    title: "Your result",
    levelLabel: "Result:",
    whyTitle: "Why",
    whyIntro: "These are the parts of your answers that led to this result.",
    whatToDo: "What to do:",
    because: "Based on:",
    source: "Where this comes from: {source}",
    generalSafety: "general safety advice",
    checklist: "Warning signs from the checklist that fit you: {count} of 6.",
    unansweredTitle: "Answering these could change the result",
    notSureIntro: "You were not sure about these. A “yes” to any of them would make the result more urgent.",
    skippedIntro: "You skipped these questions. A “yes” to any of them would make the result more urgent.",
    answerThis: "Answer: {question}",
    adviceTitle: "Self-care tips",
    alsoTitle: "Also in your answers",
    alsoIntro: "A doctor may want to know these too. Tell them when you get help.",
    call: "Call {number}",
    emergencyExamples: "The number is 911 in the US, 112 in Europe and 999 in the UK.",
    disclaimerTitle: "Please note",
    change: "Change my answers",
    startAgain: "Start again",
    rulesVersion: "Rules version {version}",
    openApp: "Open the full app to keep a twitch journal",
  },

  // Plain words for the facts in a fired rule's `because` list.
  because: {
    "CL-PERSISTS": "Twitching for more than 2 weeks, even after rest and changes to your habits",
    "CL-WASTING": "A muscle that looks smaller",
    "CL-WEAKNESS": "Weak muscles",
    "CL-SPREAD": "Twitching that spreads to new places",
    "CL-BULBAR-COORD": "Trouble speaking, trouble swallowing, or clumsy moves",
    "CL-FAMILY": "A nerve and muscle disease in your family",
    "duration_days > 14": "It has gone on for more than 2 weeks",
    "duration_days <= 14": "It has gone on for 2 weeks or less",
    "self_care_weeks >= 3": "You followed the self-care plan for 3 weeks or more",
    "improved == false": "It did not get better",
    lifestyle_changes_tried: "You tried rest and changes to your habits",
    "regions: eyelid only": "It is only in your eyelid",
    "regions include eyelid": "It is in your eyelid",
    "regions include face": "It is in your face",
  },

  error: {
    title: "We could not check these answers",
    text: "Something in the answers did not fit. Please go back and look at them again.",
    detail: "Details: {path} {message}",
    back: "Go back to my answers",
  },

  widget: {
    label: "Muscle twitch checker",
    start: "Start the check",
  },
};

// Fills `{name}` slots in a message with values.
export function format(template, values = {}) {
  return template.replace(/\{(\w+)\}/g, (slot, name) =>
    Object.hasOwn(values, name) ? String(values[name]) : slot);
}

// The plural form of `forms` for `count`, with `{n}` (the count) and `values` filled in:
// an exact form ("=0") first, then the language's own category (Intl.PluralRules: one,
// few, many, other…), then `other`.
const pluralRules = new Intl.PluralRules(language);
export function plural(forms, count, values = {}) {
  const form = forms[`=${count}`] ?? forms[pluralRules.select(count)] ?? forms.other;
  return format(form, { n: count, ...values });
}
