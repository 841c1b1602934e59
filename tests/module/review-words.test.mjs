// The native reader's review of German, Spanish and French (issue 22,
// ../shared/reviews/languages-2026-12-06.md; docs/translations.md lists every point): each
// mended text as it now reads, and the sweeps that keep an old word from coming back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoDir } from './module_support.mjs';

const files = {
  core: (tag) => join(repoDir, 'core', 'lang', `${tag}.json`),
  checker: (tag) => join(repoDir, 'web', 'lang', tag, 'checker.json'),
  journal: (tag) => join(repoDir, 'web', 'lang', tag, 'journal.json'),
};
const cache = new Map();
function words(kind, tag) {
  const file = files[kind](tag);
  if (!cache.has(file)) cache.set(file, JSON.parse(readFileSync(file, 'utf8')));
  return cache.get(file);
}
const at = (kind, tag, key) => key.split('.').reduce((w, k) => w?.[k], words(kind, tag));

// Every text of a words file, as [key, text] (plural forms and lists included).
function texts(value, path = '') {
  if (typeof value === 'string') return [[path, value]];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
}
const nb = '\u00a0';

// [file, language, key, the text as it reads now]: one row per mended text (the review's
// point number first).
const mended = [
  [1, 'core', 'es', 'checker.rules.RF-SPREADING.action', 'Vaya a un especialista en nervios y músculos (neurólogo) en las próximas 2 a 3 semanas.'],
  [2, 'core', 'de', 'checker.rules.RF-BULBAR.action', 'Bitten Sie Ihre Arztpraxis um eine dringende Überweisung zu einem Nervenarzt (Neurologen). Sie sollten innerhalb weniger Tage untersucht werden.'],
  [3, 'core', 'de', 'report.page.plan_not_better', 'Noch nicht besser: Die Zuckungen sind nicht um 30 % oder mehr zurückgegangen.'],
  [4, 'checker', 'es', 'findings.numbness_tingling', '¿Tiene entumecimiento u hormigueo (sensación de hormigas o de tener la zona dormida)?'],
  [5, 'core', 'es', 'report.page.map_right', 'derecha de la persona'],
  [5, 'core', 'es', 'report.page.map_left', 'izquierda de la persona'],
  [6, 'core', 'fr', 'report.page.map_right', 'droite de la personne'],
  [6, 'core', 'fr', 'report.page.map_left', 'gauche de la personne'],
  [7, 'core', 'es', 'checker.rules.RF-PERSISTENT-WORSENING.cause', 'Los espasmos que duran más de 2 semanas y van a peor la mayoría de las veces son inofensivos (síndrome de fasciculaciones benignas). Un médico puede buscar un problema temprano de músculos o nervios.'],
  // Point 8's "il faut les surveiller" went with the monitor level: RF-PERSISTENT asks for a
  // doctor's visit now (issue 19), and its cause no longer speaks of watching.
  [8, 'core', 'fr', 'checker.rules.RF-PERSISTENT.cause', 'Vos secousses durent depuis plus de 2 semaines. C’est le plus souvent sans danger (syndrome des fasciculations bénignes).'],
  [9, 'core', 'fr', 'checker.rules.SAFETY-SUDDEN.cause', 'Un changement soudain dans la façon dont bougent le visage, un bras ou une jambe, ou dans la façon de parler, peut être le signe d’un AVC ou d’une autre urgence.'],
  [10, 'journal', 'es', 'plan.steps.caffeine.text', 'Tome 200 mg de cafeína al día o menos. Redúzcala poco a poco, a lo largo de 7 a 10 días.'],
  [12, 'checker', 'es', 'levels.prompt.headline', 'Vaya a un especialista en nervios y músculos (neurólogo) en las próximas 2 a 3 semanas.'],
  [13, 'checker', 'fr', 'levels.prompt.headline', 'Consultez un neurologue (spécialiste des nerfs) dans les 2 à 3 semaines.'],
  [14, 'core', 'fr', 'checker.rules.EYELID-BENIGN.cause', 'Le tressautement de la paupière (myokymie palpébrale) est fréquent et le plus souvent sans danger. Des yeux fatigués ou secs, le stress et la caféine peuvent le déclencher.'],
  [15, 'core', 'de', 'checker.rules.EYELID-PERSISTENT.action', 'Machen Sie einen Termin bei einem Augenarzt (Facharzt für Augenheilkunde).'],
  [16, 'checker', 'de', 'levels.urgent.detail', 'Warten Sie nicht Wochen. Vielleicht brauchen Sie eine bildgebende Untersuchung.'],
  [17, 'core', 'de', 'checker.rules.CL-TWO-OR-MORE.action', 'Gehen Sie innerhalb von 2 bis 3 Wochen zu einem Nervenarzt (Neurologen). Er kann Ihre Nerven und Muskeln testen (Messung der Nervenleitgeschwindigkeit und EMG) und Ihr Blut untersuchen.'],
  [18, 'core', 'fr', 'checker.rules.CL-TWO-OR-MORE.action', 'Consultez un neurologue (spécialiste des nerfs) dans les 2 à 3 semaines. Il pourra tester vos nerfs et vos muscles (mesure de la conduction nerveuse et EMG) et faire une prise de sang.'],
  [19, 'checker', 'es', 'findingNames.muscle_wasting', 'Un músculo que se ve más pequeño (atrofia muscular)'],
  [20, 'core', 'de', 'report.regions.neck', 'Hals oder Nacken'],
  [21, 'checker', 'es', 'regions.upper_arm', 'Parte superior del brazo'],
  [21, 'core', 'es', 'report.regions.calf', 'Pantorrilla o parte baja de la pierna'],
  [22, 'core', 'de', 'checker.rules.RF-WASTING.cause', 'Wenn ein Muskel kleiner oder dünner aussieht (Muskelschwund), muss er ärztlich untersucht werden. Dabei wird nach einer Krankheit der Nerven gesucht, die Ihre Muskeln bewegen (eine neurodegenerative Erkrankung wie ALS).'],
  [23, 'core', 'de', 'checker.rules.RF-WASTING.action', 'Lassen Sie sich heute ärztlich untersuchen. Wenn Ihre Arztpraxis heute keinen Termin hat, gehen Sie in eine Notfallpraxis.'],
  [24, 'journal', 'de', 'reportView.onsetTitle', 'Wann es anfing'],
  [24, 'core', 'de', 'report.page.first_last', 'Erste Zuckung: {first}. Letzte Zuckung: {last}.'],
  [25, 'core', 'de', 'report.page.time_of_day', 'Tageszeit: {night} nachts (0–6 Uhr), {morning} morgens (6–12 Uhr), {afternoon} nachmittags (12–18 Uhr), {evening} abends (18–24 Uhr).'],
  [26, 'core', 'es', 'report.counts.twitches.many', '{count} espasmos'],
  [26, 'journal', 'es', 'reportView.notesLeftOut.many', '{n} notas no se muestran aquí, para que el informe quepa en una página.'],
  [27, 'core', 'es', 'report.page.notes_in_backup', 'Todas las notas completas están en la copia de seguridad del diario (JSON).'],
  [28, 'core', 'es', 'checker.disclaimer', 'Esta comprobación no es un diagnóstico. Le ayuda a decidir cuándo ver a un médico. Si algo le preocupa o si algo cambia, hable con un médico.'],
  [28, 'core', 'es', 'checker.rules.SAFETY-SUDDEN.action', 'Llame ahora al número de emergencias de su zona. No vaya conduciendo usted.'],
  [29, 'core', 'fr', 'checker.rules.RF-BULBAR.action', 'Demandez à un médecin de vous adresser en urgence à un neurologue (spécialiste des nerfs). Un médecin devrait vous examiner dans les jours qui viennent.'],
  [30, 'checker', 'de', 'levels.urgent.headline', 'Bitten Sie Ihre Arztpraxis, Sie dringend zu überweisen – innerhalb weniger Tage.'],
  [30, 'core', 'de', 'report.levels.urgent', 'Dringend: innerhalb weniger Tage'],
  [31, 'checker', 'de', 'tried.lifestyleLegend', 'Haben Sie schon versucht, sich auszuruhen und Ihre Gewohnheiten zu ändern, zum Beispiel weniger Kaffee, mehr Schlaf oder weniger Stress?'],
  [32, 'journal', 'de', 'day.exercise.none', 'Kein Sport'],
  [32, 'journal', 'de', 'day.exercise.intense', 'Anstrengend'],
  [33, 'journal', 'de', 'log.recentTitle', 'Ältere Einträge'],
  [34, 'journal', 'de', 'day.stressHint', '0 ist ruhig, 10 ist der größte Stress, den Sie sich vorstellen können.'],
  [35, 'core', 'de', 'report.factor_days.high_stress', 'Tagen mit Stress ab 7 (von 10)'],
  [36, 'core', 'de', 'report.page.notes_in_backup', 'Alle Notizen stehen vollständig in der Sicherungsdatei des Tagebuchs (JSON).'],
  [37, 'core', 'es', 'checker.rules.RF-ASYMMETRIC-WEAKNESS.cause', 'Los espasmos sobre todo en un lado del cuerpo, junto con debilidad, debe revisarlos un médico a fondo.'],
  [38, 'core', 'es', 'checker.rules.EYELID-BENIGN.action', 'Ponga un paño tibio y húmedo sobre el ojo durante unos minutos. Descanse de las pantallas de vez en cuando.'],
  [39, 'checker', 'es', 'levels.emergency.detail', 'No espere. No vaya conduciendo usted.'],
  [40, 'journal', 'es', 'insights.linkDetail', `{a} en {n_a} con el factor, {b} en {n_b} sin él. Los días con el factor tuvieron {ratio} veces la cantidad de espasmos por día (rango del 95${nb}%: {lo} a {hi}).`],
  [41, 'checker', 'es', 'where.figureFront', 'De frente'],
  [41, 'journal', 'es', 'log.figureBack', 'De espaldas'],
  [42, 'checker', 'fr', 'levels.self_care.headline', 'Cela ressemble à la forme courante, sans danger. Commencez par des soins à la maison.'],
  [43, 'checker', 'fr', 'levels.consult.detail', 'Ce n’est pas urgent, mais cela vaut la peine de le faire vérifier.'],
  [44, 'checker', 'fr', 'result.alsoIntro', 'Un médecin voudra peut-être le savoir aussi. Parlez-en au médecin quand vous consulterez.'],
  [45, 'core', 'fr', 'checker.advice.sleep', 'Visez 7 à 9 heures de sommeil chaque nuit. Couchez-vous à la même heure et laissez les écrans de côté avant d’aller au lit.'],
  [46, 'journal', 'fr', 'insights.perDayCaption.other', 'Les {n} derniers jours. La barre la plus haute indique {max}.'],
  [47, 'journal', 'fr', 'log.recentTitle', 'Plus tôt'],
  [48, 'journal', 'fr', 'settings.gigabytes', `{n}${nb}Go`],
  [49, 'checker', 'fr', 'because.regions include face', 'C’est au visage'],
  [49, 'core', 'fr', 'report.facts.regions include face', 'au visage'],
  [50, 'core', 'fr', 'report.page.notes_title', 'Notes écrites par la personne elle-même'],
  [53, 'journal', 'fr', 'insights.linkTitle', `{factor}${nb}: {strength}`],
  [53, 'journal', 'es', 'insights.linkTitle', '{factor}: {strength}'],
  [54, 'journal', 'es', 'insights.strength.none', 'sin relación clara'],
  [54, 'journal', 'fr', 'insights.strength.none', 'pas de lien clair'],
  [56, 'journal', 'de', 'reportView.noteMoment', '{date}, {time} Uhr, {where}'],
  [56, 'journal', 'es', 'reportView.noteMoment', '{date}, {time}, {where}'],
  [56, 'journal', 'fr', 'reportView.noteMoment', '{date} à {time}, {where}'],
  [57, 'journal', 'fr', 'insights.times.afternoon', 'Après\u2011midi (12–\u206017\u00a0h)'],
  [58, 'journal', 'de', 'recheck.savedLevel', 'Zuletzt gespeichertes Ergebnis ({date}): „{level}“.'],
  [58, 'journal', 'es', 'recheck.savedLevel', 'Último resultado guardado ({date}): «{level}».'],
  [58, 'journal', 'fr', 'recheck.savedLevel', `Dernier résultat enregistré ({date})${nb}: «${nb}{level}${nb}».`],
];

