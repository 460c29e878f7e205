import { describe, expect, test } from 'vitest'
import { StartupError } from '../host/startup-error'
import { chooseRegister } from './register-choice'

describe('chooseRegister (A8, issue 11 point 9): the embedded register only as the demo, never beside a real one', () => {
  test.each([
    ['a configured register, source tree', { NIR_REGISTER_URL: 'https://nir.example.no' }, false, { kind: 'external', url: 'https://nir.example.no' }],
    ['a configured register, packaged', { NIR_REGISTER_URL: 'https://nir.example.no' }, true, { kind: 'external', url: 'https://nir.example.no' }],
    ['no register, source tree (npm start): the demo', {}, false, { kind: 'demo' }],
    ['no register, packaged, demo asked for', { NIR_DEMO: '1' }, true, { kind: 'demo' }],
    ['an empty NIR_REGISTER_URL counts as unset', { NIR_REGISTER_URL: '  ' }, false, { kind: 'demo' }],
  ])('%s', (_what, env, packaged, expected) => {
    expect(chooseRegister(env, packaged)).toEqual(expected)
  })

  test.each([
    ['packaged without a register: no silent demo', {}, true, /NIR_REGISTER_URL.*NIR_DEMO=1/],
    ['packaged, NIR_DEMO other than 1', { NIR_DEMO: 'yes' }, true, /No central register/],
    ['demo and a real register together', { NIR_DEMO: '1', NIR_REGISTER_URL: 'https://nir.example.no' }, false, /exclude each other/],
    ['demo and a real register together, packaged', { NIR_DEMO: '1', NIR_REGISTER_URL: 'https://nir.example.no' }, true, /exclude each other/],
  ])('refused: %s, with a message the user can act on', (_what, env, packaged, message) => {
    expect(() => chooseRegister(env, packaged)).toThrow(StartupError)
    expect(() => chooseRegister(env, packaged)).toThrow(message)
  })
})
