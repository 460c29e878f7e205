export * from './entities'
export * from './protocol'
export * from './push'