test('each text the review mended reads as mended', () => {
  for (const [point, kind, tag, key, text] of mended) assert.equal(at(kind, tag, key), text, `point ${point}: ${kind} ${tag} ${key}`);
});

test('the four Spanish 2-to-3-week actions say "en las próximas 2 a 3 semanas", none "en 2 a 3 semanas"', () => {
  for (const rule of ['CL-TWO-OR-MORE', 'RF-SPREADING', 'RF-PROGRESSIVE-WEAKNESS', 'RF-ASYMMETRIC-WEAKNESS']) {
    assert.ok(at('core', 'es', `checker.rules.${rule}.action`).includes('en las próximas 2 a 3 semanas'), rule);
  }
  for (const kind of ['core', 'checker', 'journal']) {
    for (const [key, text] of texts(words(kind, 'es'))) assert.doesNotMatch(text, /\ben \d+ a \d+ (semanas|días)/, `${kind} ${key}`);
  }
});

test('no Spanish text says "tic", "médico de los nervios" or "pérdida de masa muscular"; no French text "médecin des nerfs"', () => {
  for (const kind of ['core', 'checker', 'journal']) {
    for (const [key, text] of texts(words(kind, 'es'))) {
      assert.doesNotMatch(text, /\btics?\b|médico de los nervios|pérdida de masa muscular/i, `${kind} es ${key}`);
    }
    for (const [key, text] of texts(words(kind, 'fr'))) assert.doesNotMatch(text, /médecin des nerfs/, `${kind} fr ${key}`);
  }
});

