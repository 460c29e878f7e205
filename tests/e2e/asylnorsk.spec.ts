import { randomUUID } from 'node:crypto'
import type { AsylnorskOffer } from '../../src/shared/domain'
import { addMonths } from '../../src/shared/calendar'
import { messages } from '../../src/shared/i18n'
import { allowedAsylnorskKinds } from '../../src/shared/rules'
import type { PullResponse } from '../../src/shared/sync'
import { AppShellPage } from './pages/AppShellPage'
import { AsylnorskPage } from './pages/AsylnorskPage'
import { LoginPage } from './pages/LoginPage'
import { expectAccessible } from './support/accessibility'
import { dufWithCheck } from './support/extra-persons'
import { DEMO_PASSWORD, expect, test, type Stack } from './support/fixtures'
import { hostPost } from './support/host-api'
import { syncNow } from './support/sync-now'
import { osloDay, personView, weekOf } from './support/norsk-training'
import { closeWithEscape } from './support/overlays'

const { nb, nn } = messages
/** The fixed part of a text before its first placeholder, to find it with any values filled in. */
const lead = (text: string) => text.split('{')[0]!.trim()
const year = Number(osloDay().slice(0, 4))

async function registerLogin(registerUrl: string, username: string): Promise<string> {
  const res = await fetch(`${registerUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { accessToken: string }).accessToken
}

/** The offers the register holds, read through its public pull protocol (A4) as a Bergen device would. */
async function offersOnRegister(registerUrl: string): Promise<AsylnorskOffer[]> {
  const token = await registerLogin(registerUrl, 'tilskot')
  const offers = new Map<string, AsylnorskOffer>()
  let cursor = ''
  for (;;) {
    const res = await fetch(`${registerUrl}/sync/pull?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { headers: { authorization: `Bearer ${token}` } })
    const page = (await res.json()) as PullResponse
    if (page.status !== 'ok') throw new Error(`pull: ${page.status}`)
    for (const set of page.changeSets)
      for (const c of set.changes) if (c.kind === 'upsert' && c.entity === 'asylnorskOffer') offers.set(String(c.data.id), c.data as unknown as AsylnorskOffer)
    cursor = `${page.cursor.epoch}:${page.cursor.seq}`
    if (!page.hasMore) break
  }
  return [...offers.values()]
}

/**
 * An asylum seeker whose application (made in 2020, so R3.5 / R7 rather than the 2021 act's
 * training in reception, R12.0.4) was granted this year, in an ordinary reception centre
 * (D7: asylnorsk closes with the permit, NKNV stays open), imported on the register as the
 * central administrator would; the demo data has none.
 */
