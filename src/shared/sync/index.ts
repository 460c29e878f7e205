export * from './entities'
export * from './protocol'
