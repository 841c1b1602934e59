// The Log and the day check-in as a person uses them on a phone and a desktop (issue 23,
// the second walk): the save bar in view once a part is chosen, errors that name what is
// missing, every twitch and check-in reachable, check-ins that are never carried over or
// left empty, the body picture's targets and sides. The clock is fixed (Europe/Berlin).
const { test, expect, expectNoAxeViolations } = require('./fixtures.js');
const { seed, stored, storedInLocalStorage, open } = require('./journal-helpers.js');

test.use({ timezoneId: 'Europe/Berlin', locale: 'en-US' });

const part = (page, region, side) => page.locator(`.tc-fig-part[data-region="${region}"][data-side="${side}"]`).first();
const sizes = [[320, 740], [360, 740], [412, 900], [1280, 900]];

// The element's box lies inside the window.
async function inWindow(page, locator) {
  const box = await locator.boundingBox();
  const height = page.viewportSize().height;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

// A journal of `weeks` weeks before 2026-11-20: one twitch a day at 09:00 (calf, left)
// and a check-in every day with that day's number as its caffeine.
function weeksOfJournal(weeks) {
  const episodes = [];
  const days = [];
  for (let n = weeks * 7; n >= 1; n -= 1) {
    const date = new Date(Date.UTC(2026, 10, 20 - n)).toISOString().slice(0, 10);
    episodes.push({ id: `seed-${n}`, at: `${date}T09:00:00+01:00`, region: 'calf', side: 'left', note: `day ${n} back` });
    days.push({ date, caffeine_mg: n });
  }
  return { schema: 'twitchcheck.journal/1', episodes, days };
}

test.describe('the Log on a phone and a desktop', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-20T08:15:00+01:00'));
    await page.emulateMedia({ reducedMotion: 'reduce' }); // positions are read at once, not mid-scroll
  });

  for (const [width, height] of sizes) {
    test(`at ${width}x${height}, a part tapped on the picture or chosen from the list brings "Save twitch" and "Chosen" into view, over nothing tapped`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await open(page, '/log', 'Log a twitch');
      const save = page.getByRole('button', { name: 'Save twitch' });
      const chosen = page.getByText('Chosen: Left calf or lower leg');
      const calf = part(page, 'calf', 'left');
      await calf.click();
      await expect(chosen).toBeVisible();
      expect(await inWindow(page, save)).toBe(true);
      expect(await inWindow(page, chosen)).toBe(true);
      // The part just tapped is not under the bar.
      const [bar, tapped] = [await page.locator('.tc-savebar').boundingBox(), await calf.boundingBox()];
      expect(tapped.y + tapped.height).toBeLessThanOrEqual(bar.y);
      await save.click();
      await expect(page.getByRole('status').filter({ hasText: 'Saved: Left calf or lower leg at 08:15.' })).toBeVisible();

      // From the list: the part, then the side; the side choices stay clear of the bar.
      await page.getByLabel('Body part').selectOption('Thigh');
      const sides = page.getByRole('group', { name: 'Side' });
      const [bar2, group] = [await page.locator('.tc-savebar').boundingBox(), await sides.boundingBox()];
      expect(group.y + group.height).toBeLessThanOrEqual(bar2.y);
      expect(await inWindow(page, save)).toBe(true);
      await sides.getByRole('radio', { name: 'Right' }).check();
      await expect(page.getByText('Chosen: Right thigh')).toBeVisible();
      expect(await inWindow(page, save)).toBe(true);
      await save.click();
      await expect(page.getByRole('status').filter({ hasText: 'Saved: Right thigh at 08:15.' })).toBeVisible();
      expect((await stored(page)).episodes.map((e) => `${e.region} ${e.side}`)).toEqual(['calf left', 'thigh right']);
    });
  }

  test('logging a twitch from opening the app on a phone takes 3 taps: Log, the body part, Save twitch', async ({ page }) => {
    await page.setViewportSize({ width: 412, height: 900 });
    await page.goto('./');
    let taps = 0;
    const tap = async (locator) => {
      expect(await inWindow(page, locator)).toBe(true); // no scroll needed before the tap
      taps += 1;
      await locator.click();
    };
    await tap(page.getByRole('navigation').getByRole('link', { name: 'Log' }));
    await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
    await tap(part(page, 'calf', 'left'));
    await tap(page.getByRole('button', { name: 'Save twitch' }));
    await expect(page.getByRole('status').filter({ hasText: 'Saved: Left calf or lower leg at 08:15.' })).toBeVisible();
    expect(taps).toBe(3);
  });

  test('the save bar works from the keyboard: focus moves through the choices to "Save twitch", never hidden under the bar', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await open(page, '/log', 'Log a twitch');
    await page.getByLabel('Body part').focus();
    await page.keyboard.type('Calf');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // Left
    await expect(page.getByText('Chosen: Left calf or lower leg')).toBeVisible();
    await page.keyboard.press('Tab'); // the details
    await expect(page.getByText('Add details (optional)')).toBeFocused();
    const [bar, summary] = [await page.locator('.tc-savebar').boundingBox(), await page.getByText('Add details (optional)').boundingBox()];
    expect(summary.y + summary.height).toBeLessThanOrEqual(bar.y);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Save twitch' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Saved: Left calf or lower leg at 08:15.' })).toBeVisible();
    await expectNoAxeViolations(page, 'the Log after a save');
  });

  test('a part with no side says to choose the side, names the choices, and takes the last "Saved" away', async ({ page }) => {
    await page.setViewportSize({ width: 412, height: 900 });
    await open(page, '/log', 'Log a twitch');
    await part(page, 'eyelid', 'right').click();
    await page.getByRole('button', { name: 'Save twitch' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved: Right eyelid at 08:15.' })).toBeVisible();
    await page.getByLabel('Body part').selectOption('Thigh');
    await expect(page.getByText('Chosen: Thigh. Now choose the side.')).toBeVisible();
    await expect(page.getByText('Nothing chosen yet.')).toHaveCount(0);
    await page.getByRole('button', { name: 'Save twitch' }).click();
    await expect(page.getByRole('alert')).toHaveText('Choose the side: Left, Right, or Both sides.');
    await expect(page.getByRole('radio', { name: 'Left', exact: true })).toBeFocused();
    await expect(page.getByText(/Saved:/)).toHaveCount(0);
    expect((await stored(page)).episodes).toHaveLength(1);
  });

  test('sides fit the part: left, right or both for an eyelid, a hand or the face; the middle alone for the tongue', async ({ page }) => {
    await open(page, '/log', 'Log a twitch');
    const sides = page.getByRole('group', { name: 'Side' }).getByRole('radio');
    for (const paired of ['Eyelid', 'Hand or fingers', 'Face or cheek', 'Calf or lower leg']) {
      await page.getByLabel('Body part').selectOption(paired);
      expect(await sides.evaluateAll((all) => all.filter((r) => r.checkVisibility()).map((r) => r.labels[0].textContent.trim())))
        .toEqual(['Left', 'Right', 'Both sides']);
    }
    await page.getByLabel('Body part').selectOption('Tongue');
    expect(await sides.evaluateAll((all) => all.filter((r) => r.checkVisibility()).map((r) => r.labels[0].textContent.trim())))
      .toEqual(['In the middle']);
    await expect(page.getByText('Chosen: Tongue')).toBeVisible();
  });

  test('an entry an earlier version logged "in the middle" of an eyelid keeps its side when changed', async ({ page }) => {
    await page.goto('./');
    await seed(page, { schema: 'twitchcheck.journal/1', days: [], episodes: [
      { id: 'old-1', at: '2026-11-20T07:00:00+01:00', region: 'eyelid', side: 'midline' },
    ] });
    await open(page, '/log', 'Log a twitch');
    await page.getByRole('button', { name: 'Change the twitch at 07:00, Eyelid' }).click();
    await page.getByLabel('Note').fill('kept');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Changed: Eyelid at 07:00.' })).toBeVisible();
    expect((await stored(page)).episodes).toEqual([{ id: 'old-1', at: '2026-11-20T07:00:00+01:00', region: 'eyelid', side: 'midline', note: 'kept' }]);
  });
});