async function importGrantedSeeker(stack: Stack): Promise<string> {
  const id = randomUUID()
  const lines = [
    {
      type: 'person',
      id,
      duf: dufWithCheck(`2025${String(Math.floor(Math.random() * 900_000) + 100_000)}`),
      dufCheckFailed: false,
      nationalId: null,
      regNumber: null,
      firstName: 'Nardos',
      middleName: null,
      lastName: 'Kidane',
      birthDate: '1994-04-04',
      sex: 'K',
      closed: false,
      arrivalDate: '2020-09-01',
      followUpMunicipality: '4601',
      followUpDistrict: null,
      followUpByAgreement: false,
      receptionCentre: 'ordinaert',
    },
    {
      type: 'permit',
      id: randomUUID(),
      personId: id,
      groundCode: 'ASYLSOKAR',
      permitType: 'Asylsøknad under behandling',
      legalBasis: 'utlendingsloven § 28',
      validFrom: '2020-09-01',
      validTo: null,
      grantedDate: '2020-09-01',
    },
    {
      type: 'permit',
      id: randomUUID(),
      personId: id,
      groundCode: 'UTL28',
      permitType: 'Opphaldsløyve',
      legalBasis: 'utlendingsloven § 28',
      validFrom: `${year}-02-01`,
      validTo: null,
      grantedDate: `${year}-02-01`,
    },
  ]
  const token = await registerLogin(stack.registerUrl, 'nir-admin')
  const res = await fetch(`${stack.registerUrl}/admin/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
    body: lines.map((l) => JSON.stringify(l)).join('\n'),
  })
  expect(res.status, await res.text()).toBe(200)
  return id
}

test.describe('Asylum-seeker training: the yearly offer on Kommunar and Deltaking asylnorsk (D7, R7, R9)', () => {
  // Serial: the weeks need the offers registered first. Generous: two cores shared by parallel work.
  test.describe.configure({ mode: 'serial', timeout: 240_000 })

  test('tilskot (no person data) gets a first sync, registers the yearly offer by keyboard; a period over two years is refused beside the field and nothing is saved; the offer reaches the register', async ({
    page,
    stack,
    screens,
  }) => {
    await new LoginPage(page).ensureLoggedIn('tilskot', DEMO_PASSWORD)
    const shell = new AppShellPage(page)
    const screen = new AsylnorskPage(page)
    await expect(shell.syncChip).toHaveAttribute('data-state', 'upToDate')
    await shell.menuItem('municipalities').focus()
    await page.keyboard.press('Enter')
    await expect(screen.municipalities).toBeVisible()
    await expect(page.getByTestId('own-municipality')).toContainText('Bergen (4601)')
    await expect(page.getByTestId('offers-none')).toHaveText(nb.asylnorskUi.municipalities.noOffers)
    await screens('kommunar-tilskot-empty-nb')

    await screen.offerRegister.focus()
    await page.keyboard.press('Enter')
    await expect(screen.offerDialog).toBeVisible()
    await expect(screen.offerInput('year')).toBeFocused()
    await expect(screen.offerInput('year')).toHaveValue(String(year))
    await expect(screen.offerInput('from')).toHaveValue(`${year}-01-01`)
    await screen.offerInput('to').fill(`${year + 1}-01-31`)
    await screen.offerInput('to').press('Enter')
    await expect(screen.message('offer-to')).toHaveText(nb.reasons.OFFER_OUTSIDE_YEAR.replace('{year}', String(year)))
    await expect(screen.offerDialog).toBeVisible()
    await screens('kommunar-offer-refused-nb')
    const none = (await (await hostPost(page.request, 'asylnorsk.offers')).json()) as { value: { offers: AsylnorskOffer[] } }
    expect(none.value.offers).toEqual([])

    await screen.offerInput('to').fill(`${year}-12-31`)
    await screen.offerInput('to').press('Enter')
    await expect(screen.offerDialog).toBeHidden()
    await expect(screen.offerRows).toHaveCount(1)
    await expect(screen.offerRows.first()).toContainText(nb.asylnorskUi.kinds.ASYLNORSK)
    await expect(screen.offerRows.first()).toContainText(`01.01.${year}`)

    await syncNow(page.request)
    await expect
      .poll(async () => (await offersOnRegister(stack.registerUrl)).map((o) => `${o.municipality} ${o.year} ${o.kind} ${o.fromDate} ${o.toDate}`))
      .toEqual([`4601 ${year} ASYLNORSK ${year}-01-01 ${year}-12-31`])
    // Applied by the register: the row is in sync and carries no mark any more.
    await expect(screen.offerRows.first().getByTestId('sync-badge')).toHaveCount(0)
    await screens('kommunar-offers-nb')
  })

  test('nynorsk: tilskot registers the NKNV offer by keyboard', async ({ page, screens }) => {
    await new LoginPage(page).ensureLoggedIn('tilskot', DEMO_PASSWORD)
    const shell = new AppShellPage(page)
    const screen = new AsylnorskPage(page)
    await page.goto('/#/kommunar')
    await shell.switchLanguage('nn')
    await expect(page.getByRole('heading', { level: 1, name: nn.asylnorskUi.municipalities.heading })).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: nn.asylnorskUi.municipalities.offersHeading })).toBeVisible()
    await screen.offerRegister.focus()
    await page.keyboard.press('Enter')
    await expect(screen.offerDialog).toBeVisible()
    await screen.choose('offer-kind', nn.asylnorskUi.kinds.NKNV)
    // The same year again is refused beside the year, in nynorsk.
    await screen.offerInput('from').fill(`${year}-03-01`)
    await screen.offerInput('to').fill(`${year}-11-30`)
    await screen.offerInput('to').press('Enter')
    await expect(screen.offerDialog).toBeHidden()
    await expect(screen.offerRows).toHaveCount(2)
    await screen.offerRegister.focus()
    await page.keyboard.press('Enter')
    await screen.offerInput('year').press('Enter')
    await expect(screen.message('offer-year')).toHaveText(nn.reasons.OFFER_EXISTS.replace('{kind}', nn.asylnorskUi.kinds.ASYLNORSK).replace('{year}', String(year)))
    await screens('kommunar-offer-refused-nn')
    await closeWithEscape(page, screen.offerDialog)
    await screens('kommunar-offers-nn')
  })

  test('a norsk caseworker registers weeks for an asylum seeker of the demo data (applied after 2020: training in reception, R12.2.8): both reception kinds offered, the dialog stays on the next week, a week outside the asylnorsk offer is refused beside the week; edit; nynorsk', async ({
    page,
    stack,
    screens,
  }) => {
    await new LoginPage(page).ensureLoggedIn('norsk', DEMO_PASSWORD)
    await syncNow(page.request)
    const screen = new AsylnorskPage(page)
    const shell = new AppShellPage(page)

    // Kommunar read-only for this role: the offers are listed, without a register button.
    await shell.menuItem('municipalities').focus()
    await page.keyboard.press('Enter')
    await expect(screen.offerRows).toHaveCount(2)
    await expect(page.getByTestId('offers-read-only')).toHaveText(nb.asylnorskUi.municipalities.noRole)
    await expect(screen.offerRegister).toHaveCount(0)
    await screens('kommunar-read-only-nb')

    const scope = await stack.scope('norsk')
    let seekerId: string | null = null
    for (const p of scope.persons) {
      const grounds = (scope.permits.get(p.id) ?? []).map((x) => x.groundCode)
      if (p.followUpMunicipality !== '4601' || p.closed || p.receptionCentre !== 'ordinaert' || !grounds.includes('ASYLSOKAR')) continue
      const view = await personView(page, p.id)
      if (allowedAsylnorskKinds(view.evaluation.categories).length === 2 && view.bundle.asylnorsk.length === 0) {
        seekerId = p.id
        break
      }
    }
    expect(seekerId, 'an asylum seeker in an ordinary reception centre in the demo data').not.toBeNull()
    await page.goto(`/#/person/${seekerId}/grunndata`)
    await page.getByTestId('menu-asylnorsk').focus()
    await page.keyboard.press('Enter')
    await expect(screen.screen).toBeVisible()
    // R12.2.8: the demo's seekers applied within the last 18 months, so the 2021 act's kinds.
    await expect(page.getByTestId('asylnorsk-kinds')).toHaveText(
      nb.asylnorskUi.person.allowed.replace('{kinds}', `${nb.asylnorskUi.kinds.MOTTAK_NORSK}, ${nb.asylnorskUi.kinds.MOTTAK_SAMF}`),
    )
    await expect(page.getByTestId('asylnorsk-offers')).toContainText(`01.01.${year} – 31.12.${year}`)
    await expect(page.getByTestId('asylnorsk-mottak-offers')).toHaveText(nb.asylnorskUi.person.mottakOffers)
    await expect(page.getByTestId('asylnorsk-none')).toBeVisible()
    await expectAccessible(page, 'deltaking asylnorsk, training in reception (nb)')
    await screens('asylnorsk-empty-nb')

    await screen.register.focus()
    await page.keyboard.press('Enter')
    await expect(screen.weekDialog).toBeVisible()
    expect(await screen.selectOptions('week-kind')).toEqual([nb.asylnorskUi.kinds.MOTTAK_NORSK, nb.asylnorskUi.kinds.MOTTAK_SAMF])
    // Before any row: the first week inside the offer and the R8 window.
    const first = weekOf(addMonths(osloDay(), -2) > `${year}-01-01` ? addMonths(osloDay(), -2) : `${year}-01-01`)
    await expect(screen.weekInput('year')).toHaveValue(String(first.isoYear))
    await expect(screen.weekInput('week')).toHaveValue(String(first.isoWeek))
    const hours = ['6', '7,5', '4']
    for (const [i, h] of hours.entries()) {
      await screen.weekInput('hours').focus()
      await expect(screen.weekInput('hours')).toBeFocused()
      await page.keyboard.type(h)
      await page.keyboard.press('Enter')
      await expect(page.getByTestId('week-announcement')).toHaveText(
        nb.asylnorskUi.weekDialog.savedWeek.replace('{week}', String(first.isoWeek + i)).replace('{year}', String(first.isoYear)),
      )
      await expect(screen.rows).toHaveCount(i + 1)
      // Stays open on the next week, the hours field focused and empty for it.
      await expect(screen.weekInput('week')).toHaveValue(String(first.isoWeek + i + 1))
      await expect(screen.weekInput('hours')).toBeFocused()
      await expect(screen.weekInput('hours')).toHaveValue('')
    }
    await screens('asylnorsk-dialog-after-save-nb')

    // Refused by the rules beside each field at once (R0), nothing saved: a week of last
    // year (outside the offer) and hours that are not whole quarters.
    await screen.weekInput('year').fill(String(year - 1))
    await screen.weekInput('week').fill('40')
    await screen.weekInput('hours').fill('2,1')
    await screen.weekInput('hours').press('Enter')
    await expect(screen.message('week-week')).toContainText(lead(nb.reasons.ASYLNORSK_NOT_OFFERED))
    await expect(screen.message('week-hours')).toContainText(lead(nb.reasons.HOURS_STEP))
    // Not a number: said beside the field before anything is sent.
    await screen.weekInput('hours').fill('sju')
    await screen.weekInput('hours').press('Enter')
    await expect(screen.message('week-hours')).toHaveText(nb.asylnorskUi.weekDialog.invalidHours)
    await screens('asylnorsk-dialog-refused-nb')
    await closeWithEscape(page, screen.weekDialog)
    await expect(screen.rows).toHaveCount(3)
    expect((await personView(page, seekerId!)).bundle.asylnorsk).toHaveLength(3)

    // Newest first, each row with its sync mark; the summary against the cap.
    await expect(screen.rows.first()).toHaveAttribute('data-week', `${first.isoYear}-${first.isoWeek + 2}`)
    await expect(page.getByTestId('asylnorsk-summary').locator('[data-kind="MOTTAK_NORSK"]')).toHaveText(
      nb.asylnorskUi.person.summaryLine
        .split(' | ')[1]!
        .replace('{kind}', nb.asylnorskUi.kinds.MOTTAK_NORSK)
        .replace('{hours}', '17,5')
        .replace('{max}', '175')
        .replace('{n}', '3'),
    )

    // Edit the oldest week: the dialog says it is registered and saving edits it.
    await screen.row(first.isoYear, first.isoWeek, 'MOTTAK_NORSK').getByTestId('asylnorsk-edit').focus()
    await page.keyboard.press('Enter')
    await expect(page.getByTestId('week-existing')).toBeVisible()
    await expect(screen.weekInput('hours')).toHaveValue('6')
    await screen.weekInput('hours').fill('8')
    await screen.weekInput('hours').press('Enter')
    await expect(page.getByTestId('week-announcement')).toContainText(String(first.isoWeek))
    await closeWithEscape(page, screen.weekDialog)
    await expect(screen.rows).toHaveCount(3)
    await expect(screen.row(first.isoYear, first.isoWeek, 'MOTTAK_NORSK')).toContainText('8')
    await screens('asylnorsk-three-weeks-nb')

    await shell.switchLanguage('nn')
    await expect(page.getByRole('heading', { level: 2, name: nn.asylnorskUi.person.heading })).toBeVisible()
    await expect(page.getByTestId('menu-asylnorsk')).toHaveText(nn.person.menu.asylnorsk)
    await screen.register.focus()
    await page.keyboard.press('Enter')
    await expect(screen.weekDialog).toBeVisible()
    await screen.choose('week-kind', nn.asylnorskUi.kinds.MOTTAK_SAMF)
    await screen.weekInput('hours').fill('2')
    await screen.weekInput('hours').press('Enter')
    await expect(page.getByTestId('week-announcement')).toHaveText(/^Veke \d+ \d{4} lagra\. Neste veke er vald\.$/)
    await screens('asylnorsk-dialog-nn')
    await closeWithEscape(page, screen.weekDialog)
    await expect(screen.rows).toHaveCount(4)
    // One week is one *veke*, not "1 veker".
    // R12.2.8: social studies in reception is capped at 25 hours.
    await expect(page.getByTestId('asylnorsk-summary').locator('[data-kind="MOTTAK_SAMF"]')).toHaveText(
      nn.asylnorskUi.person.summaryLine.split(' | ')[0]!.replace('{kind}', nn.asylnorskUi.kinds.MOTTAK_SAMF).replace('{hours}', '2').replace('{max}', '25').replace('{n}', '1'),
    )
    await expect(page.getByTestId('asylnorsk-mottak-offers')).toHaveText(nn.asylnorskUi.person.mottakOffers)
    await expectAccessible(page, 'deltaking asylnorsk, training in reception (nn)')
    await screens('asylnorsk-nn')
  })

  test('A4 fix and resubmit: an offer the register refuses (another device registered that kind and year first) opens pre-filled from Kommunar?fix=', async ({
    page,
    stack,
    screens,
  }) => {
    await new LoginPage(page).ensureLoggedIn('tilskot', DEMO_PASSWORD)
    await syncNow(page.request)
    const screen = new AsylnorskPage(page)
    // The register gets next year's NKNV offer from elsewhere; this device has not pulled it yet.
    const token = await registerLogin(stack.registerUrl, 'nir-admin')
    const theirs = { type: 'asylnorskOffer', id: randomUUID(), municipality: '4601', year: year + 1, kind: 'NKNV', fromDate: `${year + 1}-01-01`, toDate: `${year + 1}-06-30` }
    const imported = await fetch(`${stack.registerUrl}/admin/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      body: JSON.stringify(theirs),
    })
    expect(imported.status, await imported.text()).toBe(200)
    const ours = { id: randomUUID(), municipality: '4601', year: year + 1, kind: 'NKNV', fromDate: `${year + 1}-02-01`, toDate: `${year + 1}-11-30` }
    expect(((await (await hostPost(page.request, 'asylnorsk.registerOffer', ours)).json()) as { ok: boolean }).ok).toBe(true)
    await syncNow(page.request)
    const problems = (await (await hostPost(page.request, 'sync.problems')).json()) as { value: { problems: { mutationId: string; command: string }[] } }
    const problem = problems.value.problems.find((x) => x.command === 'asylnorsk.registerOffer')
    expect(problem, 'the register refused the second NKNV offer of the year').toBeDefined()

    await page.goto(`/#/kommunar?fix=${problem!.mutationId}`)
    await expect(screen.offerDialog).toBeVisible()
    await expect(screen.offerInput('year')).toHaveValue(String(year + 1))
    await expect(screen.offerInput('from')).toHaveValue(`${year + 1}-02-01`)
    await expect(screen.offerInput('to')).toHaveValue(`${year + 1}-11-30`)
    await expect(page.getByTestId('offer-kind')).toContainText(nb.asylnorskUi.kinds.NKNV)
    // The register's reason stands beside the field it concerns.
    await expect(screen.message('offer-year')).toHaveText(nb.reasons.OFFER_EXISTS.replace('{kind}', nb.asylnorskUi.kinds.NKNV).replace('{year}', String(year + 1)))
    await screens('kommunar-offer-fix-nb')
    await closeWithEscape(page, screen.offerDialog)
  })

  test('only the kinds the category allows are offered: NKNV alone after a granted permit; none for a person outside both target groups, with the register button off', async ({
    page,
    stack,
    screens,
  }) => {
    await new LoginPage(page).ensureLoggedIn('norsk', DEMO_PASSWORD)
    const screen = new AsylnorskPage(page)
    const grantedId = await importGrantedSeeker(stack)
    await syncNow(page.request)
    await screen.openPerson(grantedId)
    await expect(page.getByTestId('asylnorsk-kinds')).toHaveText(nb.asylnorskUi.person.allowed.replace('{kinds}', nb.asylnorskUi.kinds.NKNV))
    await screen.register.focus()
    await page.keyboard.press('Enter')
    await expect(screen.weekDialog).toBeVisible()
    expect(await screen.selectOptions('week-kind')).toEqual([nb.asylnorskUi.kinds.NKNV])
    await expectAccessible(page, 'asylnorsk week dialog, NKNV only')
    await closeWithEscape(page, screen.weekDialog)

    // No asylum-seeker permit at all (the extra person with a reg-nummer has no permits).
    await screen.openPerson(stack.extra.withRegNumber.id)
    await expect(page.getByTestId('asylnorsk-no-kinds')).toHaveText(nb.asylnorskUi.person.noKinds)
    await expect(screen.register).toBeDisabled()
    await screens('asylnorsk-no-kinds-nb')
  })
})