test('every Spanish "many" form is its "other" form (no "de" before the noun)', () => {
  let seen = 0;
  for (const kind of ['core', 'journal', 'checker']) {
    for (const [key, text] of texts(words(kind, 'es'))) {
      if (!key.endsWith('.many') || key === 'plural.many') continue; // plural.many: the rule itself
      seen++;
      assert.equal(text, at(kind, 'es', key.replace(/many$/, 'other')), `${kind} ${key}`);
    }
  }
  assert.ok(seen >= 5, `${seen} many forms`);
});

test('the German rule texts, advice and report speak gender-fair ("ärztlich", "Arztpraxis"), never "ein Arzt" or "Ihr Arzt" alone', () => {
  const de = words('core', 'de');
  const checked = [...texts(de.checker.rules, 'rules'), ...texts(de.checker.advice, 'advice'),
    ['checker.disclaimer', de.checker.disclaimer], ['report.disclaimer', de.report.disclaimer]];
  for (const [key, text] of checked) {
    assert.doesNotMatch(text.replaceAll('Ihre Ärztin oder Ihr Arzt', '').replaceAll('Ihrer Ärztin oder Ihrem Arzt', '')
      .replaceAll('eine Ärztin oder ein Arzt', ''), /\b(ein|einem|einen|Ihr|Ihrem|Ihren|zum) Arzt\b/, key);
  }
});