test.describe('the body picture', () => {
  for (const width of [320, 412]) {
    test(`at ${width} px every part is at least 24 by 24 px and no two parts overlap`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await open(page, '/log', 'Log a twitch');
      const boxes = await page.locator('.tc-log .tc-fig-part').evaluateAll((parts) => parts.map((p) => {
        const r = p.getBoundingClientRect();
        return { name: `${p.dataset.region} ${p.dataset.side} ${r.left < p.ownerSVGElement.getBoundingClientRect().left + p.ownerSVGElement.getBoundingClientRect().width / 2 ? 'front' : 'back'}`,
          left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      }));
      expect(boxes).toHaveLength(38); // 22 on the front, 16 on the back
      const small = boxes.filter((b) => b.right - b.left < 24 || b.bottom - b.top < 24).map((b) => b.name);
      expect(small).toEqual([]);
      const overlapping = [];
      boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
        if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) overlapping.push(`${a.name} / ${b.name}`);
      }));
      expect(overlapping).toEqual([]);
    });
  }

  test('the picture marks each side: the leg on your left of the front view is the right one, and says so', async ({ page }) => {
    await open(page, '/log', 'Log a twitch');
    const marks = await page.locator('.tc-log .tc-fig-mark').evaluateAll((all) => all.map((t) => [t.textContent, Math.round(t.getBoundingClientRect().left)]));
    // Front view: R on your left, L on your right; back view: L on your left, R on your right.
    expect(marks.map(([text]) => text)).toEqual(['R', 'L', 'L', 'R']);
    expect(marks[0][1]).toBeLessThan(marks[1][1]);
    await expect(page.getByText('The front view faces you, so your right side (R) is on the left.')).toBeVisible();
    const legs = await page.locator('.tc-fig-part[data-region="thigh"]').evaluateAll((all) => all.map((p) => [p.dataset.side, p.getBoundingClientRect().left]));
    const frontLeftMost = legs.slice(0, 2).sort((a, b) => a[1] - b[1])[0];
    expect(frontLeftMost[0]).toBe('right');
    await part(page, 'face', 'left').click();
    await expect(page.getByText(/^Chosen: Left face/)).toBeVisible();
  });
});

