// Answers pre-filled from an assessment document, for the app's "Check again" (the
// widget never pre-fills, so it never loads this).

import { freshAnswers } from "./steps.js";

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
