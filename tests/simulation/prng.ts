/**
 * The simulation's seeded PRNG is the demo generator's (mulberry32): the same seed gives the
 * same run, on any machine. Re-exported under the name the simulation uses.
 */
export { Rng as Prng } from '../../src/server/demo/prng'