test.describe('every twitch and check-in can be reached', () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-20T08:15:00+01:00'));
  });

  test('six weeks of twitches: "Show more" reaches the first one, which can be changed, deleted and brought back', async ({ page }) => {
    await page.goto('./');
    await seed(page, weeksOfJournal(6));
    await open(page, '/log', 'Log a twitch');
    const earlier = page.getByRole('region', { name: 'Earlier' });
    await expect(earlier.getByRole('listitem')).toHaveCount(10);
    await earlier.getByRole('button', { name: 'Show 20 more' }).click();
    await expect(earlier.getByRole('listitem')).toHaveCount(30);
    await expect(earlier.getByRole('button', { name: 'Show 12 more' })).toBeFocused();
    await earlier.getByRole('button', { name: 'Show 12 more' }).click();
    await expect(earlier.getByRole('listitem')).toHaveCount(42);
    await expect(earlier.getByRole('button', { name: /^Show/ })).toHaveCount(0);
    await expect(earlier.getByRole('listitem').nth(30).getByRole('button', { name: /^Change/ })).toBeFocused();
    const first = earlier.getByRole('listitem').last();
    await expect(first).toContainText('Oct 9, 09:00 · Left calf or lower leg');
    await expect(first).toContainText('day 42 back');

    await first.getByRole('button', { name: 'Change the twitch at 09:00, Left calf or lower leg' }).click();
    await page.getByRole('radio', { name: 'Both sides' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Changed: Both sides, calf or lower leg at 09:00.' })).toBeVisible();
    let doc = await stored(page);
    expect(doc.episodes.find((e) => e.id === 'seed-42')).toEqual({ id: 'seed-42', at: '2026-10-09T09:00:00+02:00', region: 'calf', side: 'both', note: 'day 42 back' });

    await expect(earlier.getByRole('listitem')).toHaveCount(42); // what was shown stays shown
    await earlier.getByRole('listitem').last().getByRole('button', { name: /^Delete/ }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deleted: Both sides, calf or lower leg at 09:00.' })).toBeVisible();
    doc = await stored(page);
    expect(doc.episodes.map((e) => e.id)).not.toContain('seed-42');
    expect(doc.episodes).toHaveLength(41);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await stored(page)).episodes.find((e) => e.id === 'seed-42'))
      .toEqual({ id: 'seed-42', at: '2026-10-09T09:00:00+02:00', region: 'calf', side: 'both', note: 'day 42 back' });
  });

  test('six weeks of check-ins: each is listed, "Show more" reaches the first, which can be changed and deleted with Undo', async ({ page }) => {
    await page.goto('./');
    await seed(page, weeksOfJournal(6));
    await open(page, '/day', 'Day check-in');
    const list = page.getByRole('region', { name: 'Your check-ins' });
    await expect(list.getByRole('listitem')).toHaveCount(10);
    await expect(list.getByRole('listitem').first()).toHaveText(/Thursday, November 19, 2026\s*Caffeine \(mg\): 1/);
    await list.getByRole('button', { name: 'Show 20 more' }).click();
    await list.getByRole('button', { name: 'Show 12 more' }).click();
    await expect(list.getByRole('listitem')).toHaveCount(42);
    await list.getByRole('button', { name: 'Change the check-in for Friday, October 9, 2026' }).click();
    await expect(page.getByLabel('Day', { exact: true })).toHaveValue('2026-10-09');
    await expect(page.getByLabel('Caffeine (mg)')).toHaveValue('42');
    await expect(page.getByLabel('Caffeine (mg)')).toBeFocused();
    await page.getByLabel('Caffeine (mg)').fill('95');
    await page.getByRole('button', { name: 'Save this day' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved for Friday, October 9.' })).toBeVisible();
    expect((await stored(page)).days.find((d) => d.date === '2026-10-09')).toEqual({ date: '2026-10-09', caffeine_mg: 95 });

    await list.getByRole('button', { name: 'Delete the check-in for Friday, October 9, 2026' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deleted the check-in for Friday, October 9.' })).toBeVisible();
    await expect.poll(async () => (await stored(page)).days.map((d) => d.date)).not.toContain('2026-10-09');
    await expect(page.getByLabel('Caffeine (mg)')).toHaveValue('');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await stored(page)).days.find((d) => d.date === '2026-10-09')).toEqual({ date: '2026-10-09', caffeine_mg: 95 });
    await expect(page.getByLabel('Caffeine (mg)')).toHaveValue('95');
  });
});

test.describe('the day check-in keeps only what the person means', () => {
  const yesterday = { date: '2026-11-19', caffeine_mg: 300, water_ml: 1500, sleep_h: 5.5, stress: 8, exercise: 'intense', relaxation_min: 0 };
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-20T21:00:00+01:00'));
    await page.goto('./');
    await seed(page, { schema: 'twitchcheck.journal/1', episodes: [], days: [yesterday] });
  });

  test('a new day is not filled from yesterday, and "Save this day" with nothing filled in saves nothing', async ({ page }) => {
    await open(page, '/day', 'Day check-in');
    for (const label of ['Caffeine (mg)', 'Water (ml)', 'Sleep last night (hours)', 'Stress (0 to 10)', 'Time to relax (minutes)']) {
      await expect(page.getByLabel(label)).toHaveValue('');
    }
    await expect(page.getByRole('radio', { name: 'Hard' })).not.toBeChecked();
    await page.getByRole('button', { name: 'Save this day' }).click();
    await expect(page.getByRole('alert')).toHaveText('There is nothing to save. Fill in at least one field.');
    expect((await stored(page)).days).toEqual([yesterday]);
    await page.getByRole('button', { name: 'Same as the day before' }).click();
    await expect(page.getByLabel('Sleep last night (hours)')).toHaveValue('5.5');
    await page.getByRole('button', { name: 'Save this day' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved for Friday, November 20.' })).toBeVisible();
    expect((await stored(page)).days).toEqual([yesterday, { ...yesterday, date: '2026-11-20' }]);
  });

  test('a check-in can be deleted, and brought back with Undo; an emptied form deletes it too', async ({ page }) => {
    await open(page, '/day', 'Day check-in');
    await page.getByLabel('Day', { exact: true }).fill('2026-11-19');
    await page.getByLabel('Day', { exact: true }).dispatchEvent('change');
    await expect(page.getByLabel('Caffeine (mg)')).toHaveValue('300');
    await page.getByRole('button', { name: 'Delete this check-in' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deleted the check-in for Thursday, November 19.' })).toBeVisible();
    await expect.poll(async () => (await stored(page)).days).toEqual([]);
    await expect(page.getByLabel('Caffeine (mg)')).toHaveValue('');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await stored(page)).days).toEqual([yesterday]);
    await expect(page.getByLabel('Caffeine (mg)')).toHaveValue('300');

    for (const label of ['Caffeine (mg)', 'Water (ml)', 'Sleep last night (hours)', 'Stress (0 to 10)', 'Time to relax (minutes)']) {
      await page.getByLabel(label).fill('');
    }
    await page.getByRole('radio', { name: 'Not said' }).check();
    await page.getByRole('button', { name: 'Save this day' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deleted the check-in for Thursday, November 19.' })).toBeVisible();
    await expect.poll(async () => (await stored(page)).days).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Day check-in' }).waitFor();
    await expect(page.getByText('No check-ins saved yet.')).toBeVisible();
  });

  test('typed answers not saved come back after a visit to another screen, and a reload or a language switch asks first', async ({ page }) => {
    await open(page, '/day', 'Day check-in');
    await page.getByLabel('Caffeine (mg)').fill('120');
    await page.getByRole('navigation').getByRole('link', { name: 'Log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log a twitch' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Day' }).click();
    await page.getByRole('heading', { level: 1, name: 'Day check-in' }).waitFor();
    await expect(page.getByLabel('Caffeine (mg)')).toHaveValue('120');
    await expect(page.getByText('Your answers for Friday, November 20 are back. They are not saved yet.')).toBeVisible();
    expect((await stored(page)).days).toEqual([yesterday]);

    const asked = new Promise((resolve) => page.once('dialog', async (dialog) => {
      resolve(dialog.type());
      await dialog.dismiss(); // stay on the page
    }));
    await page.evaluate(() => { setTimeout(() => location.reload(), 0); });
    expect(await asked).toBe('beforeunload');
    await expect(page.getByLabel('Caffeine (mg)')).toHaveValue('120');
    // The language picker reloads the page in the new language: it asks first too.
    const askedAgain = new Promise((resolve) => page.once('dialog', async (dialog) => {
      resolve(dialog.type());
      await dialog.dismiss();
    }));
    await page.getByLabel('Language').selectOption('Deutsch');
    expect(await askedAgain).toBe('beforeunload');
    await expect(page.getByLabel('Caffeine (mg)')).toHaveValue('120');
    await page.getByRole('button', { name: 'Save this day' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved for Friday, November 20.' })).toBeVisible();
    expect((await stored(page)).days).toEqual([yesterday, { date: '2026-11-20', caffeine_mg: 120 }]);
  });
});

test.describe('a deleted check-in stays deleted', () => {
  const days = [{ date: '2026-11-18', stress: 3 }, { date: '2026-11-19', stress: 5 }];
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(new Date('2026-11-20T21:00:00+01:00'));
  });

  test('deleted in one tab, it leaves the other tab\'s list and does not come back when that tab saves a day', async ({ page, context }) => {
    await page.goto('./');
    await seed(page, { schema: 'twitchcheck.journal/1', episodes: [], days });
    const other = await context.newPage();
    await other.clock.setFixedTime(new Date('2026-11-20T21:00:00+01:00'));
    for (const p of [page, other]) await open(p, '/day', 'Day check-in');
    await page.getByRole('button', { name: 'Delete the check-in for Wednesday, November 18, 2026' }).click();
    await expect(other.getByRole('region', { name: 'Your check-ins' }).getByRole('listitem')).toHaveCount(1);
    await other.getByLabel('Stress (0 to 10)').fill('4');
    await other.getByRole('button', { name: 'Save this day' }).click();
    await expect(other.getByRole('status').filter({ hasText: 'Saved for Friday, November 20.' })).toBeVisible();
    await expect.poll(async () => (await stored(page)).days).toEqual([{ date: '2026-11-19', stress: 5 }, { date: '2026-11-20', stress: 4 }]);
  });

  test('without IndexedDB (localStorage), a deleted check-in is gone after a reload, and Undo brings it back', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
    });
    await page.goto('./');
    await seed(page, { schema: 'twitchcheck.journal/1', episodes: [], days });
    await open(page, '/day', 'Day check-in');
    await page.getByRole('button', { name: 'Delete the check-in for Wednesday, November 18, 2026' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Deleted the check-in for Wednesday, November 18.' })).toBeVisible();
    expect((await storedInLocalStorage(page)).days).toEqual([{ date: '2026-11-19', stress: 5 }]);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Day check-in' }).waitFor();
    await expect(page.getByRole('region', { name: 'Your check-ins' }).getByRole('listitem')).toHaveCount(1);
    await page.getByRole('button', { name: 'Delete the check-in for Thursday, November 19, 2026' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await storedInLocalStorage(page)).days).toEqual([{ date: '2026-11-19', stress: 5 }]);
  });
});
