/** Participant certificates (*deltakarbevis*, D10, issue 10): the document's content, pure. */
export { certificateContent, isRefused, type CertificateOptions } from './content'
export * from './types'