test('the link strengths follow a colon, so German, Spanish and French start them lower case; English keeps its capital', () => {
  for (const tag of ['de', 'es', 'fr']) {
    for (const [key, text] of texts(at('journal', tag, 'insights.strength'))) assert.match(text, /^\p{Ll}/u, `${tag} ${key}`);
  }
  assert.equal(at('journal', 'en', 'insights.strength.none'), 'No clear link');
});

test('French puts a no-break space before every colon of the patterns the page builds lines with', () => {
  for (const key of ['insights.linkTitle', 'insights.placeCount', 'reportView.linkLine', 'recheck.savedLevel', 'log.chosen']) {
    const text = at('journal', 'fr', key);
    assert.ok(text.includes(':'), key);
    assert.doesNotMatch(text, /[^\u00a0]:/, key);
  }
});

test('the hour ranges of the time of day do not break: a word joiner after the dash, a no-break space before the unit', () => {
  for (const tag of ['de', 'es', 'fr']) {
    for (const [key, text] of texts(at('journal', tag, 'insights.times'))) {
      assert.match(text, /\(\d+–\u2060\d+\u00a0(Uhr|h)\)$/, `${tag} ${key}`);
      assert.doesNotMatch(text.slice(text.indexOf('(')), /[ -]/, `${tag} ${key}: no space or hyphen to break at`);
    }
  }
});
