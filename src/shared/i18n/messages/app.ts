/** Texts of the app shell and screens, bokmål and nynorsk. */
export const app = {
  nb: {
    app: { title: 'NIR Offline' },
  },
  nn: {
    app: { title: 'NIR Offline' },
  },
}
